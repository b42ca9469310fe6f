/** A two-project estate (Billing, Identity) as a scan result, for the check's unit tests. */
import { BASELINE_SCHEMA, type Baseline } from '../../src/core/check.js';
import type { GraphEdgeOf } from '../../src/core/graphData.js';
import type { GraphEdge, GraphNode, ScanResult } from '../../src/core/result.js';
import { rulesConfigSchema } from '../../src/config/rules.js';
import { checkEstate } from '../../src/check/index.js';

export const BILLING = 'project:shop/src/Billing/Billing.csproj';
export const IDENTITY = 'project:shop/src/Identity/Identity.csproj';
export const NS_BILLING = 'namespace:Shop.Billing@shop/src/Billing/Billing.csproj';
export const NS_INVOICES = 'namespace:Shop.Billing.Invoices@shop/src/Billing/Billing.csproj';
export const NS_IDENTITY = 'namespace:Shop.Identity@shop/src/Identity/Identity.csproj';

export const nodes: GraphNode[] = [
  { id: 'repo:shop', kind: 'repo', name: 'shop' },
  { id: 'repo:web', kind: 'repo', name: 'web' },
  { id: 'repo:db', kind: 'repo', name: 'db' },
  ...[BILLING, IDENTITY].map(
    (id): GraphNode => ({
      id,
      kind: 'project',
      name: id.split('/').at(-1)!.replace('.csproj', ''),
      repo: 'shop',
      path: id.slice('project:shop/'.length),
    }),
  ),
  {
    id: 'project:web/package.json',
    kind: 'project',
    name: 'web',
    repo: 'web',
    path: 'package.json',
    data: { ecosystem: 'npm', private: true },
  },
  { id: NS_BILLING, kind: 'namespace', name: 'Shop.Billing', repo: 'shop', data: { project: BILLING } },
  { id: NS_INVOICES, kind: 'namespace', name: 'Shop.Billing.Invoices', repo: 'shop', data: { project: BILLING } },
  { id: NS_IDENTITY, kind: 'namespace', name: 'Shop.Identity', repo: 'shop', data: { project: IDENTITY } },
  {
    id: 'type:Shop.Billing.InvoiceService',
    kind: 'type',
    name: 'Shop.Billing.InvoiceService',
    repo: 'shop',
    data: {
      typeKind: 'class',
      namespace: 'Shop.Billing',
      project: BILLING,
      files: ['src/Billing/InvoiceService.cs'],
      line: 5,
      modifiers: [],
    },
  },
  { id: 'table:identity.users', kind: 'table', name: 'identity.Users', repo: 'db', data: { known: false } },
  {
    id: 'module:web/src',
    kind: 'module',
    name: 'src',
    repo: 'web',
    path: 'src',
    data: { files: 1, language: 'TypeScript' },
  },
  {
    id: 'module:web/src/api',
    kind: 'module',
    name: 'api',
    repo: 'web',
    path: 'src/api',
    data: { files: 1, language: 'TypeScript' },
  },
  { id: 'file:web/src/app.ts', kind: 'file', name: 'app.ts', repo: 'web', path: 'src/app.ts' },
  { id: 'file:web/src/api/client.ts', kind: 'file', name: 'client.ts', repo: 'web', path: 'src/api/client.ts' },
  {
    id: 'file:shop/src/Billing/InvoiceService.cs',
    kind: 'file',
    name: 'InvoiceService.cs',
    repo: 'shop',
    path: 'src/Billing/InvoiceService.cs',
  },
];

export const billingToIdentity: GraphEdgeOf<'namespace-ref'> = {
  from: NS_BILLING,
  to: NS_IDENTITY,
  kind: 'namespace-ref',
  weight: 2,
  data: { repo: 'shop', file: 'src/Billing/InvoiceService.cs', line: 12 },
};
export const edges: GraphEdge[] = [
  { from: BILLING, to: 'file:shop/src/Billing/InvoiceService.cs', kind: 'contains', weight: 1 },
  billingToIdentity,
  {
    from: 'file:web/src/app.ts',
    to: 'file:web/src/api/client.ts',
    kind: 'import',
    weight: 1,
    data: { kinds: ['import'], specifiers: ['./api/client'], line: 3 },
  },
  {
    from: 'file:web/src/api/client.ts',
    to: 'type:Shop.Billing.InvoiceService',
    kind: 'http-call',
    weight: 1,
    data: {
      method: 'GET',
      call: 'fetch',
      calls: [{ call: 'fetch', url: '/invoices', file: 'src/api/client.ts', line: 7 }],
    },
  },
];

export function result(extraEdges: GraphEdge[] = [], withQuery = true): ScanResult {
  return {
    root: 'estate',
    graph: { nodes, edges: [...edges, ...extraEdges] },
    findings: [],
    ...(withQuery
      ? {
          sql: {
            queries: [
              {
                key: 'q1',
                repo: 'shop',
                file: 'src/Billing/InvoiceService.cs',
                line: 20,
                column: 9,
                api: 'SqlCommand',
                dynamic: false,
                parsed: true,
                tables: [{ table: 'identity.users', mode: 'read' }],
                text: 'SELECT Email FROM identity.Users WHERE Id = @id',
                role: 'application',
              },
            ],
          },
        }
      : {}),
  } as unknown as ScanResult;
}

export const empty: Baseline = {
  schema: BASELINE_SCHEMA,
  levels: ['repo', 'project', 'namespace'],
  dependencies: [],
  cycles: [],
  findings: [],
};
export const rules = (config: unknown = {}) => rulesConfigSchema.parse(config);
export const check = (r: ScanResult, baseline: Baseline, config: unknown = {}, today = '2026-12-02') =>
  checkEstate(r, baseline, { rules: rules(config), today });
