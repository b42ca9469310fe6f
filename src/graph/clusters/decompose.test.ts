import { describe, expect, it } from 'vitest';
import { declareAreas, MONOLITH_PROJECT } from '../../../test/support/areaEstate.js';
import { estate } from '../../../test/support/estateBuilder.js';
import { type ClusteringSettings, DEFAULT_CLUSTERING_SETTINGS, type Decomposition } from '../../core/decomposition.js';
import { typeId } from '../../core/ids.js';
import { adjustedRandIndex } from './agreement.js';
import { decompose } from './index.js';
import { collectUnits } from './units.js';

const AREAS = [
  { name: 'Billing', types: ['Invoice', 'InvoiceLine', 'TariffCalculator', 'InvoiceRepository', 'InvoicesController'] },
  { name: 'Orders', types: ['Order', 'OrderLine', 'OrderRepository', 'OrderPlacement', 'OrdersController'] },
  { name: 'Members', types: ['Member', 'MemberRepository', 'Membership', 'MemberCard', 'MembersController'] },
];

/** The three areas, with `Shop.Orders.InvoiceNumbering` misplaced: it is Billing's in all but its namespace. */
async function shop(settings: Partial<ClusteringSettings> = {}): Promise<Decomposition> {
  const b = estate();
  declareAreas(b, AREAS);
  b.type('Shop.Orders.InvoiceNumbering', {
    repo: 'shop',
    file: 'Orders/InvoiceNumbering.cs',
    project: 'Shop/Shop.csproj',
  })
    .typeRef('Shop.Billing.Invoice', 'Shop.Orders.InvoiceNumbering', 4)
    .typeRef('Shop.Billing.InvoiceRepository', 'Shop.Orders.InvoiceNumbering', 2)
    .typeRef('Shop.Orders.InvoiceNumbering', 'Shop.Billing.TariffCalculator', 2)
    // One crossing between areas: placing an order prices it with Billing's tariff.
    .typeRef('Shop.Orders.OrderPlacement', 'Shop.Billing.TariffCalculator', 1);
  const { estate: built } = await b.build();
  return decompose(built.graph, built.model, { ...DEFAULT_CLUSTERING_SETTINGS, ...settings });
}

const clusterOfType = (d: Decomposition, name: string) => d.clusterOf.get(typeId(name));
const byName = (d: Decomposition, name: string) => d.clusters.find((c) => c.name === name);

describe('decompose', () => {
  it('recovers the areas, puts the Common hub in the shared layer and the misplaced type with its true area', async () => {
    const d = await shop();
    expect(d.clusters.map((c) => c.name)).toEqual(['Billing', 'Members', 'Orders', 'Shared layer (Common)']);
    expect(byName(d, 'Shared layer (Common)')).toMatchObject({
      id: 'shared',
      shared: true,
      members: [typeId('Shop.Common.Clock'), typeId('Shop.Common.Guard')],
    });
    expect(clusterOfType(d, 'Shop.Orders.InvoiceNumbering')).toBe('billing');
    expect(byName(d, 'Billing')?.members).toHaveLength(6);

    const truth = new Map<string, string>();
    for (const area of AREAS) for (const t of area.types) truth.set(typeId(`Shop.${area.name}.${t}`), area.name);
    truth.set(typeId('Shop.Orders.InvoiceNumbering'), 'Billing');
    const namespaceOnly = new Map([...truth.keys()].map((id) => [id, id.split('.')[1]!]));
    expect(adjustedRandIndex(truth, d.clusterOf)).toBe(1);
    expect(adjustedRandIndex(truth, namespaceOnly)).toBeLessThan(0.9);
  });

  it('measures the cut: SM, ICP, IFN, NED, exclusivity and the seam of the one crossing', async () => {
    const d = await shop();
    expect(d.quality).toMatchObject({ clusters: 3, units: 16, sharedLayerUnits: 2, sharedTables: 0 });
    expect(d.quality.interPartitionCallPercentage).toBeGreaterThan(0);
    expect(d.quality.interPartitionCallPercentage).toBeLessThan(0.05);
    expect(d.quality.nonExtremeDistribution).toBe(1);
    expect(byName(d, 'Billing')?.figures).toMatchObject({ size: 6, interfaceNumber: 1 });
    expect(byName(d, 'Members')?.figures).toMatchObject({ size: 5, interfaceNumber: 0, exclusivity: 1 });
    expect(d.seams.filter((s) => s.from !== 'shared' && s.to !== 'shared')).toEqual([
      {
        from: 'billing',
        to: 'orders',
        weight: 1,
        references: [
          {
            from: typeId('Shop.Orders.OrderPlacement'),
            to: typeId('Shop.Billing.TariffCalculator'),
            count: 1,
            file: 'Orders/OrderPlacement.cs',
          },
        ],
        calls: [],
        sharedTables: [],
      },
    ]);
  });

  it('gives each table to the cluster using it most, follows views to their tables, and marks shared ones', async () => {
    const b = estate();
    declareAreas(b, AREAS);
    b.sqlScript(
      'shop',
      'db/schema.sql',
      [
        'CREATE TABLE dbo.Members (Id INT PRIMARY KEY, Email NVARCHAR(200));',
        'CREATE TABLE dbo.Invoices (Id INT PRIMARY KEY, MemberId INT);',
        'CREATE VIEW dbo.MemberContacts AS SELECT Id, Email FROM dbo.Members;',
      ].join('\nGO\n'),
    )
      .queries('shop', 'Members/MemberRepository.cs', [
        'SELECT Id, Email FROM dbo.Members WHERE Id = @id',
        'UPDATE dbo.Members SET Email = @email WHERE Id = @id',
      ])
      .queries('shop', 'Billing/InvoiceRepository.cs', [
        'SELECT Id FROM dbo.Invoices WHERE MemberId = @id',
        'SELECT Email FROM dbo.Members WHERE Id = @id',
      ])
      .queries('shop', 'Orders/OrderRepository.cs', ['SELECT Email FROM dbo.MemberContacts WHERE Id = @id'])
      // A one-off script touching both tables is no area's code: it neither clusters nor shares them.
      .sqlScript(
        'shop',
        'db/Scripts/backfill.sql',
        'UPDATE dbo.Invoices SET MemberId = 0 WHERE MemberId IS NULL;\nUPDATE dbo.Members SET Email = Id WHERE Email IS NULL;',
      );
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(built.graph.edge('writes', 'file:shop/db/Scripts/backfill.sql', 'table:dbo.invoices')).toBeDefined();
    expect(d.clusterOf.has('file:shop/db/Scripts/backfill.sql')).toBe(false);
    expect(byName(d, 'Members')).toMatchObject({ tables: ['table:dbo.members'], sharedTables: ['table:dbo.members'] });
    expect(byName(d, 'Billing')).toMatchObject({ tables: ['table:dbo.invoices'], sharedTables: ['table:dbo.members'] });
    expect(byName(d, 'Orders')).toMatchObject({ tables: [], sharedTables: ['table:dbo.members'] });
    expect(d.quality.sharedTables).toBe(1);
    expect(d.seams.find((s) => s.from === 'billing' && s.to === 'members')?.sharedTables).toEqual([
      'table:dbo.members',
    ]);

    // A table pinned to a group belongs to it, whoever uses it most.
    const pinned = decompose(built.graph, built.model, {
      ...DEFAULT_CLUSTERING_SETTINGS,
      pins: { groups: [{ name: 'Billing', patterns: ['Shop.Billing.*', 'dbo.Members'] }], shared: [] },
    });
    expect(pinned.clusters.find((c) => c.pinned === 'Billing')?.tables).toEqual([
      'table:dbo.invoices',
      'table:dbo.members',
    ]);
  });

  it('gives the same clusters on every run', async () => {
    const json = (d: Decomposition) => JSON.stringify({ ...d, clusterOf: [...d.clusterOf] });
    expect(json(await shop())).toBe(json(await shop()));
    expect(json(await shop({ seed: 7 }))).toBe(json(await shop({ seed: 7 })));
  });

  it('respects pins: a fixed group becomes one cluster named after it, pinned shared units join the shared layer', async () => {
    const d = await shop({
      pins: {
        groups: [{ name: 'Ledger', patterns: ['Shop.Billing.Invoice*', 'Shop.Orders.Order'] }],
        shared: ['*.MemberCard'],
      },
    });
    const ledger = d.clusters.find((c) => c.pinned === 'Ledger');
    expect(ledger).toMatchObject({ id: 'ledger', name: 'Ledger' });
    for (const name of [
      'Shop.Billing.Invoice',
      'Shop.Billing.InvoiceLine',
      'Shop.Billing.InvoiceRepository',
      'Shop.Orders.Order',
    ])
      expect(clusterOfType(d, name)).toBe('ledger');
    expect(clusterOfType(d, 'Shop.Members.MemberCard')).toBe('shared');
  });

  it('keeps a controller that other areas call over HTTP in its own area: calls make no hub', async () => {
    const b = estate();
    declareAreas(b, [...AREAS, { name: 'Reports', types: ['Report', 'ReportBuilder', 'ReportsController'] }]);
    const { estate: built } = await b.build();
    const controller = typeId('Shop.Orders.OrdersController');
    for (const caller of [
      'Shop.Billing.InvoiceRepository',
      'Shop.Members.MemberRepository',
      'Shop.Reports.ReportBuilder',
    ])
      built.graph.addEdge(typeId(caller), controller, 'http-call', 1, {
        method: 'GET',
        call: 'http.GetAsync(url)',
        calls: [{ call: 'http.GetAsync(url)', url: 'api/orders', line: 3 }],
      });
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(d.clusterOf.get(controller)).toBe('orders');
  });

  it('puts a helper tied to nothing but the shared layer into it', async () => {
    const b = estate();
    declareAreas(b, AREAS);
    b.type('Shop.Common.GuardExtensions', {
      repo: 'shop',
      file: 'Common/GuardExtensions.cs',
      project: 'Shop/Shop.csproj',
    });
    b.typeRef('Shop.Common.GuardExtensions', 'Shop.Common.Guard', 2);
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(d.clusterOf.get(typeId('Shop.Common.GuardExtensions'))).toBe('shared');
  });

  it('puts a data-access layer of repositories with the areas using their interfaces, and their tables with them', async () => {
    const b = estate();
    declareAreas(b, AREAS);
    const inShop = (file: string) => ({ repo: 'shop', file, project: MONOLITH_PROJECT });
    const layer = [
      {
        area: 'Billing',
        iface: 'IInvoiceLedger',
        impl: 'InvoiceLedger',
        table: 'Invoices',
        users: ['InvoiceRepository', 'TariffCalculator'],
      },
      {
        area: 'Orders',
        iface: 'IOrderArchive',
        impl: 'OrderArchive',
        table: 'Orders',
        users: ['OrderRepository', 'OrderPlacement'],
      },
      {
        area: 'Members',
        iface: 'IMemberDirectory',
        impl: 'MemberDirectory',
        table: 'Members',
        users: ['MemberRepository', 'Membership'],
      },
    ];
    b.type('Shop.Data.DbSession', inShop('Data/DbSession.cs')).type('Shop.Data.RowMapper', inShop('Data/RowMapper.cs'));
    b.typeRef('Shop.Data.RowMapper', 'Shop.Data.DbSession', 4);
    for (const { area, iface, impl, table, users } of layer) {
      b.type(`Shop.${area}.${iface}`, { ...inShop(`${area}/${iface}.cs`), kind: 'interface' });
      for (const user of users) b.typeRef(`Shop.${area}.${user}`, `Shop.${area}.${iface}`, 3);
      // A data-access project's layout: one folder per area, one session and one mapper for all.
      const name = `Shop.Data.${area}.${impl}`;
      b.type(name, inShop(`Data/${area}/${impl}.cs`))
        .typeRef(name, `Shop.${area}.${iface}`, 1)
        .typeRef(name, 'Shop.Data.DbSession', 2)
        .typeRef(name, 'Shop.Data.RowMapper', 2)
        .queries('shop', `Data/${area}/${impl}.cs`, [`SELECT Id FROM dbo.${table} WHERE Id = @id`]);
    }
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    for (const { area, impl, table } of layer) {
      expect(clusterOfType(d, `Shop.Data.${area}.${impl}`)).toBe(area.toLowerCase());
      expect(d.clusterOf.get(`table:dbo.${table.toLowerCase()}`)).toBe(area.toLowerCase());
    }
    expect(d.clusters.some((c) => c.name === 'Data')).toBe(false);
  });

  it('ties no class to an interface that does not bear its name: a user of an interface is no implementation', async () => {
    const b = estate();
    declareAreas(b, AREAS);
    const inShop = (file: string) => ({ repo: 'shop', file, project: MONOLITH_PROJECT });
    b.type('Shop.Billing.IInvoiceLedger', { ...inShop('Billing/IInvoiceLedger.cs'), kind: 'interface' })
      .typeRef('Shop.Billing.InvoiceRepository', 'Shop.Billing.IInvoiceLedger', 1)
      .typeRef('Shop.Orders.OrderPlacement', 'Shop.Billing.IInvoiceLedger', 1);
    const { estate: built } = await b.build();
    const units = collectUnits(built.graph, built.model);
    expect(units.implementations).toEqual([]);
  });

  it('merges a fragment of fewer than 5 units into the cluster it is most tied to', async () => {
    const b = estate();
    declareAreas(b, [...AREAS, { name: 'Reports', types: ['Report', 'ReportBuilder', 'ReportsController'] }]);
    b.typeRef('Shop.Reports.ReportBuilder', 'Shop.Billing.Invoice', 2);
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(clusterOfType(d, 'Shop.Reports.ReportBuilder')).toBe('billing');
    expect(d.clusters.filter((c) => !c.shared).every((c) => c.members.length >= 5)).toBe(true);
  });

  it('puts a small library fragment that nothing references (extension methods) into the shared layer', async () => {
    const b = estate();
    declareAreas(b, AREAS);
    const inShop = (file: string) => ({ repo: 'shop', file, project: MONOLITH_PROJECT });
    b.type('Shop.Hosting.WebHostExtensions', inShop('Hosting/WebHostExtensions.cs'));
    b.type('Shop.Hosting.MigrationRunner', inShop('Hosting/MigrationRunner.cs'));
    b.typeRef('Shop.Hosting.WebHostExtensions', 'Shop.Hosting.MigrationRunner', 1);
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(clusterOfType(d, 'Shop.Hosting.WebHostExtensions')).toBe('shared');
    expect(clusterOfType(d, 'Shop.Hosting.MigrationRunner')).toBe('shared');
  });

  it('merges the layers of one deployable before hubs settle: the context its layers share is its own', async () => {
    const b = estate();
    b.dotnetProject('shop', MONOLITH_PROJECT, { sdk: 'Microsoft.NET.Sdk.Web' });
    // Ordering's commands and integration events, each a ring of its own, next to the other areas.
    const layers = ['Commands', 'Events'].map((layer) => ({
      name: `Ordering.${layer}`,
      types: ['Handler', 'Validator', 'Mapper', 'Message', 'Behavior'].map((t) => `${layer}${t}`),
    }));
    const { byArea } = declareAreas(b, [...AREAS, ...layers]);
    b.type('Shop.Ordering.Infrastructure.OrderingContext', {
      repo: 'shop',
      file: 'Ordering/Infrastructure/OrderingContext.cs',
      project: MONOLITH_PROJECT,
    });
    // Both layers use the context; so does one Billing type, which makes three areas before the layers merge.
    for (const layer of layers)
      for (const name of byArea.get(layer.name)!) b.typeRef(name, 'Shop.Ordering.Infrastructure.OrderingContext', 2);
    b.typeRef('Shop.Billing.InvoiceRepository', 'Shop.Ordering.Infrastructure.OrderingContext', 1);
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    const ordering = d.clusters.find((c) => c.name === 'Ordering');
    expect(d.clusters.map((c) => c.name).sort()).toEqual([
      'Billing',
      'Members',
      'Ordering',
      'Orders',
      'Shared layer (Common)',
    ]);
    expect(ordering?.members).toHaveLength(11);
    expect(ordering?.members).toContain(typeId('Shop.Ordering.Infrastructure.OrderingContext'));
    expect(d.clusterOf.get(typeId('Shop.Common.Guard'))).toBe('shared');
  });

  it('puts nested types where the type declaring them went: a shared settings class keeps its nested settings', async () => {
    const b = estate();
    declareAreas(b, AREAS);
    const inShop = (file: string) => ({ repo: 'shop', file, project: MONOLITH_PROJECT });
    b.type('Shop.Common.AppSettings', inShop('Common/AppSettings.cs'));
    for (const area of AREAS) b.typeRef(`Shop.${area.name}.${area.types[0]}`, 'Shop.Common.AppSettings', 1);
    const nested = ['Smtp', 'Stripe', 'Cache', 'Queue', 'Storage', 'Sso'].map(
      (n) => `Shop.Common.AppSettings.${n}Settings`,
    );
    for (const name of nested) {
      b.type(name, { ...inShop('Common/AppSettings.cs'), namespace: 'Shop.Common' });
      b.typeRef('Shop.Common.AppSettings', name, 1);
    }
    // One nested class the mail code uses too: still its declaring type's.
    b.typeRef('Shop.Members.MemberCard', nested[0]!, 3);
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(clusterOfType(d, 'Shop.Common.AppSettings')).toBe('shared');
    for (const name of nested) expect(clusterOfType(d, name)).toBe('shared');
    expect(d.clusters.map((c) => c.name).sort()).toEqual(['Billing', 'Members', 'Orders', 'Shared layer (Common)']);
  });

  it('keeps a unit used by fewer areas than hubMinAreas in its cluster', async () => {
    const b = estate();
    declareAreas(b, AREAS.slice(0, 2));
    const { estate: built } = await b.build();
    const d = decompose(built.graph, built.model, DEFAULT_CLUSTERING_SETTINGS);
    expect(d.clusters.some((c) => c.shared)).toBe(false);
    expect(d.quality.sharedLayerUnits).toBe(0);
  });
});

describe('adjustedRandIndex', () => {
  const of = (labels: string) => new Map([...labels].map((label, i) => [`u${i}`, label]));
  it('is 1 for the same partition under other names and negative for a crossed one', () => {
    expect(adjustedRandIndex(of('aabbcc'), of('xxyyzz'))).toBe(1);
    expect(adjustedRandIndex(of('aabb'), of('abab'))).toBeCloseTo(-0.5, 6);
  });
});
