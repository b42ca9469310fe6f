/** The fan-in hubs of the bundled fixture estate, scanned through the CLI, against expected.json. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/result.js';
import { projectRoot, scanFixtureEstate } from './cli.js';

interface ExpectedHub {
  level: string;
  node: string;
  dependentAreas: number;
  afferent: number;
  efferent: number;
  advice: string;
}

const expected = JSON.parse(readFileSync(path.join(projectRoot, 'fixtures/harbor-estate/expected.json'), 'utf8')) as {
  couplingHubs: ExpectedHub[];
  notCouplingHubs: string[];
};

let work: string;
let result: ScanResult;
let stdout: string;

beforeAll(() => {
  ({ work, result, stdout } = scanFixtureEstate('harbor-estate', ['--no-history', '--only', 'coupling-hub']));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('harbor-estate coupling hubs through the CLI', () => {
  it('reports exactly the written-down hubs, ranked level by level', () => {
    const hubs = result.findings.filter((f) => f.ruleId === 'coupling-hub');
    expect(hubs.map((f) => f.rank)).toEqual(expected.couplingHubs.map((_, i) => i + 1));
    expect(hubs.map((f) => f.data)).toMatchObject(expected.couplingHubs);
  });

  it('leaves the shared helpers too few areas use, and the projects, unreported', () => {
    const reported = new Set(result.findings.map((f) => f.data.node));
    for (const node of expected.notCouplingHubs) expect(reported.has(node), node).toBe(false);
  });

  it('prints the hubs with their figures in the summary', () => {
    expect(stdout).toContain('Coupling hubs');
    expect(stdout).toMatch(/Harbor\.Identity\.User\s*│\s*type\s*│\s*7\/\d+\s*│\s*14\s*│\s*2\s*│/);
  });
});
