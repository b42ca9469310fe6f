/**
 * `assess check` at the cluster level on the marina estate, whose areas are
 * written down: the boundary between candidate services is the baseline's
 * assignment, so a reference that stays inside one namespace but crosses two
 * clusters fails, a new type joins its namespace's cluster, the shared layer is
 * no boundary, and re-clustering the changed estate never moves a boundary.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline, CheckReport } from '../../src/core/check.js';
import { assess } from './cli.js';
import { type CheckWorkspace, checkWorkspace, SCAN } from './checkWorkspace.js';

const WEB = 'marina-monolith/src/Marina.Web';
let work: string;
let estate: string;
let baseline: Baseline;
let changedCopy: CheckWorkspace['changedCopy'];
let check: CheckWorkspace['check'];
let workspace: CheckWorkspace;

beforeAll(() => {
  workspace = checkWorkspace('marina-estate');
  ({ work, estate, changedCopy, check } = workspace);
  baseline = JSON.parse(readFileSync(workspace.baselineFile, 'utf8')) as Baseline;
}, 120_000);

afterAll(() => workspace.remove());

const clusterOf = (unit: string) => baseline.clusters?.find((c) => c.unit === unit)?.cluster;

/** Adds a member before the class's last closing brace, returning the line it sits on. */
function addMember(file: string, member: string): number {
  const text = readFileSync(file, 'utf8');
  const classEnd = text.lastIndexOf('    }');
  const before = text.slice(0, classEnd);
  writeFileSync(file, `${before}    ${member}\n${text.slice(classEnd)}`);
  return before.split('\n').length;
}

const clusterCouplings = (report: CheckReport) => report.couplings.filter((c) => c.level === 'cluster');

describe('the baseline of a decomposed estate', () => {
  it('records each code unit’s cluster, one per line, and the dependencies between clusters', () => {
    expect(baseline.levels).toContain('cluster');
    expect(clusterOf('type:Marina.Berths.BerthAllocator')).toBe('cluster:berths');
    // misplaced on purpose: in the Berths namespace, used only by billing
    expect(clusterOf('type:Marina.Berths.InvoicePdf')).toBe('cluster:billing');
    expect(baseline.clusters?.filter((c) => c.shared).map((c) => c.unit)).toContain('type:Marina.Common.Guard');
    const text = readFileSync(workspace.baselineFile, 'utf8');
    for (const entry of baseline.clusters ?? []) expect(text).toContain(`    ${JSON.stringify(entry)}`);
    expect(baseline.dependencies).toContainEqual({
      level: 'cluster',
      kind: 'reference',
      from: 'cluster:berths',
      to: 'cluster:members',
    });
    // depending on the shared layer crosses no service boundary
    expect(baseline.dependencies.filter((d) => d.level === 'cluster' && d.to.includes('shared'))).toEqual([]);
  });

  it('records no cluster level when the scan has no decomposition', () => {
    const plain = path.join(work, 'no-clusters.json');
    expect(assess(['baseline', estate, '-o', plain, '--only', 'dependency-cycles', ...SCAN]).status).toBe(0);
    const recorded = JSON.parse(readFileSync(plain, 'utf8')) as Baseline;
    expect(recorded.levels).not.toContain('cluster');
    expect(recorded.clusters).toBeUndefined();
    expect(recorded.dependencies.some((d) => d.level === 'cluster')).toBe(false);
    // a check against it says what it could not judge
    const { report } = check(estate, ['--only', 'dependency-cycles'], plain);
    expect(report.notes).toContainEqual(
      expect.stringMatching(/records no clusters: cluster boundaries were not checked/),
    );
    expect(check(estate).report.notes.join('\n')).not.toMatch(/records no clusters/);
  });
});

describe('assess check across clusters', () => {
  it('passes the unchanged estate', () => {
    const { status, report } = check(estate);
    expect(status).toBe(0);
    expect(report.couplings).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('fails a reference inside one namespace that crosses two clusters, at its file and line', () => {
    let line = 0;
    const file = `${WEB}/Berths/BerthAllocator.cs`;
    const root = changedCopy('inside-namespace', (r) => {
      line = addMember(path.join(r, file), 'public byte[] Receipt(InvoicePdf pdf) { return null; }');
    });
    const { status, report } = check(root);
    expect(status).toBe(1);
    expect(clusterCouplings(report)).toEqual([
      expect.objectContaining({
        from: 'cluster:berths',
        to: 'cluster:billing',
        rule: 'new-coupling',
        severity: 'error',
        location: { repo: 'marina-monolith', file: file.slice('marina-monolith/'.length), line },
      }),
    ]);
    // the namespace boundary alone would have let it through
    expect(report.couplings.filter((c) => c.level === 'namespace')).toEqual([]);
  });

  it('puts a new type in the cluster its namespace’s recorded types sit in', () => {
    const file = `${WEB}/Billing/LateFeeNotice.cs`;
    const root = changedCopy('new-type', (r) => {
      writeFileSync(
        path.join(r, file),
        'using Marina.Members;\n\nnamespace Marina.Billing\n{\n    public class LateFeeNotice\n    {\n        public string To(Member member) { return member.Email; }\n    }\n}\n',
      );
    });
    const { report } = check(root);
    const added = clusterCouplings(report).map((c) => `${c.from} -> ${c.to}`);
    expect(added).toContain('cluster:billing -> cluster:members');
    expect(clusterCouplings(report).find((c) => c.to === 'cluster:members')?.location).toMatchObject({
      file: file.slice('marina-monolith/'.length),
      line: 7,
    });
  });

  it('lets any area use the shared layer', () => {
    const root = changedCopy('uses-shared', (r) => {
      addMember(
        path.join(r, 'marina-notifications/src/Marina.Notifications/Services/EmailTemplate.cs'),
        'public static System.Type Kernel() { return typeof(Marina.Common.Guard); }',
      );
    });
    expect(clusterCouplings(check(root).report)).toEqual([]);
  });

  it('judges by the baseline’s assignment, not by a clustering of the changed estate', () => {
    // The same estate against a baseline that placed BerthAllocator in Billing: its references
    // to Berths now cross a recorded boundary.
    const moved: Baseline = {
      ...baseline,
      clusters: baseline.clusters?.map((c) =>
        c.unit === 'type:Marina.Berths.BerthAllocator' ? { ...c, cluster: 'cluster:billing' } : c,
      ),
    };
    const movedFile = path.join(work, 'moved-baseline.json');
    writeFileSync(movedFile, JSON.stringify(moved));
    const { status, report } = check(estate, [], movedFile);
    expect(status).toBe(1);
    expect(clusterCouplings(report).map((c) => `${c.from} -> ${c.to}`)).toContain('cluster:billing -> cluster:berths');
  });

  it('applies a rule written against clusters, by its name', () => {
    const root = changedCopy('forbidden-cluster', (r) => {
      addMember(
        path.join(r, `${WEB}/Berths/BerthAllocator.cs`),
        'public byte[] Receipt(InvoicePdf pdf) { return null; }',
      );
    });
    const config = path.join(work, 'clusters.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        rules: {
          levels: ['repo'],
          forbidden: [{ name: 'berths-stay-out-of-billing', from: 'cluster:berths', to: 'cluster:bill*' }],
        },
      }),
    );
    const { status, report } = check(root, ['--config', config]);
    expect(status).toBe(1);
    expect(clusterCouplings(report)).toEqual([
      expect.objectContaining({ rule: 'berths-stay-out-of-billing', severity: 'error' }),
    ]);
  });

  it('reports a cluster all of whose units are gone as stale, not as an improvement', () => {
    const root = changedCopy('retired-notifications', (r) => {
      rmSync(path.join(r, 'marina-notifications'), { recursive: true, force: true });
    });
    const { report } = check(root);
    const stale = report.stale.filter((s) => s.entry.startsWith('cluster '));
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((s) => s.reason.includes('cluster:notifications'))).toBe(true);
    expect(
      report.improvements.dependencies.filter((d) => d.level === 'cluster' && d.from === 'cluster:notifications'),
    ).toEqual([]);
  });
});
