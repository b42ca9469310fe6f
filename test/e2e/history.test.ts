/**
 * The harbor-estate fixture with its scripted history (fixtures/harbor-estate/history.json),
 * scanned through the CLI. The figures below are worked out by hand from history.json;
 * EXPECTED.md ("History") tells the story behind them.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, ScanResult } from '../../src/core/result.js';
import { assess, scanFixtureEstate } from './cli.js';
import { runScan } from '../../src/scan/runScan.js';
import { gitProcessCount } from '../../src/history/index.js';

const M = 'file:harbor-monolith/src/Harbor.Core';
const NOTIFICATION_SERVICE = `${M}/Notifications/NotificationService.cs`;
const NOTIFICATION_TEMPLATE = `${M}/Notifications/NotificationTemplate.cs`;
const INVOICE_SERVICE = `${M}/Billing/InvoiceService.cs`;
const USAGE_REPORT = `${M}/Reporting/UsageReport.cs`;
const PROJECTS_CONTROLLER = 'file:harbor-monolith/src/Harbor.Web/Controllers/ProjectsController.cs';
const CLEANUP_SQL = 'file:harbor-monolith/db/maintenance/CleanupNotifications.sql';
const API = 'file:notifications-service/src/Harbor.Notifications.Api';
const TEMPLATE_RENDERER = `${API}/Services/TemplateRenderer.cs`;
const API_CONTROLLER = `${API}/Controllers/NotificationsController.cs`;
const PROGRAM = `${API}/Program.cs`;
const NOTIFICATION_REQUESTED = 'file:harbor-contracts/src/Harbor.Contracts/Notifications/NotificationRequested.cs';
const EVENT_ENVELOPE = 'file:harbor-contracts/src/Harbor.Contracts/EventEnvelope.cs';

let work: string;
let estate: string;
let result: ScanResult;
let table: string;

function scan(...flags: string[]): ScanResult {
  const run = assess(['scan', estate, '--format', 'json', '--quiet', ...flags]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ScanResult;
}
const node = (r: ScanResult, id: string): GraphNode => {
  const found = r.graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const history = (r: ScanResult, id: string) => {
  const data = node(r, id).data;
  return data && 'history' in data ? data.history : undefined;
};
const coChange = (r: ScanResult, a: string, b: string): GraphEdge | undefined =>
  r.graph.edges.find((e) => e.kind === 'co-change' && e.from === (a < b ? a : b) && e.to === (a < b ? b : a));

beforeAll(() => {
  ({ work, estate, result, stdout: table } = scanFixtureEstate('harbor-estate'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The repositories `history.json` scripts; the others have only their import commit. */
const SCRIPTED = ['harbor-contracts', 'harbor-monolith', 'notifications-service'];

describe('harbor-estate history (default window: 12 months before each repository’s newest commit)', () => {
  it('reads each repository’s window, merges and bulk commits included', () => {
    expect(result.repos.filter((r) => SCRIPTED.includes(r.name)).map((r) => [r.name, r.history])).toEqual([
      ['harbor-contracts', { commits: 11, since: '2024-05-20', until: '2025-05-20', shallow: false }],
      ['harbor-monolith', { commits: 26, since: '2024-05-28', until: '2025-05-28', shallow: false }],
      ['notifications-service', { commits: 19, since: '2024-05-30', until: '2025-05-30', shallow: false }],
    ]);
    // Repositories without a scripted history hold only their import commit.
    const importOnly = result.repos.filter((r) => !SCRIPTED.includes(r.name));
    expect(importOnly.every((r) => r.history?.commits === 1)).toBe(true);
    expect(result.stats.commits).toBe(56 + importOnly.length);
    expect(history(result, 'repo:notifications-service')).toMatchObject({ merges: 1, bulkCommits: 0, committers: 2 });
    expect(history(result, 'repo:harbor-monolith')).toMatchObject({ merges: 0, bulkCommits: 1, committers: 3 });
  });

  it('counts revisions and churn per file, following the rename of the cleanup script', () => {
    expect(history(result, NOTIFICATION_SERVICE)).toMatchObject({
      revisions: 11,
      added: 79,
      deleted: 2 + 3,
      churn: 84,
    });
    expect(history(result, INVOICE_SERVICE)).toMatchObject({
      revisions: 8,
      churn: 46,
      authors: 2,
      mainAuthor: 'Tom Becker',
    });
    expect(history(result, CLEANUP_SQL)).toMatchObject({
      revisions: 4,
      added: 18,
      deleted: 1,
      firstChange: '2024-12-16',
      lastChange: '2025-04-07',
      ageDays: 51,
    });
    expect(result.graph.nodes.some((n) => n.path?.startsWith('db/scripts/'))).toBe(false);
  });

  it('rolls history up to types, namespaces, projects and repositories, with the knowledge holder', () => {
    // The partial InvoiceService spans two files; the reformat touched both in one commit, counted once.
    expect(history(result, 'type:Harbor.Billing.InvoiceService')).toMatchObject({ revisions: 8, churn: 47 });
    // Tom Becker wrote 57 of Billing's 65 changed lines: a bus factor of one.
    expect(
      history(result, 'namespace:Harbor.Billing@harbor-monolith/src/Harbor.Core/Harbor.Core.csproj'),
    ).toMatchObject({
      revisions: 9,
      churn: 65,
      mainAuthor: 'Tom Becker',
      mainAuthorShare: 0.88,
    });
    expect(
      history(result, 'project:notifications-service/src/Harbor.Notifications.Api/Harbor.Notifications.Api.csproj'),
    ).toMatchObject({
      revisions: 17,
      mainAuthor: 'Priya Natarajan',
      mainAuthorShare: 0.84,
    });
    expect(history(result, 'repo:harbor-contracts')).toMatchObject({
      revisions: 11,
      churn: 30,
      mainAuthor: 'Kenji Ito',
      mainAuthorShare: 1,
    });
  });

  it('ranks hotspots by churn of logic × complexity, the bulk reformat left out', () => {
    const hotspots = result.findings
      .filter((f) => f.ruleId === 'hotspot')
      .sort((a, b) => Number(a.data.rank) - Number(b.data.rank));
    expect(hotspots.slice(0, 5).map((f) => `file:${f.location.repo}/${f.location.file}`)).toEqual([
      NOTIFICATION_SERVICE, // 83 × 12
      PROJECTS_CONTROLLER, // 21 × 13
      TEMPLATE_RENDERER, // 26 × 6
      INVOICE_SERVICE, // 46 × 3
      API_CONTROLLER, // 25 × 5
    ]);
    expect(hotspots[0]!.data).toMatchObject({
      rank: 1,
      score: 996,
      revisions: 10,
      churn: 83,
      allRevisions: 11,
      allChurn: 84,
      complexity: 12,
      mainAuthor: 'Maria Santos',
    });
  });

  it('finds change coupling within a repository as code-maat computes it, without the bulk reformat', () => {
    // 6 shared commits; 7 and 6 revisions outside the reformat: 6 / 6.5
    expect(coChange(result, INVOICE_SERVICE, USAGE_REPORT)).toMatchObject({
      weight: 6,
      data: { level: 'file', degree: 0.923, revisions: [7, 6], hidden: true, crossRepo: false },
    });
    // NotificationService uses NotificationTemplate: coupled, but not hidden. 4 / avg(10, 5)
    expect(coChange(result, NOTIFICATION_SERVICE, NOTIFICATION_TEMPLATE)).toMatchObject({
      weight: 4,
      data: { degree: 0.533, hidden: false },
    });
    // Rolled up: Billing and Reporting (Reporting references Billing). 6 / avg(8, 6)
    expect(
      coChange(
        result,
        'namespace:Harbor.Billing@harbor-monolith/src/Harbor.Core/Harbor.Core.csproj',
        'namespace:Harbor.Reporting@harbor-monolith/src/Harbor.Core/Harbor.Core.csproj',
      ),
    ).toMatchObject({
      weight: 6,
      data: { level: 'namespace', degree: 0.857, hidden: false },
    });
  });

  it('links commits across repositories by ticket key and by author window', () => {
    expect(coChange(result, NOTIFICATION_TEMPLATE, TEMPLATE_RENDERER)).toMatchObject({
      weight: 5,
      data: {
        degree: 0.909,
        revisions: [5, 6],
        hidden: true,
        crossRepo: true,
        tickets: ['HAR-130', 'HAR-150', 'HAR-170', 'HAR-182', 'HAR-199'],
      },
    });
    expect(coChange(result, NOTIFICATION_REQUESTED, API_CONTROLLER)).toMatchObject({
      weight: 5,
      data: {
        degree: 0.909,
        hidden: false,
        crossRepo: true,
        tickets: ['HAR-131', 'HAR-161', 'HAR-184', 'HAR-194', 'HAR-197'],
      },
    });
    expect(coChange(result, EVENT_ENVELOPE, PROGRAM)).toMatchObject({
      weight: 5,
      data: { degree: 1, hidden: true, crossRepo: true, linkedByAuthor: true },
    });
    expect(
      coChange(
        result,
        'project:harbor-contracts/src/Harbor.Contracts/Harbor.Contracts.csproj',
        'project:notifications-service/src/Harbor.Notifications.Api/Harbor.Notifications.Api.csproj',
      ),
    ).toMatchObject({ weight: 10, data: { level: 'project', degree: 0.714, hidden: false, crossRepo: true } });
    // The only ticket shared by the contracts and the templates (HAR-131) is below the thresholds.
    expect(coChange(result, NOTIFICATION_REQUESTED, TEMPLATE_RENDERER)).toBeUndefined();
  });

  it('reports hidden and cross-repository couplings, and stays silent on explained ones', () => {
    const reported = result.findings
      .filter((f) => f.ruleId === 'change-coupling')
      .map((f) => `${f.severity} ${String(f.data.from)} ${String(f.data.to)}`)
      .sort();
    expect(reported).toEqual(
      [
        `warning ${EVENT_ENVELOPE} ${PROGRAM}`,
        `note project:harbor-contracts/src/Harbor.Contracts/Harbor.Contracts.csproj project:notifications-service/src/Harbor.Notifications.Api/Harbor.Notifications.Api.csproj`,
        `note ${NOTIFICATION_REQUESTED} ${API_CONTROLLER}`,
        `warning ${INVOICE_SERVICE} ${USAGE_REPORT}`,
        `warning ${NOTIFICATION_SERVICE} ${TEMPLATE_RENDERER}`,
        `warning ${NOTIFICATION_TEMPLATE} ${TEMPLATE_RENDERER}`,
      ].sort(),
    );
  });

  it('prints the top hotspots and the strongest hidden couplings', () => {
    expect(table).toContain('Top hotspots');
    expect(table).toContain('Strongest hidden couplings');
    const firstHidden = table
      .slice(table.indexOf('Strongest hidden couplings'))
      .split('\n')
      .find((l) => l.includes('⇄'));
    expect(firstHidden).toContain('EventEnvelope.cs ⇄ notifications-service/src/Harbor.Notifications.Api/Program.cs');
  });
});

describe('harbor-estate history with other settings', () => {
  it('counts the reformat as coupling evidence only when it is neither bulk nor announced as maintenance', () => {
    const config = path.join(work, 'bulk.config.json');
    const reformatIsMaintenance = path.join(work, 'bulk-maintenance.config.json');
    writeFileSync(reformatIsMaintenance, JSON.stringify({ history: { bulkCommitFiles: 100 } }));
    // Its subject says "Reformat": raising the bulk limit alone keeps it out.
    expect(coChange(scan('--config', reformatIsMaintenance), INVOICE_SERVICE, USAGE_REPORT)).toMatchObject({
      weight: 6,
      data: { revisions: [7, 6] },
    });
    writeFileSync(config, JSON.stringify({ history: { bulkCommitFiles: 100, maintenancePattern: '(?!)' } }));
    const withBulk = scan('--config', config);
    expect(coChange(withBulk, INVOICE_SERVICE, USAGE_REPORT)).toMatchObject({
      weight: 7,
      data: { degree: 0.933, revisions: [8, 7] },
    });
    expect(coChange(withBulk, NOTIFICATION_SERVICE, NOTIFICATION_TEMPLATE)).toMatchObject({
      weight: 5,
      data: { degree: 0.588 },
    });
  });

  it('reads back to a date with --since, import commits included', () => {
    const all = scan('--since', '2024-01-01');
    expect(SCRIPTED.map((name) => all.repos.find((r) => r.name === name)?.history?.commits)).toEqual([
      12 + 1,
      29 + 1,
      20 + 1,
    ]);
    expect(all.repos.every((r) => r.history?.since === '2024-01-01')).toBe(true);
    expect(history(all, NOTIFICATION_SERVICE)).toMatchObject({ revisions: 14, firstChange: '2024-01-16' }); // the monolith's import day
  });

  it('skips history entirely with --no-history', () => {
    const none = scan('--no-history');
    expect(none.repos.every((r) => r.history === undefined)).toBe(true);
    expect(none.stats.commits).toBeUndefined();
    expect(none.graph.edges.filter((e) => e.kind === 'co-change')).toEqual([]);
    expect(none.graph.nodes.filter((n) => n.data && 'history' in n.data)).toEqual([]);
    expect(none.findings.filter((f) => f.ruleId === 'hotspot' || f.ruleId === 'change-coupling')).toEqual([]);
    // Not a silent blank: each analyzer that needed history says it did not run, and why.
    const skipped = none.diagnostics.filter((d) => d.code === 'analyzer-skipped').map((d) => d.message);
    expect(skipped).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^change-coupling did not run: it needs history \(--no-history was given\)/),
        expect.stringMatching(/^hotspot did not run/),
      ]),
    );
  });

  it('starts one git process per repository, and none when no selected analyzer needs history', async () => {
    const scan = (only: string[]) =>
      runScan({ root: estate, maxFileBytes: 4 * 1024 * 1024, exclude: [], analyzerOptions: {}, only });
    const before = gitProcessCount();
    const inProcess = await scan(['hotspot']);
    expect(gitProcessCount() - before).toBe(inProcess.repos.length);
    expect(inProcess.stats.commits).toBe(result.stats.commits);

    const between = gitProcessCount();
    const withoutHistory = await scan(['dependency-cycles']);
    expect(gitProcessCount() - between).toBe(0);
    expect(withoutHistory.stats.commits).toBeUndefined();
  });

  it('rejects a --since that is neither a date nor a duration', () => {
    const run = assess(['scan', estate, '--since', 'last tuesday']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--since/);
  });
});
