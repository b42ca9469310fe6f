import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../core/graphData.js';
import { SCHEMA_VERSION, type Finding, type ScanResult } from '../../core/result.js';
import { aggregateLevel, EDGE_BUDGET, NODE_BUDGET } from './aggregate.js';
import { buildReportData } from './buildReportData.js';

const core = 'project:shop/src/Core/Core.csproj';
const web = 'project:shop/src/Web/Web.csproj';
const nsBilling = `namespace:Shop.Billing@shop/src/Core/Core.csproj`;
const nsOrders = `namespace:Shop.Orders@shop/src/Core/Core.csproj`;
const nsWeb = `namespace:Shop.Web@shop/src/Web/Web.csproj`;

/** Two repos: a .NET shop (two projects, three namespaces, a table) and a JS front end calling it over HTTP. */
function estate(): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const type = (name: string, namespace: string, project: string, file: string, loc: number): GraphNode => ({
    id: `type:${name}`,
    kind: 'type',
    name,
    repo: 'shop',
    path: file,
    loc,
    data: { typeKind: 'class', namespace, project, files: [file], line: 1, modifiers: [] },
  });
  const nodes: GraphNode[] = [
    { id: 'repo:shop', kind: 'repo', name: 'shop', data: { git: true } },
    { id: 'repo:front', kind: 'repo', name: 'front', data: { git: true } },
    {
      id: core,
      kind: 'project',
      name: 'Core',
      repo: 'shop',
      path: 'src/Core/Core.csproj',
      data: { language: 'csharp', sdkStyle: true, assemblyName: 'Core', targetFrameworks: ['net8.0'] },
    },
    {
      id: web,
      kind: 'project',
      name: 'Web',
      repo: 'shop',
      path: 'src/Web/Web.csproj',
      data: { language: 'csharp', sdkStyle: true, assemblyName: 'Web', targetFrameworks: ['net8.0'] },
    },
    { id: nsBilling, kind: 'namespace', name: 'Shop.Billing', repo: 'shop', data: { project: core } },
    { id: nsOrders, kind: 'namespace', name: 'Shop.Orders', repo: 'shop', data: { project: core } },
    { id: nsWeb, kind: 'namespace', name: 'Shop.Web', repo: 'shop', data: { project: web } },
    type('Shop.Billing.Invoice', 'Shop.Billing', core, 'src/Core/Billing/Invoice.cs', 40),
    type('Shop.Orders.Order', 'Shop.Orders', core, 'src/Core/Orders/Order.cs', 60),
    type('Shop.Web.OrdersController', 'Shop.Web', web, 'src/Web/OrdersController.cs', 30),
    {
      id: 'file:shop/src/Core/Billing/Invoice.cs',
      kind: 'file',
      name: 'Invoice.cs',
      repo: 'shop',
      path: 'src/Core/Billing/Invoice.cs',
      loc: 40,
      data: { language: 'C#' },
    },
    {
      id: 'file:front/src/api.ts',
      kind: 'file',
      name: 'api.ts',
      repo: 'front',
      path: 'src/api.ts',
      loc: 12,
      data: { language: 'TypeScript' },
    },
    {
      id: 'file:front/src/app.ts',
      kind: 'file',
      name: 'app.ts',
      repo: 'front',
      path: 'src/app.ts',
      loc: 8,
      data: { language: 'TypeScript' },
    },
    {
      id: 'table:dbo.orders',
      kind: 'table',
      name: 'dbo.Orders',
      repo: 'shop',
      data: { known: true, columns: 3, indexes: [], sources: [] },
    },
    {
      id: 'table:dbo.unused',
      kind: 'table',
      name: 'dbo.Unused',
      repo: 'shop',
      data: { known: true, columns: 1, indexes: [], sources: [] },
    },
  ];
  const contains = (from: string, to: string): GraphEdge => ({ from, to, kind: 'contains', weight: 1 });
  const edges: GraphEdge[] = [
    contains('repo:shop', core),
    contains('repo:shop', web),
    contains('repo:front', 'file:front/src/api.ts'),
    contains('repo:front', 'file:front/src/app.ts'),
    contains(core, 'file:shop/src/Core/Billing/Invoice.cs'),
    contains('file:shop/src/Core/Billing/Invoice.cs', 'type:Shop.Billing.Invoice'),
    contains(nsBilling, 'type:Shop.Billing.Invoice'),
    contains(nsOrders, 'type:Shop.Orders.Order'),
    contains(nsWeb, 'type:Shop.Web.OrdersController'),
    { from: 'type:Shop.Orders.Order', to: 'type:Shop.Billing.Invoice', kind: 'type-ref', weight: 2 },
    { from: 'type:Shop.Web.OrdersController', to: 'type:Shop.Orders.Order', kind: 'type-ref', weight: 3 },
    { from: 'type:Shop.Web.OrdersController', to: 'type:Shop.Billing.Invoice', kind: 'type-ref', weight: 1 },
    { from: 'type:Shop.Orders.Order', to: 'table:dbo.orders', kind: 'writes', weight: 1 },
    {
      from: 'file:front/src/app.ts',
      to: 'file:front/src/api.ts',
      kind: 'import',
      weight: 1,
      data: { kinds: ['import'], specifiers: ['./api'] },
    },
    {
      from: 'file:front/src/api.ts',
      to: 'type:Shop.Web.OrdersController',
      kind: 'http-call',
      weight: 1,
      data: { method: 'GET', call: 'fetch', calls: [{ call: 'fetch', url: '/orders', file: 'src/api.ts', line: 7 }] },
    },
  ];
  return { nodes, edges };
}

function result(graph = estate(), findings: Finding[] = []): ScanResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'assess', version: '0' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    root: '/estate',
    repos: [],
    graph,
    findings,
    summaries: [],
    diagnostics: [],
    stats: {
      repos: 2,
      files: 3,
      filesByLanguage: {},
      loc: 140,
      projects: 2,
      types: 3,
      nodes: 0,
      edges: 0,
      diagnostics: 0,
      findings: 0,
      elapsedMs: 0,
    },
  };
}

const levelOf = (id: string, r = result()) => buildReportData(r).levels.find((l) => l.id === id)!;
const pairs = (level: ReturnType<typeof levelOf>) =>
  level.edges.map((e) => `${level.nodes[e.s]!.label} -${e.c}-> ${level.nodes[e.t]!.label} ${e.w}`).sort();

describe('buildReportData levels', () => {
  it('rolls type references, imports, calls and table writes up to namespaces', () => {
    expect(pairs(levelOf('namespace'))).toEqual([
      'Shop.Orders -code-> Shop.Billing 2',
      'Shop.Orders -table-> dbo.Orders 1',
      'Shop.Web -code-> Shop.Billing 1',
      'Shop.Web -code-> Shop.Orders 3',
      'front (outside projects) -http-> Shop.Web 1',
    ]);
  });

  it('rolls the same up to projects and repos, dropping references inside one unit', () => {
    expect(pairs(levelOf('project'))).toEqual([
      'Core -table-> dbo.Orders 1',
      'Web -code-> Core 4',
      'front (outside projects) -http-> Web 1',
    ]);
    expect(pairs(levelOf('repo'))).toEqual(['front -http-> shop 1', 'shop -table-> dbo.Orders 1']);
  });

  it('keeps the base edges behind an aggregated one, heaviest first, with where the call is written', () => {
    const level = levelOf('project');
    const code = level.edges.find((e) => e.c === 'code')!;
    expect(code.n).toBe(2);
    expect(code.ev.map((e) => e.slice(0, 3))).toEqual([
      ['Shop.Web.OrdersController', 'Shop.Orders.Order', 3],
      ['Shop.Web.OrdersController', 'Shop.Billing.Invoice', 1],
    ]);
    expect(level.edges.find((e) => e.c === 'http')!.ev[0]![3]).toBe('front/src/api.ts:7');
  });

  it('links each unit to the one holding it, for drilling down, and sums lines of code', () => {
    const namespaces = levelOf('namespace').nodes;
    expect(namespaces.find((n) => n.label === 'Shop.Billing')).toMatchObject({ parent: core, loc: 40, units: 1 });
    expect(levelOf('project').nodes.find((n) => n.id === core)).toMatchObject({
      parent: 'repo:shop',
      loc: 100,
      units: 2,
    });
  });

  it('colours by repository, or within one repository by project and by the folder holding the project', () => {
    const two = {
      ...result(),
      repos: ['shop', 'front'].map((name) => ({ name, path: name, git: true, files: 1, loc: 1, languages: {} })),
    };
    expect(levelOf('project', two).nodes.find((n) => n.id === core)!.group).toBe('shop');
    expect(levelOf('namespace', two).nodes.find((n) => n.id === nsBilling)!.group).toBe('shop');
    expect(levelOf('project').nodes.find((n) => n.id === core)!.group).toBe('src');
    expect(levelOf('namespace').nodes.find((n) => n.id === nsBilling)!.group).toBe(core);
  });

  it('does not draw a unit of only non-code files below the repo level, and says how many', () => {
    const graph = estate();
    graph.nodes.push({
      id: 'file:shop/Shop.sln',
      kind: 'file',
      name: 'Shop.sln',
      repo: 'shop',
      path: 'Shop.sln',
      loc: 0,
      data: { language: 'Solution' },
    });
    graph.edges.push({ from: 'repo:shop', to: 'file:shop/Shop.sln', kind: 'contains', weight: 1 });
    const project = levelOf('project', result(graph));
    expect(project.nodes.map((n) => n.label)).not.toContain('shop (outside projects)');
    expect(project.omitted.empty).toBe(1);
    expect(levelOf('repo', result(graph)).nodes.map((n) => n.label)).toContain('shop');
  });

  it("counts a project's own manifest in the project, not among the files outside projects", () => {
    const graph = estate();
    graph.nodes.push({
      id: 'file:shop/src/Core/Core.csproj',
      kind: 'file',
      name: 'Core.csproj',
      repo: 'shop',
      path: 'src/Core/Core.csproj',
      loc: 9,
      data: { language: 'MSBuild' },
    });
    graph.edges.push({ from: 'repo:shop', to: 'file:shop/src/Core/Core.csproj', kind: 'contains', weight: 1 });
    const project = levelOf('project', result(graph));
    expect(project.nodes.map((n) => n.label)).not.toContain('shop (outside projects)');
    expect(project.nodes.find((n) => n.id === core)).toMatchObject({ loc: 100, units: 2 });
    expect(levelOf('namespace', result(graph)).nodes.map((n) => n.label)).not.toContain('Core (project files)');
  });

  it('puts a file no project lists in the nearest project folder holding it (npm packages)', () => {
    const graph = estate();
    graph.nodes.push({
      id: 'project:front/package.json',
      kind: 'project',
      name: '@shop/front',
      repo: 'front',
      path: 'package.json',
      data: { ecosystem: 'npm', private: true },
    });
    graph.edges.push({ from: 'repo:front', to: 'project:front/package.json', kind: 'contains', weight: 1 });
    expect(pairs(levelOf('project', result(graph)))).toContain('@shop/front -http-> Web 1');
  });

  it('does not draw a table no code uses, and says how many', () => {
    const level = levelOf('project');
    expect(level.nodes.map((n) => n.label)).not.toContain('dbo.Unused');
    expect(level.omitted.unusedTables).toBe(1);
  });

  it('gives the same data whatever order the graph lists nodes and edges in', () => {
    const graph = estate();
    const shuffled = { nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    expect(buildReportData(result(shuffled)).levels).toEqual(buildReportData(result(graph)).levels);
  });

  it('lays nodes out at finite, distinct positions', () => {
    const nodes = levelOf('namespace').nodes;
    expect(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    expect(new Set(nodes.map((n) => `${n.x},${n.y}`)).size).toBe(nodes.length);
  });

  it('names a project standing for its own files among namespaces apart from a namespace of that name', () => {
    const graph = estate();
    graph.nodes.push({
      id: 'file:shop/src/Core/Settings.cs',
      kind: 'file',
      name: 'Settings.cs',
      repo: 'shop',
      path: 'src/Core/Settings.cs',
      loc: 5,
      data: { language: 'C#' },
    });
    graph.edges.push(
      { from: core, to: 'file:shop/src/Core/Settings.cs', kind: 'contains', weight: 1 },
      { from: 'file:shop/src/Core/Settings.cs', to: 'type:Shop.Billing.Invoice', kind: 'type-ref', weight: 1 },
    );
    expect(pairs(levelOf('namespace', result(graph)))).toContain('Core (project files) -code-> Shop.Billing 1');
  });

  it('tells two namespaces of one name in two projects apart by their project', () => {
    const graph = estate();
    const twin = 'namespace:Shop.Billing@shop/src/Web/Web.csproj';
    graph.nodes.push(
      { id: twin, kind: 'namespace', name: 'Shop.Billing', repo: 'shop', data: { project: web } },
      {
        id: 'type:Shop.Billing.WebInvoice',
        kind: 'type',
        name: 'Shop.Billing.WebInvoice',
        repo: 'shop',
        path: 'src/Web/WebInvoice.cs',
        loc: 9,
        data: {
          typeKind: 'class',
          namespace: 'Shop.Billing',
          project: web,
          files: ['src/Web/WebInvoice.cs'],
          line: 1,
          modifiers: [],
        },
      },
    );
    graph.edges.push(
      { from: twin, to: 'type:Shop.Billing.WebInvoice', kind: 'contains', weight: 1 },
      { from: 'type:Shop.Billing.WebInvoice', to: 'type:Shop.Billing.Invoice', kind: 'type-ref', weight: 1 },
    );
    const labels = levelOf('namespace', result(graph)).nodes.map((n) => n.label);
    expect(labels).toContain('Shop.Billing (Core)');
    expect(labels).toContain('Shop.Billing (Web)');
    expect(labels).toContain('Shop.Orders');
  });

  it('draws no cluster level without a decomposition', () => {
    expect(buildReportData(result()).levels.map((l) => l.id)).toEqual(['repo', 'project', 'namespace']);
  });
});

describe('the node and edge budget', () => {
  it('keeps the most connected nodes and the heaviest edges, and counts the rest', () => {
    const count = NODE_BUDGET + 50;
    const nodes: GraphNode[] = Array.from({ length: count }, (_, i) => ({
      id: `type:T${i}`,
      kind: 'type',
      name: `T${i}`,
      repo: 'r',
      loc: 1,
    }));
    // A star: every type uses T0, so T0 is kept and the lightest loose ends are dropped.
    const edges: GraphEdge[] = nodes
      .slice(1, NODE_BUDGET + 20)
      .map((n) => ({ from: n.id, to: 'type:T0', kind: 'type-ref', weight: 1 }));
    const unitOf = new Map(nodes.map((n) => [n.id, n.id]));
    const level = aggregateLevel(
      nodes,
      edges,
      unitOf,
      (id) => ({ id, label: id, kind: 'unit', group: 'r' }),
      new Map(nodes.map((n) => [n.id, 1])),
    );
    expect(level.nodes).toHaveLength(NODE_BUDGET);
    expect(level.nodes.map((n) => n.id)).toContain('type:T0');
    expect(level.omitted.nodes).toBe(50);
    expect(level.edges.length + level.omitted.edges).toBe(NODE_BUDGET + 19);
    expect(level.edges.length).toBeLessThanOrEqual(EDGE_BUDGET);
  });
});
