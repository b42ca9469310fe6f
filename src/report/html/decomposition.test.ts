import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../core/graphData.js';
import { SCHEMA_VERSION, type ScanResult } from '../../core/result.js';
import { buildReportData } from './buildReportData.js';
import { readDecomposition } from './decomposition.js';

const clusters = [
  {
    id: 'billing',
    name: 'Billing',
    members: ['type:Billing.Invoice'],
    tables: ['table:dbo.invoices'],
    sharedTables: [],
    figures: { size: 1 },
  },
  {
    id: 'orders',
    name: 'Orders',
    members: ['type:Orders.Order', 'type:Orders.Line'],
    tables: [],
    sharedTables: ['table:dbo.users'],
  },
];
const seams = [
  {
    from: 'orders',
    to: 'billing',
    weight: 3,
    references: [{ from: 'type:Orders.Order', to: 'type:Billing.Invoice', count: 3, file: 'src/Order.cs', line: 9 }],
    calls: [],
    sharedTables: [],
  },
];

describe('readDecomposition', () => {
  it('reads clusters, seams and candidates as the result holds them', () => {
    const read = readDecomposition({
      decomposition: { clusters, seams, quality: { structuralModularity: 0.4, label: 'x' } },
      candidates: [
        {
          cluster: 'billing',
          score: 0.8,
          reasons: ['owns its tables', { text: 'few callers' }],
          work: [{ description: 'cut Order → Invoice' }],
        },
      ],
    });
    expect(read && 'view' in read).toBe(true);
    const { view } = read as Exclude<typeof read, { problem: string } | undefined>;
    expect(view.clusters.map((c) => [c.id, c.size])).toEqual([
      ['billing', 1],
      ['orders', 2],
    ]);
    // Named as the graph names them (here no graph: the id without its kind).
    expect(view.seams[0]!.references[0]).toEqual({
      from: 'Orders.Order',
      to: 'Billing.Invoice',
      count: 3,
      where: 'src/Order.cs:9',
    });
    expect(view.quality).toEqual({ structuralModularity: 0.4 });
    expect(view.candidates).toEqual([
      {
        title: 'Billing',
        cluster: 'billing',
        score: 0.8,
        reasons: ['owns its tables', 'few callers'],
        work: ['cut Order → Invoice'],
      },
    ]);
  });

  it('reads a candidate as src/plan writes it: marks, figures and its work object in words', () => {
    const shared = { id: 'shared', name: 'Shared layer', members: [], tables: [], sharedTables: [], shared: true };
    const read = readDecomposition({
      graph: {
        nodes: [
          { id: 'type:Orders.Order', name: 'Orders.Order' },
          { id: 'type:Billing.Invoice', name: 'Billing.Invoice' },
          { id: 'table:dbo.users', name: 'dbo.Users' },
          { id: 'project:shop/src/Billing/Billing.csproj', name: 'Billing' },
        ],
      },
      decomposition: { clusters: [...clusters, shared], seams },
      candidates: [
        {
          cluster: 'billing',
          name: 'Billing',
          rank: 1,
          score: 0.5,
          risk: 0.2,
          cuts: 0.1,
          value: null,
          pilot: true,
          reasons: ['Low-risk pilot'],
          work: {
            seams: [
              {
                cluster: 'orders',
                inbound: 3,
                outbound: 0,
                calls: 1,
                links: [{ from: 'type:Orders.Order', to: 'type:Billing.Invoice', kind: 'type-ref', weight: 3 }],
              },
              { cluster: 'shared', inbound: 0, outbound: 4, calls: 0, links: [] },
            ],
            endpoints: [
              { unit: 'type:Billing.Api', kind: 'http-call', endpoint: 'GET api/invoices/{id}', callSites: [{}, {}] },
            ],
            tablesToSplit: [{ table: 'table:dbo.users', alsoUsedBy: ['orders'] }],
            projects: [{ project: 'project:shop/src/Billing/Billing.csproj', targetFrameworks: ['net48'] }],
            packages: [{ package: 'Stripe.net' }],
            projectFindings: [{ ruleId: 'eol-framework' }],
            tableFindings: [{ ruleId: 'unindexed-query' }, { ruleId: 'unindexed-query' }],
          },
        },
      ],
    });
    const { view } = read as Exclude<typeof read, { problem: string } | undefined>;
    expect(view.candidates[0]).toEqual({
      title: 'Billing',
      cluster: 'billing',
      rank: 1,
      score: 0.5,
      risk: 0.2,
      cuts: 0.1,
      pilot: true,
      reasons: ['Low-risk pilot'],
      work: [
        'Cut 3 references from Orders, or serve them through an API (heaviest: Orders.Order → Billing.Invoice)',
        'Keep 1 HTTP/gRPC calls with Orders working across the new border',
        'Take Shared layer along as a library: 4 references into it',
        'Keep the endpoint GET api/invoices/{id} (2 call sites)',
        'Split table dbo.Users or put it behind an API (also used by Orders)',
        'Move project Billing (net48)',
        'Bring along 1 package reference',
        'Carry 3 findings on its projects and tables: 2 unindexed-query, 1 eol-framework',
      ],
    });
  });

  it('reads what is already deployed, what is no area, and the clusters left out with their reason', () => {
    const read = readDecomposition({
      graph: { nodes: [{ id: 'project:shop/src/BillingApi/BillingApi.csproj', name: 'BillingApi' }] },
      decomposition: { clusters, seams },
      candidates: [
        { cluster: 'orders', name: 'Orders', notArea: 'library', reasons: [], work: [] },
        {
          cluster: 'billing',
          name: 'Billing',
          deployed: 'project:shop/src/BillingApi/BillingApi.csproj',
          reasons: [],
          work: [],
        },
      ],
      notCandidates: [
        { cluster: 'migrator', name: 'Migrator', reason: 'Tooling, not business code: 4 of 4 units.' },
        { cluster: 'broken', name: 'Broken' },
      ],
    });
    const { view } = read as Exclude<typeof read, { problem: string } | undefined>;
    expect(view.candidates.map((c) => [c.title, c.notArea, c.deployed])).toEqual([
      ['Orders', 'library', undefined],
      ['Billing', undefined, 'BillingApi'],
    ]);
    expect(view.notCandidates).toEqual([{ name: 'Migrator', reason: 'Tooling, not business code: 4 of 4 units.' }]);
    expect(readDecomposition({ decomposition: { clusters, seams } })).toMatchObject({ view: { notCandidates: [] } });
  });

  it('is absent when the result holds no decomposition, and a problem when it cannot be read', () => {
    expect(readDecomposition({ findings: [] })).toBeUndefined();
    expect(readDecomposition({ clusters: [{ id: 1 }] })).toMatchObject({
      problem: expect.stringContaining('decomposition'),
    });
  });
});

describe('the cluster level', () => {
  const type = (name: string): GraphNode => ({ id: `type:${name}`, kind: 'type', name, repo: 'r', loc: 10 });
  const nodes: GraphNode[] = [
    type('Billing.Invoice'),
    type('Orders.Order'),
    type('Orders.Line'),
    { id: 'table:dbo.invoices', kind: 'table', name: 'dbo.Invoices', data: { known: false } },
    { id: 'table:dbo.users', kind: 'table', name: 'dbo.Users', data: { known: false } },
  ];
  const edges: GraphEdge[] = [
    { from: 'type:Orders.Order', to: 'type:Billing.Invoice', kind: 'type-ref', weight: 3 },
    { from: 'type:Orders.Line', to: 'type:Orders.Order', kind: 'type-ref', weight: 1 },
    { from: 'type:Orders.Order', to: 'table:dbo.invoices', kind: 'reads', weight: 1 },
    { from: 'type:Billing.Invoice', to: 'table:dbo.users', kind: 'reads', weight: 1 },
  ];
  const result = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'assess', version: '0' },
    generatedAt: '',
    root: '/',
    repos: [],
    graph: { nodes, edges },
    findings: [],
    summaries: [],
    diagnostics: [],
    stats: {
      repos: 1,
      files: 0,
      filesByLanguage: {},
      loc: 0,
      projects: 0,
      types: 3,
      nodes: 0,
      edges: 0,
      diagnostics: 0,
      findings: 0,
      elapsedMs: 0,
    },
    decomposition: { clusters, seams },
  } as unknown as ScanResult; // a decomposition with only what the cluster level reads

  it('folds members and owned tables into their cluster and keeps shared tables apart', () => {
    const data = buildReportData(result);
    const level = data.levels.find((l) => l.id === 'cluster')!;
    const pairs = level.edges
      .map((e) => `${level.nodes[e.s]!.label} -${e.c}-> ${level.nodes[e.t]!.label} ${e.w}`)
      .sort();
    expect(pairs).toEqual(['Billing -table-> dbo.Users 1', 'Orders -code-> Billing 3', 'Orders -table-> Billing 1']);
    expect(level.nodes.find((n) => n.id === 'orders')).toMatchObject({ loc: 20, units: 2, group: 'orders' });
    expect(data.decomposition?.clusters).toHaveLength(2);
  });

  it('marks each unit of the code levels with the cluster most of its code belongs to', () => {
    const repo = buildReportData(result).levels.find((l) => l.id === 'repo')!;
    // All three types live in repo r: two are Orders, one Billing.
    expect(repo.nodes.find((n) => n.id === 'repo:r')?.cluster).toBe('orders');
  });

  it('says on the page when the decomposition cannot be read, instead of dropping it silently', () => {
    const data = buildReportData({ ...result, decomposition: { clusters: 'no' } } as unknown as ScanResult);
    expect(data.levels.map((l) => l.id)).not.toContain('cluster');
    expect(data.notes.join(' ')).toMatch(/decomposition could not be read/);
  });
});
