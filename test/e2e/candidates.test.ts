/** `assess candidates` and `assess explain` through the real CLI, on a saved result of the hand-clustered shop. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planCandidates } from '../../src/plan/index.js';
import { shopResult } from '../support/shopEstate.js';
import { assess } from './cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'assess-candidates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const result = await shopResult();
const saved = path.join(work, 'result.json');
writeFileSync(saved, JSON.stringify(result));

function file(name: string, text: string): string {
  const target = path.join(work, name);
  writeFileSync(target, text);
  return target;
}

describe('assess candidates --from', () => {
  it('prints the ranking, the pilot and the value target, with every factor and its weight', () => {
    const run = assess(['candidates', '--from', saved]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/│ 1 │ Catalog\s+│.*│ pilot\s+│/);
    expect(run.stdout).toMatch(/│ 2 │ Billing\s+│.*│ highest value\s+│/);
    expect(run.stdout).toContain('Shared layer, not ranked (it becomes a library): Common (1 unit)');
    expect(run.stdout).toContain('#1 Catalog — pilot');
    expect(run.stdout).toContain('  • Low-risk pilot: the fewest cuts, the most of its own data and few calls back.');
    expect(run.stdout).toMatch(/│ inbound references to cut\s+│ risk\s+│\s+3 │\s+1\.00 │\s+3 │\s+-3\.00 │/);
    expect(run.stdout).toContain('Tables to split or share: sales.orders (with Shipping)');
    expect(run.stdout).toContain('On its projects, eol-framework (1):');
    expect(run.stdout).toContain('On its tables, unindexed-query (1):');
  });

  it('prints the candidates as JSON, the same the plan computes', () => {
    const run = assess(['candidates', '--from', saved, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      candidates: planCandidates({ ...result, decomposition: result.decomposition! }),
    });
  });

  it('ranks a saved result again from its decomposition, whatever candidates it holds', () => {
    const stale = file('stale-candidates.json', JSON.stringify({ ...result, candidates: [{ cluster: 'gone' }] }));
    const run = assess(['candidates', '--from', stale]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('#1 Catalog — pilot');
  });

  it('refuses a broken or foreign file with exit 2 and one clear line', () => {
    const cases: [string, RegExp][] = [
      [path.join(work, 'missing.json'), /--from .*missing\.json: no such file/],
      [file('truncated.json', JSON.stringify(result).slice(0, 500)), /truncated\.json: not JSON/],
      [
        file('package.json', '{"name":"shop","version":"1.0.0"}'),
        /package\.json: not a result written by assess scan --json \(schemaVersion: /,
      ],
      [
        file(
          'bad-cluster.json',
          JSON.stringify({ ...result, decomposition: { ...result.decomposition, clusters: [{ id: 'x' }] } }),
        ),
        /bad-cluster\.json: not a result written by assess scan --json \(decomposition\.clusters\.0\.name: /,
      ],
      [
        file('no-clusters.json', JSON.stringify({ ...result, decomposition: undefined })),
        /no-clusters\.json holds no decomposition into clusters/,
      ],
    ];
    for (const [target, message] of cases) {
      const run = assess(['candidates', '--from', target]);
      expect(run.status, target).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('wants a root or --from, not both, and checks the root as scan does', () => {
    expect(assess(['candidates'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/give a ROOT to scan, or --from/),
    });
    expect(assess(['candidates', work, '--from', saved])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/not both/),
    });
    expect(assess(['candidates', path.join(work, 'nowhere')])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/scan root does not exist/),
    });
  });
});

describe('assess explain', () => {
  it('explains a misplaced type: its pull, its links, and the cut change of moving it', () => {
    const run = assess(['explain', 'TaxRule', '--from', saved]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('type Shop.Shipping.TaxRule — in Billing');
    expect(run.stdout).toContain('Its namespace Shop.Shipping mostly sits in Shipping; its links put it in Billing.');
    expect(run.stdout).toMatch(/│ Shop\.Billing\.InvoiceService\s+│ Billing\s+│ reference │ in\s+│\s+2 │/);
  });

  it('explains a cluster with its candidate factors', () => {
    const run = assess(['explain', 'billing', '--from', saved]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('cluster Billing');
    expect(run.stdout).toContain('Candidate #2 of 3');
    expect(run.stdout).toMatch(/│ lines changed in the history window\s+│ value\s+│\s+610 │/);
  });

  it('answers an unknown name with exit 2 and the close names', () => {
    const run = assess(['explain', 'Shop.Biling.Invoice', '--from', saved]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'assess: no cluster, type, namespace or table named "Shop.Biling.Invoice"; did you mean: Shop.Billing.Invoice?\n',
    );
  });
});
