#!/usr/bin/env node
/**
 * HTML report benchmark: for each saved result (`node bench/report.mjs result.json …`;
 * default: the harbor fixture estate, scanned first), the time to write the report,
 * its size, what each level draws, and the time to first draw of the graph in
 * headless Chromium (navigation start to sigma's first frame), every request blocked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEstate } from '../fixtures/build-estate.mjs';
import { loadClientBundle } from '../dist/src/report/html/clientBundle.js';
import { renderHtml } from '../dist/src/report/html/renderHtml.js';
import { openReport } from '../test/browser/openReport.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'assess-bench-report-'));

function harborResult() {
  const estate = buildEstate('harbor-estate', path.join(work, 'harbor-estate'));
  const out = path.join(work, 'harbor.json');
  execFileSync(process.execPath, [path.join(root, 'bin/assess.js'), 'scan', estate, '-q', '--json', out], {
    env: { ...process.env, ASSESS_OFFLINE: '1' },
  });
  return out;
}

const inputs = process.argv.slice(2);
const client = loadClientBundle();
for (const input of inputs.length > 0 ? inputs : [harborResult()]) {
  const result = JSON.parse(readFileSync(input, 'utf8'));
  const started = performance.now();
  const html = renderHtml(result, { client });
  const writeMs = performance.now() - started;
  const file = path.join(work, `${path.basename(input, '.json')}.html`);
  writeFileSync(file, html);
  const data = JSON.parse(
    html.slice(html.indexOf('>', html.indexOf('id="assess-data"')) + 1, html.indexOf('</script>')),
  );
  const opened = await openReport(file, { hash: 'graph' });
  await opened.page.waitForSelector('body[data-graph-drawn="true"]', { timeout: 120_000 });
  const firstDraw = await opened.page.evaluate("performance.getEntriesByName('assess-graph-drawn')[0].startTime");
  await opened.close();
  console.log(`${input}`);
  console.log(
    `  report ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB, written in ${Math.round(writeMs)} ms`,
  );
  for (const level of data.levels)
    console.log(
      `  ${level.id.padEnd(9)} ${String(level.nodes.length).padStart(6)} nodes ${String(level.edges.length).padStart(7)} edges  matrix ${level.dsm.order.length}`,
    );
  console.log(`  opens at the ${data.startLevel} level`);
  console.log(`  first draw of the graph in Chromium: ${Math.round(firstDraw)} ms after navigation start`);
  if (opened.errors.length > 0 || opened.requests.length > 0)
    console.log('  errors:', opened.errors, 'requests:', opened.requests);
}
