import changeCoupling from './index.js';
import { testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import type { CoChange, EstateBuilder } from '../../test/support/estateBuilder.js';
import { fileId, namespaceId, projectId } from '../../src/core/ids.js';

const SERVICE = fileId('mono', 'Billing/InvoiceService.cs');
const REPORT = fileId('mono', 'Reporting/UsageReport.cs');
const INVOICE = fileId('mono', 'Billing/Invoice.cs');
const TEMPLATES = fileId('svc', 'Templates.cs');

/** Three files of a monorepo and one of another service. */
function files(b: EstateBuilder): EstateBuilder {
  return b
    .file('mono', 'Billing/InvoiceService.cs')
    .file('mono', 'Reporting/UsageReport.cs')
    .file('mono', 'Billing/Invoice.cs')
    .file('svc', 'Templates.cs');
}

/** `shared` changes in common out of 7 and 6 revisions; crossRepo and level follow from the two files. */
const coupling = (shared: number, degree: number, hidden: boolean, extra: Partial<CoChange> = {}): CoChange => ({
  shared,
  degree,
  revisions: [7, 6],
  hidden,
  ...extra,
});

/** An explained pair and a hidden but weak one: silent by default. */
const explainedAndWeak: DeclareEstate = (b) =>
  files(b)
    .coChange(SERVICE, INVOICE, coupling(8, 0.9, false))
    .coChange(SERVICE, REPORT, coupling(3, 0.35, true));

const COLUMNS = [
  { label: 'Strongest hidden couplings' },
  { label: 'Level' },
  { label: 'Shared', align: 'right' },
  { label: 'Degree', align: 'right' },
] as const;

testAnalyzer(changeCoupling, {
  valid: [
    {
      name: 'coupling a static dependency explains, weak coupling and other edges; no summary',
      estate: (b) =>
        explainedAndWeak(b)
          .type('Billing.InvoiceService', { repo: 'mono', file: 'Billing/InvoiceService.cs' })
          .type('Svc.Templates', { repo: 'svc', file: 'Templates.cs' })
          .typeRef('Billing.InvoiceService', 'Svc.Templates', 4),
      summaries: [],
    },
    {
      name: 'explained coupling at a level that is not asked for',
      estate: explainedAndWeak,
      options: { includeStatic: true, levels: ['project'] },
    },
  ],
  invalid: [
    {
      name: 'hidden coupling as a warning, cross-repository coupling as a note',
      estate: (b) =>
        files(b)
          .coChange(SERVICE, REPORT, coupling(6, 0.923, true))
          .coChange(INVOICE, TEMPLATES, coupling(5, 0.8, false, { tickets: ['HAR-1', 'HAR-2'] })),
      findings: [
        {
          messageId: 'hidden',
          severity: 'warning',
          message:
            'mono/Billing/InvoiceService.cs and mono/Reporting/UsageReport.cs change together (6 shared changes, degree 92%) but no reference links them',
          location: { repo: 'mono', file: 'Billing/InvoiceService.cs' },
          related: [{ repo: 'mono', file: 'Reporting/UsageReport.cs' }],
          data: {
            level: 'file',
            from: SERVICE,
            to: REPORT,
            shared: 6,
            degree: 0.923,
            revisions: [7, 6],
            hidden: true,
            crossRepo: false,
          },
        },
        {
          messageId: 'crossRepo',
          severity: 'note',
          message:
            'mono/Billing/Invoice.cs and svc/Templates.cs change together across repositories (5 shared changes, degree 80%) via tickets HAR-1, HAR-2',
          location: { repo: 'mono', file: 'Billing/Invoice.cs' },
          related: [{ repo: 'svc', file: 'Templates.cs' }],
          data: {
            level: 'file',
            from: INVOICE,
            to: TEMPLATES,
            shared: 5,
            tickets: ['HAR-1', 'HAR-2'],
            hidden: false,
            crossRepo: true,
          },
        },
      ],
      summaries: [
        {
          title: 'Strongest hidden couplings',
          columns: COLUMNS,
          rows: [['mono/Billing/InvoiceService.cs ⇄ mono/Reporting/UsageReport.cs', 'file', '6', '92%']],
        },
      ],
    },
    {
      name: 'explained coupling too with includeStatic',
      estate: explainedAndWeak,
      options: { includeStatic: true },
      findings: [
        {
          messageId: 'coupled',
          severity: 'note',
          message:
            'mono/Billing/InvoiceService.cs and mono/Billing/Invoice.cs change together (8 shared changes, degree 90%)',
          data: { from: SERVICE, to: INVOICE, hidden: false },
        },
      ],
      summaries: [],
    },
    {
      name: 'weaker coupling above a lower minDegree',
      estate: explainedAndWeak,
      options: { includeStatic: true, minDegree: 0.3 },
      findings: [
        // Strongest first: the result keeps the analyzer's ranking.
        { messageId: 'coupled', rank: 1, data: { to: INVOICE } },
        { messageId: 'hidden', rank: 2, data: { to: REPORT, degree: 0.35 } },
      ],
    },
    {
      name: 'hidden coupling across repositories, linked by tickets or by the same author',
      estate: (b) =>
        files(b)
          .coChange(SERVICE, TEMPLATES, coupling(4, 0.6, true, { tickets: ['HAR-1', 'HAR-2', 'HAR-3', 'HAR-4'] }))
          .coChange(REPORT, TEMPLATES, coupling(3, 0.7, true, { linkedByAuthor: true })),
      findings: [
        {
          messageId: 'hidden',
          message:
            'mono/Reporting/UsageReport.cs and svc/Templates.cs change together (3 shared changes, degree 70%) but no reference links them (across repositories via the same author at the same time)',
          data: { crossRepo: true },
        },
        {
          messageId: 'hidden',
          message:
            'mono/Billing/InvoiceService.cs and svc/Templates.cs change together (4 shared changes, degree 60%) but no reference links them (across repositories via tickets HAR-1, HAR-2, HAR-3)',
        },
      ],
      summaries: [
        {
          rows: [
            ['mono/Reporting/UsageReport.cs ⇄ svc/Templates.cs (across repos)', 'file', '3', '70%'],
            ['mono/Billing/InvoiceService.cs ⇄ svc/Templates.cs (across repos)', 'file', '4', '60%'],
          ],
        },
      ],
    },
    {
      name: 'namespaces located at their first type, projects named with their repo; the summary keeps the top ones',
      estate: (b) =>
        b
          .type('Billing.Invoice', { repo: 'mono', file: 'Billing/Invoice.cs' })
          .type('Billing.InvoiceService', { repo: 'mono', file: 'Billing/InvoiceService.cs' })
          .type('Reporting.UsageReport', { repo: 'mono', file: 'Reporting/UsageReport.cs' })
          .coChange(namespaceId('Billing', 'mono'), namespaceId('Reporting', 'mono'), coupling(5, 0.75, true))
          .dotnetProject('mono', 'Billing/Billing.csproj')
          .dotnetProject('svc', 'Svc.csproj')
          .coChange(
            projectId('mono', 'Billing/Billing.csproj'),
            projectId('svc', 'Svc.csproj'),
            coupling(6, 0.8, true),
          ),
      options: { top: 1 },
      findings: [
        {
          messageId: 'hidden',
          message:
            'Billing (mono) and Svc (svc) change together (6 shared changes, degree 80%) but no reference links them (across repositories)',
          location: { repo: 'mono', file: 'Billing/Billing.csproj' },
          data: { level: 'project' },
        },
        {
          messageId: 'hidden',
          message: 'Billing and Reporting change together (5 shared changes, degree 75%) but no reference links them',
          location: { repo: 'mono', file: 'Billing/Invoice.cs' },
          related: [{ repo: 'mono', file: 'Reporting/UsageReport.cs' }],
          data: { level: 'namespace' },
        },
      ],
      summaries: [{ rows: [['Billing (mono) ⇄ Svc (svc) (across repos)', 'project', '6', '80%']] }],
    },
  ],
});
