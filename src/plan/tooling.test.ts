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
const MIGRATOR = 'project:shop/ops/Shop.SchemaMigrator/Shop.SchemaMigrator.csproj';
const INSTALLER = 'project:shop/util/Setup/Setup.csproj';
const STATIC_HOST = 'project:shop/src/StaticHost/StaticHost.csproj';
const TRACKING = 'project:shop/src/Tracking/Tracking.csproj';
const CORE = 'project:shop/src/Core/Core.csproj';

describe('tooling clusters', async () => {
  const base = await shopResult();
  const nodes: GraphNode[] = [
    // A benchmark project known by its package, under a folder that says nothing by itself.
    type('Shop.Timings.InvoiceBench', 'project:shop/lab/Timings/Timings.csproj'),
    type('Shop.Timings.SearchBench', 'project:shop/lab/Timings/Timings.csproj'),
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
    // Operational tools known by their project's name: a schema migrator and an installer CLI.
    type('Shop.Schema.DbMigrator', MIGRATOR),
    type('Shop.Schema.ScriptJournal', MIGRATOR),
    type('Program', MIGRATOR, 'ops/Shop.SchemaMigrator/Program.cs'),
    type('Shop.Install.InstallCommand', INSTALLER),
    type('Shop.Install.CertificateWriter', INSTALLER),
    type('Shop.Install.EnvFileWriter', INSTALLER),
    // A host shell: only its entry point and the startup mapping a liveness route.
    type('Shop.StaticHost.Program', STATIC_HOST),
    type('Shop.StaticHost.Startup', STATIC_HOST),
    // A small service host: the same wiring, but a controller serves its API.
    type('Shop.Tracking.Program', TRACKING),
    type('Shop.Tracking.Startup', TRACKING),
    type('Shop.Tracking.Controllers.TrackController', TRACKING),
    // A business area in a folder named Tools inside a business project (a feature team's name).
    type('Shop.Core.Tools.SendService', CORE, 'src/Core/Tools/SendService.cs'),
    type('Shop.Core.Tools.SendRepository', CORE, 'src/Core/Tools/SendRepository.cs'),
  ];
  const edges: GraphEdge[] = [
    {
      from: 'project:shop/lab/Timings/Timings.csproj',
      to: 'package:nuget:benchmarkdotnet',
      kind: 'package-ref',
      weight: 1,
    },
    { from: 'type:Shop.Web.Settings.SettingsController', to: 'endpoint:GET api/settings', kind: 'serves', weight: 1 },
    { from: 'type:Shop.StaticHost.Startup', to: 'endpoint:GET /alive', kind: 'serves', weight: 1 },
    { from: 'type:Shop.Tracking.Startup', to: 'endpoint:GET /alive', kind: 'serves', weight: 1 },
    { from: 'type:Shop.Tracking.Controllers.TrackController', to: 'endpoint:POST /track', kind: 'serves', weight: 1 },
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
    cluster('migrator', ['type:Program', 'type:Shop.Schema.DbMigrator', 'type:Shop.Schema.ScriptJournal']),
    cluster('installer', [
      'type:Shop.Install.CertificateWriter',
      'type:Shop.Install.EnvFileWriter',
      'type:Shop.Install.InstallCommand',
    ]),
    cluster('statichost', ['type:Shop.StaticHost.Program', 'type:Shop.StaticHost.Startup']),
    cluster('tracking', [
      'type:Shop.Tracking.Controllers.TrackController',
      'type:Shop.Tracking.Program',
      'type:Shop.Tracking.Startup',
    ]),
    cluster('send', ['type:Shop.Core.Tools.SendRepository', 'type:Shop.Core.Tools.SendService']),
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

  const TOOLING = ['installer', 'load', 'migrator', 'seeder', 'statichost', 'swagger', 'timings'];

  it('finds benchmarks by package, seeders by project name, load scripts by folder, and host plumbing', () => {
    expect([...tooling.keys()].sort()).toEqual(TOOLING);
    expect(tooling.get('timings')!.reason).toMatch(/references benchmarkdotnet/);
    expect(tooling.get('seeder')!.reason).toMatch(/3 of 4 units where project Shop\.DataSeeder\.csproj is DataSeeder/);
    expect(tooling.get('load')!.reason).toMatch(/under perf\//);
    expect(tooling.get('swagger')!.reason).toMatch(/^Infrastructure library/);
  });

  it('finds operational tools by project name: a database migrator, a setup CLI', () => {
    expect(tooling.get('migrator')!.reason).toMatch(
      /3 of 3 units where project Shop\.SchemaMigrator\.csproj is SchemaMigrator/,
    );
    expect(tooling.get('installer')!.reason).toMatch(/project Setup\.csproj is Setup/);
  });

  it('finds a host shell: an entry point and startup whose only endpoint is the route the startup maps', () => {
    expect(tooling.get('statichost')!.reason).toMatch(
      /^Host shell, not business code: 2 of 2 units are its entry point and startup wiring \(Shop\.StaticHost\.Program, Shop\.StaticHost\.Startup\)/,
    );
  });

  it('keeps a small host whose controller serves an API, and a business folder named Tools, in the ranking', () => {
    expect(tooling.has('tracking')).toBe(false);
    expect(tooling.has('send')).toBe(false);
  });

  it('keeps business clusters, and plumbing-named code that serves an endpoint, in the ranking', () => {
    const ranked = planCandidates(source).map((c) => c.cluster);
    expect(ranked.sort()).toEqual(['billing', 'catalog', 'send', 'settings', 'shipping', 'tracking']);
    expect(tooling.has('settings')).toBe(false);
  });

  it('lists tooling apart in the result, and its links are no cuts of the code it uses', () => {
    const result = withCandidates({ ...source });
    expect(result.notCandidates?.map((n) => n.cluster).sort()).toEqual(TOOLING);
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
