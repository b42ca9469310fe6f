import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../core/check.js';
import { sampleCheckReport as report, sampleFinding as finding } from '../../test/support/sampleCheckReport.js';
import type { ScanResult } from '../core/result.js';
import { sarifErrors } from '../../test/support/sarifSchema.js';
import { renderCheckSarif, renderScanSarif, type SarifOptions } from './sarif.js';

const options: SarifOptions = {
  toolVersion: '0.1.0',
  rules: [
    { id: 'unindexed-query', description: 'Queries no index serves', docs: 'analyzers/unindexed-query/README.md' },
  ],
  repos: [
    { name: 'billing', path: 'billing' },
    { name: 'database', path: 'db/database' },
  ],
  docsBase: 'https://example.com/assess/',
};

const result = { findings: [finding] } as unknown as ScanResult;

describe('SARIF', () => {
  it('writes a valid 2.1.0 log of a scan, each finding with its fingerprint and a path from the scan root', () => {
    const log = JSON.parse(renderScanSarif(result, options));
    expect(sarifErrors(log)).toEqual([]);
    const [sarif] = log.runs[0].results;
    expect(sarif.partialFingerprints).toEqual({ 'assessId/v1': finding.id });
    expect(sarif.baselineState).toBeUndefined();
    expect(sarif.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'billing/src/Billing%20Data/InvoiceQueries.cs', uriBaseId: '%SRCROOT%' },
      region: { startLine: 25, startColumn: 13 },
    });
    expect(sarif.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('db/database/dbo/Tables/Invoices.sql');
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBe(
      'https://example.com/assess/analyzers/unindexed-query/README.md',
    );
  });

  it('writes a valid log of a check: new, unchanged and absent results, suppressions for ignores', () => {
    const log = JSON.parse(renderCheckSarif(report, options));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as {
      ruleId: string;
      baselineState: string;
      level: string;
      suppressions?: unknown[];
    }[];
    expect(results.map((r) => [r.ruleId, r.baselineState, r.level])).toEqual([
      ['billing-reads-no-identity-tables', 'new', 'error'],
      ['new-coupling', 'new', 'note'],
      ['new-cycle', 'new', 'error'],
      ['unindexed-query', 'new', 'warning'],
      ['instability', 'new', 'error'],
      ['unindexed-query', 'unchanged', 'warning'],
      ['select-star', 'absent', 'note'],
    ]);
    expect(results[1]?.suppressions).toEqual([
      { kind: 'external', justification: 'moving Mailer out this quarter (until 2027-03-31)' },
    ]);
    const rules = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(
      expect.arrayContaining([
        'unindexed-query',
        'new-coupling',
        'new-cycle',
        'billing-reads-no-identity-tables',
        'select-star',
      ]),
    );
  });

  it('gives a dependency the same fingerprint wherever the reference that adds it sits', () => {
    const moved = {
      ...report,
      couplings: [{ ...report.couplings[0]!, location: { repo: 'billing', file: 'src/Other.cs', line: 90 } }],
    };
    const fingerprintOf = (r: CheckReport) =>
      JSON.parse(renderCheckSarif(r, options)).runs[0].results[0].partialFingerprints;
    expect(fingerprintOf(moved)).toEqual(fingerprintOf(report));
  });

  it('is caught by the schema when a result is malformed', () => {
    const log = JSON.parse(renderScanSarif(result, options));
    log.runs[0].results[0].level = 'fatal';
    expect(sarifErrors(log).length).toBeGreaterThan(0);
  });
});
