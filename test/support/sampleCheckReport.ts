/** A check report with one item of each kind (forbidden, ignored, cycle, new finding, unchanged, fixed), for the reporters' tests. */
import type { CheckReport } from '../../src/core/check.js';
import type { Finding } from '../../src/core/result.js';

export const sampleFinding: Finding = {
  id: '0fd2fb510ee07adb',
  ruleId: 'unindexed-query',
  messageId: 'fullScan',
  severity: 'warning',
  message: 'dbo.Invoices filters on DueUtc, which no index serves (full scan)',
  location: { repo: 'billing', file: 'src/Billing Data/InvoiceQueries.cs', line: 25, column: 13 },
  related: [{ repo: 'database', file: 'dbo/Tables/Invoices.sql', line: 1 }],
  data: {},
};

export const sampleCheckReport: CheckReport = {
  root: 'estate',
  couplings: [
    {
      level: 'namespace',
      kind: 'read',
      from: 'namespace:Billing@billing/src/Billing.csproj',
      to: 'table:dbo.users',
      rule: 'billing-reads-no-identity-tables',
      severity: 'error',
      location: { repo: 'billing', file: 'src/InvoiceService.cs', line: 24 },
      message: 'New read dependency … is forbidden',
    },
    {
      level: 'project',
      kind: 'reference',
      from: 'project:billing/src/Billing.csproj',
      to: 'project:billing/src/Shared.csproj',
      rule: 'new-coupling',
      severity: 'note',
      location: { repo: 'billing', file: 'src/Mailer.cs', line: 3 },
      message: 'New reference dependency',
      ignored: { reason: 'moving Mailer out this quarter', expires: '2027-03-31' },
    },
  ],
  cycles: [
    {
      level: 'namespace',
      members: ['module:web/src/a', 'module:web/src/b'],
      rule: 'new-cycle',
      severity: 'error',
      message: 'New cycle',
    },
  ],
  findings: [
    {
      finding: { ...sampleFinding, id: 'aaaa', location: { repo: 'billing' } },
      rule: 'unindexed-query',
      severity: 'warning',
    },
  ],
  thresholds: [
    {
      rule: 'instability',
      severity: 'error',
      level: 'project',
      unit: 'project:billing/src/Billing.csproj',
      instability: 0.9,
      before: 0.7,
      max: 0.8,
      message: 'Instability of project Billing is 0.90 (was 0.70), above the maximum 0.80',
    },
  ],
  unchanged: [sampleFinding],
  improvements: {
    dependencies: [],
    cycles: [],
    findings: [{ id: 'bbbb', ruleId: 'select-star', at: 'billing/src/Old.cs' }],
  },
  stale: [
    {
      section: 'dependencies',
      entry: 'repo reference repo:fax-gateway -> repo:billing',
      reason: 'repo:fax-gateway is no longer in the estate',
      gone: ['repo:fax-gateway'],
    },
  ],
  notes: ['rules.ignore.1 expired on 2026-01-31 and no longer applies (until the 5.0 release)'],
  failed: true,
};
