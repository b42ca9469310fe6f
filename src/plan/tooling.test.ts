import { describe, expect, it } from 'vitest';
import type { Cluster } from '../core/decomposition.js';
import type { GraphEdge, GraphNode } from '../core/graphData.js';
import { SHOP_DECOMPOSITION, shopResult } from '../../test/support/shopEstate.js';
import { planCandidates, withCandidates } from './index.js';
import { toolingClusters } from './tooling.js';

const type = (name: string, project: string, path = `${name.replaceAll('.', '/')}.cs`): GraphNode =>
  ({
    id: `type:${name}`,
    kind: 'type',
    name,
    repo: 'shop',
    path,
    data: { namespace: name.slice(0, name.lastIndexOf('.')), project },
  }) as GraphNode;
const file = (path: string): GraphNode =>
  ({ id: `file:shop/${path}`, kind: 'file', name: path, repo: 'shop', path }) as GraphNode;
const cluster = (id: string, members: string[], tables: string[] = []): Cluster => ({
  id,
  name: id,
  members,
  tables,
  sharedTables: [],
  figures: { size: members.length, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
});

const SEED = 'project:shop/util/Shop.DataSeeder/Shop.DataSeeder.csproj';
const WEB = 'project:shop/src/Web/Web.csproj';

describe('tooling clusters', async () => {
  const base = await shopResult();
  const nodes: GraphNode[] = [
    // A benchmark project known by its package, under a folder that says nothing by itself.
    type('Shop.Timings.InvoiceBench', 'project:shop/tools/Timings/Timings.csproj'),
    type('Shop.Timings.SearchBench', 'project:shop/tools/Timings/Timings.csproj'),
    type('Shop.DataSeeder.Seeder', SEED),
    type('Shop.DataSeeder.CustomerFaker', SEED),
    type('Shop.DataSeeder.OrderFaker', SEED),
    file('perf/load/checkout.js'),
    file('perf/load/browse.js'),
    type('Shop.Web.Swagger.EnumSchemaFilter', WEB),
    type('Shop.Web.Swagger.AuthOperationFilter', WEB),
    type('Microsoft.Extensions.DependencyInjection.ShopServiceCollectionExtensions', WEB),
    // Same plumbing names, but it serves an endpoint: an area's API, not a library.
    type('Shop.Web.Settings.SettingsController', WEB),
    type('Shop.Web.Settings.NotificationSettings', WEB),
    type('Shop.Web.Settings.DisplayOptions', WEB),
  ];
  const edges: GraphEdge[] = [
    {
      from: 'project:shop/tools/Timings/Timings.csproj',
      to: 'package:nuget:benchmarkdotnet',
      kind: 'package-ref',
      weight: 1,
    },
    { from: 'type:Shop.Web.Settings.SettingsController', to: 'endpoint:GET api/settings', kind: 'serves', weight: 1 },
  ] as GraphEdge[];
  const clusters = [
    ...SHOP_DECOMPOSITION.clusters,
    cluster('timings', ['type:Shop.Timings.InvoiceBench', 'type:Shop.Timings.SearchBench']),
    cluster('seeder', [
      'type:Shop.Billing.Invoice',
      'type:Shop.DataSeeder.CustomerFaker',
      'type:Shop.DataSeeder.OrderFaker',
      'type:Shop.DataSeeder.Seeder',
    ]),
    cluster('load', ['file:shop/perf/load/browse.js', 'file:shop/perf/load/checkout.js']),
    cluster('swagger', [
      'type:Microsoft.Extensions.DependencyInjection.ShopServiceCollectionExtensions',
      'type:Shop.Web.Swagger.AuthOperationFilter',
      'type:Shop.Web.Swagger.EnumSchemaFilter',
    ]),
    cluster('settings', [
      'type:Shop.Web.Settings.DisplayOptions',
      'type:Shop.Web.Settings.NotificationSettings',
      'type:Shop.Web.Settings.SettingsController',
    ]),
  ];
  // The Billing members the seeder swept in move out of Billing, as the clustering would put them.
  clusters[clusters.findIndex((c) => c.id === 'billing')] = {
    ...clusters.find((c) => c.id === 'billing')!,
    members: clusters.find((c) => c.id === 'billing')!.members.filter((m) => m !== 'type:Shop.Billing.Invoice'),
  };
  const source = {
    ...base,
    graph: { ...base.graph, nodes: [...base.graph.nodes, ...nodes], edges: [...base.graph.edges, ...edges] },
    decomposition: { ...SHOP_DECOMPOSITION, clusters },
  };
  const tooling = toolingClusters(source);

  it('finds benchmarks by package, seeders by project name, load scripts by folder, and host plumbing', () => {
    expect([...tooling.keys()].sort()).toEqual(['load', 'seeder', 'swagger', 'timings']);
    expect(tooling.get('timings')!.reason).toMatch(/references benchmarkdotnet/);
    expect(tooling.get('seeder')!.reason).toMatch(/3 of 4 units where project Shop\.DataSeeder\.csproj is DataSeeder/);
    expect(tooling.get('load')!.reason).toMatch(/under perf\//);
    expect(tooling.get('swagger')!.reason).toMatch(/^Infrastructure library/);
  });

  it('keeps business clusters, and plumbing-named code that serves an endpoint, in the ranking', () => {
    const ranked = planCandidates(source).map((c) => c.cluster);
    expect(ranked.sort()).toEqual(['billing', 'catalog', 'settings', 'shipping']);
    expect(tooling.has('settings')).toBe(false);
  });

  it('lists tooling apart in the result, and its links are no cuts of the code it uses', () => {
    const result = withCandidates({ ...source });
    expect(result.notCandidates?.map((n) => n.cluster).sort()).toEqual(['load', 'seeder', 'swagger', 'timings']);
    const seedsBilling: GraphEdge = {
      from: 'type:Shop.DataSeeder.Seeder',
      to: 'type:Shop.Billing.InvoiceService',
      kind: 'type-ref',
      weight: 50,
    } as GraphEdge;
    const withSeedRef = { ...source, graph: { ...source.graph, edges: [...source.graph.edges, seedsBilling] } };
    const inbound = (s: typeof source) =>
      planCandidates(s)
        .find((c) => c.cluster === 'billing')!
        .factors.find((f) => f.id === 'inboundDependencies')!.value;
    expect(inbound(withSeedRef)).toBe(inbound(source));
  });
});
