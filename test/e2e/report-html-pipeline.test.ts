/**
 * The HTML report of a decomposition the real pipeline produced: the marina
 * estate (two repositories, git history) scanned by the CLI, opened in headless
 * Chromium with every request blocked. The cluster level, the candidates with
 * their pilot and value target, the seam between two clusters, and the
 * overview's headline figures are held to the result the same scan wrote.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/result.js';
import type { ReportData } from '../../src/report/html/reportData.js';
// @ts-expect-error plain JS test helper, shared with npm run report:screens
import { openReport } from '../browser/openReport.mjs';
import { scanFixtureEstate, type FixtureScan } from './cli.js';
import { expectedHeadlines } from './headlineExpectations.js';

type Opened = {
  page: import('playwright-core').Page;
  requests: string[];
  errors: string[];
  close: () => Promise<void>;
};

let out: string;
let scan: FixtureScan;
let result: ScanResult;
let opened: Opened;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'assess-report-marina-'));
  const report = path.join(out, 'report.html');
  scan = scanFixtureEstate('marina-estate', ['--offline', '-q', '--html', report]);
  result = scan.result;
  opened = (await openReport(report, { hash: 'graph' })) as Opened;
  await opened.page.waitForSelector('body[data-graph-drawn="true"]', { timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await opened?.close();
  for (const dir of [out, scan?.work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const embedded = (): Promise<ReportData> =>
  opened.page.evaluate("JSON.parse(document.getElementById('assess-data').textContent)");
const showView = (view: string): Promise<unknown> => opened.page.evaluate(`location.hash = ${JSON.stringify(view)}`);

describe('the report of a pipeline-produced decomposition', () => {
  it('has the decomposition the scan made: clusters, seams and ranked candidates', () => {
    expect(result.decomposition?.clusters.length).toBeGreaterThan(2);
    expect(result.decomposition?.seams.some((s) => s.references.length > 0)).toBe(true);
    expect(result.candidates?.some((c) => c.pilot)).toBe(true);
    expect(result.candidates?.some((c) => c.highestValue)).toBe(true);
  });

  it('draws the cluster level: one node per cluster, coloured with a legend naming them', async () => {
    const { page } = opened;
    await page.locator('.graph-view button.level[data-level=cluster]').click();
    const level = (await embedded()).levels.find((l) => l.id === 'cluster')!;
    const clusterNodes = level.nodes.filter((n) => n.kind === 'unit').map((n) => n.label);
    expect(clusterNodes.sort()).toEqual(result.decomposition!.clusters.map((c) => c.name).sort());
    await expect
      .poll(() => page.locator('.graph-status').textContent())
      .toMatch(new RegExp(`^${level.nodes.length} nodes, ${level.edges.length} edges`));
    const legend = (await page.locator('[data-role=group-legend]').textContent()) ?? '';
    for (const name of clusterNodes) expect(legend).toContain(name);
    expect(await page.locator('[data-role=graph-stage] canvas').count()).toBeGreaterThan(0);
  });

  it('shows the pilot and the highest-value target, each with its reasons and work list', async () => {
    const { page } = opened;
    await showView('decomposition');
    const pilot = result.candidates!.find((c) => c.pilot)!;
    const value = result.candidates!.find((c) => c.highestValue)!;
    expect(await page.locator('[data-role=pilot] h3').textContent()).toBe(pilot.name);
    expect(await page.locator('[data-role=value-target] h3').textContent()).toBe(value.name);
    const blocks = page.locator('[data-role=candidate]');
    expect(await blocks.count()).toBe(result.candidates!.length);
    const pilotBlock = page.locator(`[data-role=candidate][data-cluster="${pilot.cluster}"]`);
    expect(await pilotBlock.locator('.badge.pilot').count()).toBe(1);
    expect(await pilotBlock.textContent()).toContain(pilot.reasons[0]!);
    // The work list is the candidate's work object in words: one line per project it moves, at least.
    const work = pilotBlock.locator('[data-role=work-list] li');
    expect(await work.count()).toBeGreaterThanOrEqual(pilot.work.projects.length);
    const projectNames = pilot.work.projects.map(
      (p) => result.graph.nodes.find((n) => n.id === p.project)?.name ?? p.project,
    );
    const workText = (await work.allTextContents()).join('\n');
    for (const name of projectNames) expect(workText).toContain(`Move project ${name}`);
  });

  it('lists the references crossing the seam between two chosen clusters', async () => {
    const { page } = opened;
    const seam = [...result.decomposition!.seams]
      .filter((s) => s.references.length > 0)
      .sort((a, b) => b.references.length - a.references.length)[0]!;
    await page.locator('[data-role=seam-from]').selectOption(seam.from);
    await page.locator('[data-role=seam-to]').selectOption(seam.to);
    const text = (await page.locator('[data-role=seam]').textContent()) ?? '';
    const name = (id: string) => result.graph.nodes.find((n) => n.id === id)?.name ?? id;
    expect(text).toContain(`References (${seam.references.length})`);
    for (const r of seam.references) expect(text).toContain(`${name(r.from)} → ${name(r.to)} ×${r.count}`);
    // Two clusters with nothing between them say so.
    const apart = result.decomposition!.clusters.find(
      (c) =>
        c.id !== seam.from &&
        !result.decomposition!.seams.some(
          (s) => (s.from === seam.from && s.to === c.id) || (s.to === seam.from && s.from === c.id),
        ),
    );
    if (apart) {
      await page.locator('[data-role=seam-to]').selectOption(apart.id);
      expect(await page.locator('[data-role=seam]').textContent()).toContain('Nothing crosses');
    }
  });

  it("shows the overview's headline figures as the result's data has them", async () => {
    const { page } = opened;
    await showView('overview');
    const expected = expectedHeadlines(result);
    // Something to hold each figure to: this estate has unindexed queries, a cycle and end-of-life projects.
    expect(expected.unindexed!.figure).not.toBe('0%');
    expect(expected.cycles!.figure).not.toBe('0');
    for (const [id, want] of Object.entries(expected)) {
      const card = page.locator(`[data-headline=${id}]`);
      expect(await card.locator('.figure').textContent(), id).toBe(want.figure);
      if (want.detail) expect(await card.locator('.detail').textContent(), id).toContain(want.detail);
    }
  });

  it('logged no error and asked for nothing over the network', () => {
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });
});
