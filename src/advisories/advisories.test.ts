import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAdvisoryDatabase, packageKey } from './database.js';
import { isAffected, readOsvRecord, type AffectedPackage } from './osvRecord.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const wanted = new Set([
  packageKey('npm', 'lodash'),
  packageKey('nuget', 'newtonsoft.json'),
  packageKey('nuget', 'log4net'),
]);

function affected(
  ecosystem: 'npm' | 'NuGet',
  events: Record<string, string>[],
  versions: string[] = [],
): AffectedPackage {
  const record = readOsvRecord({
    id: 'GHSA-test',
    affected: [
      {
        package: { ecosystem, name: 'x' },
        ranges: [{ type: ecosystem === 'npm' ? 'SEMVER' : 'ECOSYSTEM', events }],
        versions,
      },
    ],
  });
  if (typeof record === 'string') throw new Error(record);
  return record[0]!;
}

describe('OSV range evaluation', () => {
  it('introduced/fixed intervals, several of them', () => {
    const entry = affected('npm', [
      { introduced: '0' },
      { fixed: '1.2.3' },
      { introduced: '2.0.0' },
      { fixed: '2.1.0' },
    ]);
    expect(['0.1.0', '1.2.2', '2.0.0', '2.0.9'].map((v) => isAffected(entry, v))).toEqual([true, true, true, true]);
    expect(['1.2.3', '1.9.0', '2.1.0', '3.0.0'].map((v) => isAffected(entry, v))).toEqual([false, false, false, false]);
  });

  it('last_affected is inclusive, and explicit versions count', () => {
    const entry = affected('NuGet', [{ introduced: '1.0' }, { last_affected: '2.0.0.1' }], ['0.9.0']);
    expect(isAffected(entry, '2.0.0.1')).toBe(true);
    expect(isAffected(entry, '2.0.0.2')).toBe(false);
    expect(isAffected(entry, '0.9')).toBe(true);
    expect(isAffected(entry, '0.8')).toBe(false);
  });

  it('compares NuGet four-part and pre-release versions with NuGet rules', () => {
    const entry = affected('NuGet', [{ introduced: '0' }, { fixed: '13.0.1' }]);
    expect(isAffected(entry, '6.0.4')).toBe(true);
    expect(isAffected(entry, '13.0.1-beta1')).toBe(true);
    expect(isAffected(entry, '13.0.1.0')).toBe(false);
    expect(isAffected(entry, 'not-a-version')).toBe(false);
  });
});

describe('advisory database', () => {
  it('reads a folder of OSV records, skipping withdrawn ones and unused packages', async () => {
    const { index, diagnostics } = await loadAdvisoryDatabase(path.join(fixtures, 'advisories'), wanted);
    expect(diagnostics).toEqual([]);
    expect(index.records).toBe(4); // read, withdrawn one included
    expect(index.match('npm', 'lodash', '4.17.4').map((m) => m.advisory.id)).toEqual([
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-jf85-cpcp-j695',
    ]);
    expect(index.match('npm', 'lodash', '4.17.15').map((m) => m.advisory.id)).toEqual(['GHSA-35jh-r3h4-6jhm']);
    expect(index.match('npm', 'lodash', '4.17.21')).toEqual([]);
    expect(index.match('nuget', 'NEWTONSOFT.JSON', '6.0.4')).toMatchObject([
      { advisory: { id: 'GHSA-5crp-9r3c-p9vr', severity: 'error', severityLabel: 'HIGH' }, fixed: ['13.0.1'] },
    ]);
    expect(index.match('nuget', 'log4net', '2.0.3')).toEqual([]); // its only record is withdrawn
  });

  it('reads the same records from a zip', async () => {
    const { index, diagnostics } = await loadAdvisoryDatabase(path.join(fixtures, 'advisories.zip'), wanted);
    expect(diagnostics).toEqual([]);
    expect(index.match('npm', 'lodash', '4.17.4')).toHaveLength(2);
    expect(index.match('nuget', 'newtonsoft.json', '12.0.3')).toHaveLength(1);
  });

  it('turns broken records into diagnostics and keeps the good ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assess-osv-'));
    try {
      mkdirSync(path.join(dir, 'nested'));
      writeFileSync(path.join(dir, 'broken.json'), '{"id": "GHSA-broken", ');
      writeFileSync(path.join(dir, 'nested', 'no-affected.json'), '{"id": "GHSA-odd"}');
      writeFileSync(
        path.join(dir, 'nested', 'good.json'),
        JSON.stringify({
          id: 'GHSA-good',
          affected: [
            {
              package: { ecosystem: 'npm', name: 'lodash' },
              ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '5.0.0' }] }],
            },
          ],
        }),
      );
      writeFileSync(path.join(dir, 'not-a-zip.zip'), 'PK?');
      const { index, diagnostics } = await loadAdvisoryDatabase(dir, wanted);
      expect(diagnostics.map((d) => d.message.split(':')[0]).sort()).toEqual([
        'broken.json',
        'nested/no-affected.json',
      ]);
      expect(index.match('npm', 'lodash', '4.0.0')).toHaveLength(1);
      await expect(loadAdvisoryDatabase(path.join(dir, 'not-a-zip.zip'), wanted)).rejects.toThrow(/not a readable zip/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
