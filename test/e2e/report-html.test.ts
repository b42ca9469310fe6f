/**
 * The HTML report end to end: the real CLI writes it for the harbor estate with
 * an injection payload planted in a file name and an SQL string, and a real
 * headless Chromium opens it with every request blocked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/result.js';
import type { ReportData } from '../../src/report/html/reportData.js';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
// @ts-expect-error plain JS test helper, shared with npm run report:screens
import { openReport } from '../browser/openReport.mjs';
import { assess } from './cli.js';
import { expectedHeadlines } from './headlineExpectations.js';

type Opened = {
  page: import('playwright-core').Page;
  requests: string[];
  errors: string[];
  close: () => Promise<void>;
};

const PAYLOAD_FILE = '<img src=x onerror=window.__pwned=1>.js';
const PAYLOAD_SQL = "'</script><script>window.__pwned = 2</script>'";

let work: string;
let report: string;
let opened: Opened;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-report-'));
  const estate = buildEstate('harbor-estate', path.join(work, 'harbor-estate')) as string;
  // Written after the repositories are built: a name with < and > is not committed anywhere.
  writeFileSync(
    path.join(estate, 'harbor-web/src/legacy', PAYLOAD_FILE),
    `const sql = require('mssql');\n\nasync function findTemplate(pool) {\n  return pool.request().query("SELECT * FROM dbo.NotificationTemplates WHERE Code = ${PAYLOAD_SQL}");\n}\n\nmodule.exports = { findTemplate };\n`,
  );
  report = path.join(work, 'report.html');
  const run = assess(['scan', estate, '-q', '--json', path.join(work, 'result.json'), '--html', report]);
  if (run.status !== 0) throw new Error(`scan exited ${run.status}: ${run.stderr}`);
  opened = (await openReport(report, { hash: 'graph' })) as Opened;
  await opened.page.waitForSelector('body[data-graph-drawn="true"]', { timeout: 30_000 });
});

afterAll(async () => {
  await opened?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// Expressions, not functions: this file is type-checked without the DOM library.
const embedded = (): Promise<ReportData> =>
  opened.page.evaluate("JSON.parse(document.getElementById('assess-data').textContent)");
const showView = (view: string): Promise<unknown> => opened.page.evaluate(`location.hash = ${JSON.stringify(view)}`);

describe('the HTML report in Chromium', () => {
  it('draws the graph on canvases inside the stage, at the level the data chose', async () => {
    expect(await opened.page.locator('[data-role=graph-stage] canvas').count()).toBeGreaterThan(0);
    const start = (await embedded()).startLevel;
    expect(await opened.page.locator('.graph-view button.level.active').getAttribute('data-level')).toBe(start);
    expect(await opened.page.locator('.graph-status').textContent()).toMatch(/\d+ nodes, \d+ edges/);
  });

  it('finds a node by search, and clicking it shows its details and edges', async () => {
    const { page } = opened;
    const search = page.locator('[data-role=graph-search]');
    await search.fill('no such node anywhere');
    await expect.poll(() => page.locator('.search-results').textContent()).toContain('no match');
    await search.fill('Harbor.Core');
    await expect.poll(() => page.locator('.search-results').textContent()).toContain('Harbor.Core');
    await search.press('Enter');
    const details = page.locator('[data-role=graph-details] .details');
    await expect.poll(() => details.getAttribute('data-node')).toContain('Harbor.Core.csproj');
    // Clear the selection on empty stage, then click the node the camera centred on.
    const stage = page.locator('[data-role=graph-stage]');
    const box = (await stage.boundingBox())!;
    await page.mouse.click(box.x + 3, box.y + 3);
    await expect.poll(() => details.count()).toBe(0);
    await search.fill('');
    await page.waitForTimeout(700);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => details.getAttribute('data-node')).toContain('Harbor.Core.csproj');
    expect(await details.locator('.edge-list').first().textContent()).toMatch(/Uses \(\d+\)/);
    expect(await details.locator('details.edge').count()).toBeGreaterThan(0);
  });

  it('renders the dependency matrix, and a cell opens the edges behind it', async () => {
    const { page } = opened;
    await showView('matrix');
    const canvas = page.locator('[data-role=dsm]');
    await expect.poll(() => canvas.getAttribute('data-size')).not.toBeNull();
    const data = await embedded();
    const level = data.levels.find((l) => l.id === 'project')!;
    expect(Number(await canvas.getAttribute('data-size'))).toBe(level.dsm.order.length);
    const edge = level.edges.find((e) => e.c === 'code')!;
    const row = level.dsm.order.indexOf(edge.s);
    const col = level.dsm.order.indexOf(edge.t);
    const left = Number(await canvas.getAttribute('data-left'));
    const cell = Number(await canvas.getAttribute('data-cell'));
    await canvas.click({ position: { x: left + col * cell + cell / 2, y: row * cell + cell / 2 } });
    // Every row and column is labelled in matrix order, the full name on hover however short the cell.
    const names = level.dsm.order.map((i) => level.nodes[i]!.label);
    expect(
      await page
        .locator('[data-role=dsm-rows] .dsm-label')
        .evaluateAll((els) => els.map((e) => e.getAttribute('title'))),
    ).toEqual(names);
    expect(await page.locator('[data-role=dsm-columns] .dsm-label').count()).toBe(names.length);
    const heading = page.locator('[data-role=dsm-cell]');
    expect(await heading.textContent()).toBe(`${level.nodes[edge.s]!.label} → ${level.nodes[edge.t]!.label}`);
    expect(await page.locator('[data-role=dsm-details] details.edge').count()).toBeGreaterThan(0);
  });

  it('filters the findings table by text and by severity', async () => {
    const { page } = opened;
    await showView('findings');
    const table = page.locator('[data-table=findings]');
    const total = (await embedded()).findings.length;
    await expect.poll(() => table.locator('.count').textContent()).toBe(`${total} of ${total}`);
    await table.locator('[data-filter=Severity]').selectOption('error');
    const errors = (await embedded()).findings.filter((f) => f.severity === 'error').length;
    await expect.poll(() => table.locator('.count').textContent()).toBe(`${errors} of ${total}`);
    await table.locator('[data-filter=Severity]').selectOption('');
    await table.locator('[data-role=table-filter]').fill('onerror');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr td').nth(3).textContent()).toBe(`src/legacy/${PAYLOAD_FILE}`);
    await table.locator('tbody tr').click();
    expect(await page.locator('[data-role=finding-detail] pre').textContent()).toContain(
      '</script><script>window.__pwned = 2</script>',
    );
  });

  it("shows the overview's headline figures as the result's data has them", async () => {
    const { page } = opened;
    await showView('overview');
    const result = JSON.parse(readFileSync(path.join(work, 'result.json'), 'utf8')) as ScanResult;
    for (const [id, want] of Object.entries(expectedHeadlines(result))) {
      const card = page.locator(`[data-headline=${id}]`);
      expect(await card.locator('.figure').textContent(), id).toBe(want.figure);
      if (want.detail) expect(await card.locator('.detail').textContent(), id).toContain(want.detail);
    }
  });

  it('plots hotspots as churn × complexity', async () => {
    const { page } = opened;
    await showView('plots');
    expect(await page.locator('.plot svg circle').count()).toBeGreaterThan(0);
  });

  it('keeps the planted payloads inert text: no element made from them, no script run', async () => {
    const { page } = opened;
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('img, [onerror]').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain(PAYLOAD_FILE);
  });

  it('logged no error and asked for nothing over the network, back on the graph after every other view', async () => {
    await showView('graph');
    await opened.page.waitForTimeout(300);
    expect(await opened.page.locator('[data-role=graph-stage] canvas').first().isVisible()).toBe(true);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });
});

describe('the HTML report of a result holding a decomposition', () => {
  it('draws the cluster level and shows candidates and the seam between two chosen clusters', async () => {
    const result = JSON.parse(readFileSync(path.join(work, 'result.json'), 'utf8')) as ScanResult;
    // Two clusters cut by namespace, the way the decomposition contract names its members.
    const types = result.graph.nodes.filter((n) => n.kind === 'type');
    const billing = types.filter((t) => t.name.startsWith('Harbor.Billing.')).map((t) => t.id);
    const notifications = types.filter((t) => t.name.startsWith('Harbor.Notifications.')).map((t) => t.id);
    const cut = {
      ...result,
      decomposition: {
        clusters: [
          { id: 'billing', name: 'Billing', members: billing, tables: [], sharedTables: [] },
          { id: 'notifications', name: 'Notifications <b>', members: notifications, tables: [], sharedTables: [] },
        ],
        seams: [
          {
            from: 'billing',
            to: 'notifications',
            weight: 2,
            references: [{ from: billing[0], to: notifications[0], count: 2, file: 'src/X.cs', line: 3 }],
            calls: [],
            sharedTables: ['table:dbo.users'],
          },
        ],
      },
      candidates: [
        { cluster: 'notifications', score: 0.7, reasons: ['few callers'], work: ['move the templates table'] },
        { cluster: 'billing', score: 0.9, deployed: 'project:harbor/Billing.csproj', reasons: [], work: [] },
      ],
      notCandidates: [
        { cluster: 'migrator', name: 'Migrator <i>', reason: 'Tooling, not business code: 4 of 4 units.' },
      ],
    };
    const saved = path.join(work, 'cut.json');
    writeFileSync(saved, JSON.stringify(cut));
    const html = path.join(work, 'cut.html');
    expect(assess(['report', saved, '--html', html]).status).toBe(0);
    const page = (await openReport(html, { hash: 'graph' })) as Opened;
    try {
      await page.page.waitForSelector('body[data-graph-drawn="true"]');
      await page.page.locator('.graph-view button.level[data-level=namespace]').click();
      await page.page.locator('[data-role=colour-by]').selectOption('cluster');
      const data = (await page.page.evaluate(
        "JSON.parse(document.getElementById('assess-data').textContent)",
      )) as ReportData;
      const namespaces = data.levels.find((l) => l.id === 'namespace')!.nodes;
      expect(namespaces.find((n) => n.label === 'Harbor.Billing')?.cluster).toBe('billing');
      await page.page.locator('.graph-view button.level[data-level=cluster]').click();
      await expect.poll(() => page.page.locator('.graph-status').textContent()).toMatch(/^\d+ nodes/);
      await page.page.evaluate('location.hash = "decomposition"');
      const candidate = page.page.locator('[data-role=candidate]').first();
      expect(await candidate.textContent()).toContain('few callers');
      expect(await candidate.textContent()).toContain('move the templates table');
      expect(await page.page.locator('[data-cluster=billing] .badge.deployed').textContent()).toBe('deployed');
      const left = page.page.locator('[data-role=not-candidates]');
      expect(await left.locator('li').allTextContents()).toEqual([
        'Migrator <i>: Tooling, not business code: 4 of 4 units.',
      ]);
      expect(await page.page.locator('i').count()).toBe(0);
      await page.page.locator('[data-role=seam-from]').selectOption('billing');
      await page.page.locator('[data-role=seam-to]').selectOption('notifications');
      expect(await page.page.locator('[data-role=seam]').textContent()).toContain('src/X.cs:3');
      expect(await page.page.locator('b').count()).toBe(0);
      expect(page.errors).toEqual([]);
      expect(page.requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the browser harness', () => {
  it('records a request a page makes, so an empty list means none was made', async () => {
    const page = path.join(work, 'asks.html');
    writeFileSync(page, '<!doctype html><body data-ready="true"><img src="http://example.invalid/pixel.png"></body>');
    const probe = (await openReport(page)) as Opened;
    await probe.page.waitForTimeout(200);
    await probe.close();
    expect(probe.requests).toEqual(['http://example.invalid/pixel.png']);
  });
});

describe('assess report', () => {
  it('writes the same report from the saved result as the scan wrote', () => {
    const again = path.join(work, 'again.html');
    const run = assess(['report', path.join(work, 'result.json'), '--html', again]);
    expect(run.status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(report, 'utf8'));
  });

  it('exits 2 naming the file when it is not a result', () => {
    const bogus = path.join(work, 'bogus.json');
    writeFileSync(bogus, '{"schemaVersion": 1, "findings": []}');
    const run = assess(['report', bogus, '--html', path.join(work, 'x.html')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bogus} is not a complete assess result`);
    const text = path.join(work, 'notes.txt');
    writeFileSync(text, 'not json');
    expect(assess(['report', text, '--html', path.join(work, 'x.html')]).stderr).toContain(`${text} is not JSON`);
  });
});
