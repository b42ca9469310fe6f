/**
 * `npm run report:screens`: builds the harbor estate, writes its HTML report and
 * saves a screenshot of each main view for people to look at (default folder
 * .estate/screens; pass another as the first argument, and a result JSON or a
 * written report.html as the second to shoot that estate's report instead).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEstate } from '../../fixtures/build-estate.mjs';
import { openReport } from './openReport.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(process.argv[2] ?? path.join(root, '.estate/screens'));
const given = process.argv[3];
mkdirSync(out, { recursive: true });

const cli = path.join(root, 'bin/assess.js');
const report = given?.endsWith('.html') ? path.resolve(given) : path.join(out, 'report.html');
if (given?.endsWith('.html')) {
  // Shot as written.
} else if (given) execFileSync(process.execPath, [cli, 'report', given, '--html', report], { stdio: 'inherit' });
else {
  const estate = buildEstate('harbor-estate', path.join(root, '.estate/harbor-estate'));
  execFileSync(process.execPath, [cli, 'scan', estate, '-q', '--html', report], {
    stdio: 'inherit',
    env: { ...process.env, ASSESS_OFFLINE: '1' },
  });
}

const opened = await openReport(report, { hash: 'overview' });
const { page } = opened;
const shoot = async (name) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(path.join(out, `${name}.png`));
};
await shoot('overview');
await page.evaluate(() => (location.hash = 'graph'));
await page.waitForSelector('body[data-graph-drawn="true"]');
await shoot('graph');
// The most connected node of the level shown first, whatever the estate.
const busiest = await page.evaluate(`(() => {
  const data = JSON.parse(document.getElementById('assess-data').textContent);
  const level = data.levels.find((l) => l.id === data.startLevel) ?? data.levels[0];
  const degree = level.nodes.map(() => 0);
  for (const e of level.edges) { degree[e.s] += 1; degree[e.t] += 1; }
  return level.nodes[degree.indexOf(Math.max(...degree))].label;
})()`);
await page.locator('[data-role=graph-search]').fill(busiest);
await page.locator('[data-role=graph-search]').press('Enter');
await shoot('graph-selected');
await page.locator('.graph-view button.level[data-level=namespace]').click();
await shoot('graph-namespaces');
if (await page.locator('.graph-view button.level[data-level=cluster]').count()) {
  await page.locator('[data-role=graph-search]').fill('');
  await page.locator('.graph-view button.level[data-level=cluster]').click();
  await shoot('graph-clusters');
}
await page.evaluate(() => (location.hash = 'matrix'));
await page.locator('.matrix-view button.level[data-level=namespace]').click();
await shoot('matrix');
await page.evaluate(() => (location.hash = 'findings'));
await page.locator('[data-table=findings] tbody tr').first().click();
await shoot('findings');
await page.evaluate(() => (location.hash = 'plots'));
await shoot('plots');
if (await page.locator('[data-view=decomposition]').count()) {
  await page.evaluate(() => (location.hash = 'decomposition'));
  await shoot('decomposition');
}
await opened.close();
if (opened.errors.length > 0 || opened.requests.length > 0) {
  console.error('errors:', opened.errors, 'requests:', opened.requests);
  process.exitCode = 1;
}
