/** Clustering the marina estate into candidate services, through the CLI, against its written-down areas. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS benchmark generator
import { generateEstate } from '../../bench/generate.mjs';
import type { DecompositionResult, ScanResult } from '../../src/core/result.js';
import { adjustedRandIndex } from '../../src/graph/clusters/agreement.js';
import { assess, type FixtureScan, projectRoot, scanFixtureEstate } from './cli.js';

interface WrittenAreas {
  areas: Record<string, string[]>;
  leftOut: Record<string, string>;
  misplaced: Record<string, string>;
  tables: { owned: Record<string, string>; shared: string[] };
}
const written = JSON.parse(
  readFileSync(path.join(projectRoot, 'fixtures/marina-estate/areas.json'), 'utf8'),
) as WrittenAreas;
const truth = new Map(Object.entries(written.areas).flatMap(([area, ids]) => ids.map((id) => [id, area] as const)));

let scan: FixtureScan;
let decomposition: DecompositionResult;
beforeAll(() => {
  scan = scanFixtureEstate('marina-estate', ['--only', 'seam', '--no-history']);
  decomposition = scan.result.decomposition!;
});
afterAll(() => rmSync(scan.work, { recursive: true, force: true }));

const clusterOf = (d: DecompositionResult) =>
  new Map(d.clusters.flatMap((c) => c.members.map((m) => [m, c.shared ? 'Shared' : c.name] as const)));
const clusterNamed = (d: DecompositionResult, name: string) => d.clusters.find((c) => c.name === name);

describe('marina estate clusters', () => {
  it('recovers the written-down areas, which grouping by namespace alone does not', () => {
    const found = clusterOf(decomposition);
    expect([...truth.keys()].filter((id) => !found.has(id))).toEqual([]);
    const byNamespace = new Map(
      scan.result.graph.nodes
        .filter((n) => truth.has(n.id))
        .map((n) => [n.id, n.kind === 'type' ? (n.data?.namespace ?? '') : (n.repo ?? '')] as const),
    );
    const namespaceOnly = adjustedRandIndex(truth, byNamespace);
    expect(namespaceOnly).toBeLessThan(0.6);
    expect(adjustedRandIndex(truth, found)).toBe(1);
    expect(decomposition.clusters.map((c) => c.name)).toEqual([
      'Notifications',
      'Billing',
      'Berths',
      'Members',
      'Shared layer (Common)',
    ]);
  });

  it('puts the misplaced types in their true area, and the migration in none', () => {
    const found = clusterOf(decomposition);
    for (const [id, area] of Object.entries(written.misplaced)) expect([id, found.get(id)]).toEqual([id, area]);
    for (const id of Object.keys(written.leftOut)) {
      expect(scan.result.graph.nodes.some((n) => n.id === id)).toBe(true);
      expect(found.has(id)).toBe(false);
    }
  });

  it('gives each table to its main user and marks dbo.Members shared', () => {
    for (const [table, area] of Object.entries(written.tables.owned))
      expect([table, decomposition.clusters.find((c) => c.tables.includes(table))?.name]).toEqual([table, area]);
    expect(decomposition.quality.sharedTables).toBe(written.tables.shared.length);
    for (const name of ['Berths', 'Billing', 'Members', 'Notifications'])
      expect(clusterNamed(decomposition, name)?.sharedTables).toEqual(written.tables.shared);
  });

  it('keeps what is deployed on its own apart: no cluster spans the two deployables', () => {
    for (const cluster of decomposition.clusters.filter((c) => !c.shared))
      expect(cluster.deployables?.length, cluster.name).toBe(1);
    expect(clusterNamed(decomposition, 'Notifications')?.deployables).toEqual([
      'project:marina-notifications/src/Marina.Notifications/Marina.Notifications.csproj',
    ]);
    const seam = decomposition.seams.find((s) => s.from === 'members' && s.to === 'notifications');
    expect(seam?.calls).toEqual([
      {
        from: 'type:Marina.Members.MemberNotifier',
        to: 'type:Marina.Notifications.Controllers.NotificationsController',
        kind: 'http-call',
        file: 'src/Marina.Web/Members/MemberNotifier.cs',
        line: 16,
      },
    ]);
  });

  it('prints the quality figures and settings with the clustering', () => {
    expect(scan.stdout).toContain(
      'Candidate services: 4 clusters of 30 units, shared layer 4 — SM 0.237, ICP 0.068, IFN 1, NED 1, shared tables 1 (resolution 1, seed 1, weights references 1 calls 1 tables 1 co-change 0.5)',
    );
  });

  it('gives byte-identical JSON on a second run and with --jobs 1 and --jobs 2', () => {
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '').replace(/"elapsedMs": \d+/, '');
    const outputs = ['1', '2'].map((jobs) => {
      const out = path.join(scan.work, `jobs-${jobs}.json`);
      const run = assess([
        'scan',
        scan.estate,
        '--only',
        'seam',
        '--no-history',
        '-q',
        '--jobs',
        jobs,
        '--no-cache',
        '--json',
        out,
      ]);
      expect(run.status).toBe(0);
      return strip(readFileSync(out, 'utf8'));
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[0]).toBe(strip(readFileSync(path.join(scan.work, 'result.json'), 'utf8')));
  });

  it('respects pins from assess.config.json: a fixed group and a unit treated as shared', () => {
    const config = path.join(scan.work, 'pins.json');
    writeFileSync(
      config,
      JSON.stringify({
        clustering: { pins: { groups: { Invoicing: ['Marina.Billing.Invoice*'] }, shared: ['**/Program.cs'] } },
      }),
    );
    const out = path.join(scan.work, 'pinned.json');
    const run = assess([
      'scan',
      scan.estate,
      '--only',
      'seam',
      '--no-history',
      '-q',
      '--config',
      config,
      '--json',
      out,
    ]);
    expect(run.status).toBe(0);
    const pinned = (JSON.parse(readFileSync(out, 'utf8')) as ScanResult).decomposition!;
    expect(pinned.clusters.find((c) => c.pinned === 'Invoicing')).toMatchObject({
      id: 'invoicing',
      name: 'Invoicing',
      members: expect.arrayContaining([
        'type:Marina.Billing.Invoice',
        'type:Marina.Billing.InvoiceLine',
        'type:Marina.Billing.InvoiceRepository',
      ]),
    });
    expect(pinned.clusters.find((c) => c.shared)?.members).toContain(
      'file:marina-notifications/src/Marina.Notifications/Program.cs',
    );
    expect(pinned.settings.pins).toEqual({
      groups: [{ name: 'Invoicing', patterns: ['Marina.Billing.Invoice*'] }],
      shared: ['**/Program.cs'],
    });
  });

  it('rejects a bad clustering key or value with its path (exit 2)', () => {
    const config = path.join(scan.work, 'bad.json');
    writeFileSync(config, JSON.stringify({ clustering: { weights: { refs: 2 }, resolution: -1 } }));
    const run = assess(['scan', scan.estate, '--config', config]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('clustering.weights.refs: unknown key');
    expect(run.stderr).toContain('clustering.resolution:');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('clustering with extraction workers', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'assess-clusters-workers-'));
    // 450 C# files: above the threshold where extraction workers start.
    generateEstate(path.join(work, 'estate'), { repos: 6, projects: 3, files: 25, lines: 40 });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives the same clusters with --jobs 1 and --jobs 2', () => {
    const [one, two] = ['1', '2'].map((jobs) => {
      const out = path.join(work, `jobs-${jobs}.json`);
      const run = assess([
        'scan',
        path.join(work, 'estate'),
        '--only',
        'seam',
        '--no-history',
        '-q',
        '--jobs',
        jobs,
        '--json',
        out,
      ]);
      expect(run.status).toBe(0);
      return JSON.stringify((JSON.parse(readFileSync(out, 'utf8')) as ScanResult).decomposition);
    });
    expect(JSON.parse(one!).clusters.length).toBeGreaterThan(1);
    expect(two).toBe(one);
  });
});
