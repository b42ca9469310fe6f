import { describe, expect, it } from 'vitest';
import { sampleCheckReport } from '../../test/support/sampleCheckReport.js';
import { renderGithubAnnotations } from './github.js';

const repos = [{ name: 'billing', path: 'services/billing' }];

describe('GitHub Actions annotations', () => {
  it('annotates each new item at its file and line, leaving ignored ones out', () => {
    const lines = renderGithubAnnotations(sampleCheckReport, repos).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=services/billing/src/InvoiceService.cs,line=24,title=assess billing-reads-no-identity-tables::New read dependency … is forbidden',
      '::error title=assess new-cycle::New cycle',
      '::warning title=assess unindexed-query::dbo.Invoices filters on DueUtc, which no index serves (full scan)',
      '::error title=assess instability::Instability of project Billing is 0.90 (was 0.70), above the maximum 0.80',
      '::notice title=assess improvements::0 dependencies, 0 cycles and 1 findings of the baseline are gone; run assess baseline to record them',
      '::notice title=assess stale baseline entry::dependencies: repo reference repo:fax-gateway -> repo:billing (repo:fax-gateway is no longer in the estate)',
      '::warning title=assess config::rules.ignore.1 expired on 2026-01-31 and no longer applies (until the 5.0 release)',
    ]);
  });

  it('escapes what would end a workflow command', () => {
    const report = {
      ...sampleCheckReport,
      couplings: [{ ...sampleCheckReport.couplings[0]!, rule: 'a:b,c', message: '100% new\nline' }],
      cycles: [],
      findings: [],
      thresholds: [],
      improvements: { dependencies: [], cycles: [], findings: [] },
      stale: [],
      notes: [],
    };
    expect(renderGithubAnnotations(report, repos)).toBe(
      '::error file=services/billing/src/InvoiceService.cs,line=24,title=assess a%3Ab%2Cc::100%25 new%0Aline\n',
    );
  });
});
