/** The extraction plan of the marina estate through the CLI, against what its AREAS.md writes down. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/core/decomposition.js';
import { assess, type FixtureScan, projectRoot, scanFixtureEstate } from './cli.js';

const written = JSON.parse(readFileSync(path.join(projectRoot, 'fixtures/marina-estate/areas.json'), 'utf8')) as {
  misplaced: Record<string, string>;
  candidates: { pilot: string; highestValue: string };
};

let scan: FixtureScan;
beforeAll(() => {
  scan = scanFixtureEstate('marina-estate', ['--offline']);
});
afterAll(() => rmSync(scan.work, { recursive: true, force: true }));

describe('assess candidates on the marina estate', () => {
  it('scans and ranks, exit 0, with the written-down pilot and highest-value target', () => {
    const run = assess(['candidates', scan.estate, '--offline', '--format', 'json']);
    expect(run.status).toBe(0);
    const { candidates } = JSON.parse(run.stdout) as { candidates: Candidate[] };
    expect(candidates.filter((c) => c.pilot).map((c) => c.name)).toEqual([written.candidates.pilot]);
    expect(candidates.filter((c) => c.highestValue).map((c) => c.name)).toEqual([written.candidates.highestValue]);
    const notifications = candidates.find((c) => c.name === 'Notifications')!;
    expect(notifications.reasons.join(' ')).toMatch(/Already deployed on its own/);
    expect(notifications.reasons).toContain(
      'Called over HTTP/gRPC by Members at 1 call site on 1 endpoint: keep these endpoints.',
    );
    expect(notifications.work.endpoints?.[0]?.callSites).toEqual([
      {
        from: 'type:Marina.Members.MemberNotifier',
        cluster: 'members',
        file: 'src/Marina.Web/Members/MemberNotifier.cs',
        line: 16,
      },
    ]);
  });

  it('prints the ranking with the marks, the same from the saved result', () => {
    const fresh = assess(['candidates', scan.estate, '--offline']);
    const saved = assess(['candidates', '--from', path.join(scan.work, 'result.json')]);
    expect([fresh.status, saved.status]).toEqual([0, 0]);
    expect(saved.stdout.replace(/for .*\n/, '')).toBe(fresh.stdout.replace(/for .*\n/, ''));
    expect(fresh.stdout).toMatch(/│ Berths +│.*│ pilot +│/);
    expect(fresh.stdout).toMatch(/│ Billing +│.*│ highest value +│/);
  });

  it('shows the top candidates in the scan summary, pilot and value target marked', () => {
    expect(scan.stdout).toContain('Extraction candidates: 4 ranked');
    expect(scan.stdout).toMatch(/│ +[1-4] │ Berths +│.*│ pilot +│/);
    expect(scan.stdout).toMatch(/│ +[1-4] │ Billing +│.*│ highest value +│/);
  });

  it('explains a misplaced type by its true area', () => {
    for (const [id, area] of Object.entries(written.misplaced)) {
      const run = assess(['explain', id, '--from', path.join(scan.work, 'result.json')]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`sits in ${area}:`);
      expect(run.stdout).toMatch(/Its namespace .* mostly sits in .*; its links put it in/);
    }
  });
});
