/**
 * A small monolith cut into clusters by hand, for the extraction plan's tests:
 * one `Shop` solution with Catalog (its own project, its own table, used once
 * from Shipping), Billing (the most changed area, shares `sales.orders` with
 * Shipping and sits in a cycle with it), Shipping (calls back into Billing and
 * Catalog) and a `Common` logger every area uses (the shared layer). A type
 * placed in the wrong namespace (`Shop.Shipping.TaxRule`, used only by
 * Billing) sits in Billing's cluster. The graph is built by the EstateBuilder,
 * the findings by the real analyzers; only the clusters are assigned by hand,
 * as the clustering would assign them.
 */
import type { Cluster } from '../../src/core/decomposition.js';
import type { HistoryFigures } from '../../src/core/history.js';
import { tableId, typeId } from '../../src/core/ids.js';
import { type DecompositionResult, SCHEMA_VERSION, type ScanResult } from '../../src/core/result.js';
import { analyzers } from '../../analyzers/index.js';
import { runAnalyzers } from '../../src/scan/runAnalyzers.js';
import { EstateBuilder } from './estateBuilder.js';
import { completeHistory } from './estateProvisions.js';

const SHOP = 'src/Shop/Shop.csproj';
const CATALOG = 'src/Catalog/Catalog.csproj';

/** Type → project, and its churn in the window (absent: unchanged). */
const TYPES: Record<string, { project: string; churn?: number; author?: string }> = {
  'Shop.Catalog.Product': { project: CATALOG, churn: 10 },
  'Shop.Catalog.ProductRepository': { project: CATALOG, churn: 5 },
  'Shop.Catalog.CatalogController': { project: CATALOG, churn: 8 },
  'Shop.Catalog.PriceList': { project: CATALOG },
  'Shop.Catalog.CategoryTree': { project: CATALOG, churn: 4 },
  'Shop.Billing.Invoice': { project: SHOP, churn: 120, author: 'Grace' },
  'Shop.Billing.InvoiceService': { project: SHOP, churn: 300, author: 'Grace' },
  'Shop.Billing.PaymentGateway': { project: SHOP, churn: 90, author: 'Grace' },
  'Shop.Billing.BillingController': { project: SHOP, churn: 60, author: 'Linus' },
  'Shop.Shipping.TaxRule': { project: SHOP, churn: 40, author: 'Grace' },
  'Shop.Shipping.Shipment': { project: SHOP, churn: 30 },
  'Shop.Shipping.ShipmentService': { project: SHOP, churn: 25 },
  'Shop.Shipping.Carrier': { project: SHOP },
  'Shop.Common.Logger': { project: SHOP, churn: 2 },
  // Declared, used by nothing and using nothing, unchanged: no cluster holds them.
  'Shop.Shipping.AuditTrail': { project: SHOP },
  'Shop.Legacy.FaxGateway': { project: SHOP },
  'Shop.Legacy.TelexFormatter': { project: SHOP },
  'Shop.Legacy.MicrofilmArchive': { project: SHOP },
  'Shop.Legacy.DialUpSync': { project: SHOP },
};

const REFERENCES: [string, string, number][] = [
  ['Shop.Catalog.CatalogController', 'Shop.Catalog.ProductRepository', 3],
  ['Shop.Catalog.ProductRepository', 'Shop.Catalog.Product', 4],
  ['Shop.Catalog.PriceList', 'Shop.Catalog.Product', 2],
  ['Shop.Catalog.CategoryTree', 'Shop.Catalog.Product', 1],
  ['Shop.Catalog.CatalogController', 'Shop.Common.Logger', 1],
  ['Shop.Billing.BillingController', 'Shop.Billing.InvoiceService', 3],
  ['Shop.Billing.InvoiceService', 'Shop.Billing.Invoice', 5],
  ['Shop.Billing.InvoiceService', 'Shop.Billing.PaymentGateway', 2],
  ['Shop.Billing.InvoiceService', 'Shop.Shipping.TaxRule', 2],
  ['Shop.Billing.InvoiceService', 'Shop.Common.Logger', 1],
  ['Shop.Billing.InvoiceService', 'Shop.Shipping.Shipment', 1],
  ['Shop.Shipping.ShipmentService', 'Shop.Shipping.Shipment', 4],
  ['Shop.Shipping.ShipmentService', 'Shop.Shipping.Carrier', 2],
  ['Shop.Shipping.ShipmentService', 'Shop.Billing.Invoice', 3],
  ['Shop.Shipping.Shipment', 'Shop.Catalog.Product', 1],
  ['Shop.Shipping.ShipmentService', 'Shop.Common.Logger', 1],
];

export const SCHEMA = `
CREATE TABLE catalog.products (id int PRIMARY KEY, name nvarchar(200));
CREATE TABLE billing.invoices (id int PRIMARY KEY, customer_id int, total money);
CREATE TABLE sales.orders (id int PRIMARY KEY, customer_id int);
CREATE TABLE shipping.shipments (id int PRIMARY KEY, order_id int);
`;

const typeFile = (name: string): string => `src/${name.split('.')[1]}/${name.split('.').pop()}.cs`;

const cluster = (
  id: string,
  name: string,
  members: string[],
  tables: string[],
  sharedTables: string[] = [],
): Cluster => ({
  id,
  name,
  members: members.map(typeId).sort(),
  tables: tables.map(tableId).sort(),
  sharedTables: sharedTables.map(tableId).sort(),
  figures: { size: members.length, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 0 },
});

export const SHOP_CLUSTERS: Cluster[] = [
  cluster(
    'billing',
    'Billing',
    [
      'Shop.Billing.Invoice',
      'Shop.Billing.InvoiceService',
      'Shop.Billing.PaymentGateway',
      'Shop.Billing.BillingController',
      'Shop.Shipping.TaxRule',
    ],
    ['billing.invoices'],
    ['sales.orders'],
  ),
  cluster(
    'catalog',
    'Catalog',
    [
      'Shop.Catalog.Product',
      'Shop.Catalog.ProductRepository',
      'Shop.Catalog.CatalogController',
      'Shop.Catalog.PriceList',
      'Shop.Catalog.CategoryTree',
    ],
    ['catalog.products'],
  ),
  cluster(
    'shipping',
    'Shipping',
    ['Shop.Shipping.Shipment', 'Shop.Shipping.ShipmentService', 'Shop.Shipping.Carrier'],
    ['shipping.shipments'],
    ['sales.orders'],
  ),
  { ...cluster('common', 'Common', ['Shop.Common.Logger'], []), shared: true },
];

export const SHOP_DECOMPOSITION: DecompositionResult = {
  settings: { weights: { references: 1, calls: 1, sharedTables: 1, changeCoupling: 1 }, resolution: 1, seed: 1 },
  clusters: SHOP_CLUSTERS,
  quality: {
    structuralModularity: 0,
    interPartitionCallPercentage: 0,
    interfaceNumber: 0,
    nonExtremeDistribution: 0,
    sharedTables: 1,
  },
  seams: [],
};

/** The shop as a scan result, with or without history; `decomposition` left out when asked. */
export async function shopResult(options: { history?: boolean; decomposition?: boolean } = {}): Promise<ScanResult> {
  const history = options.history ?? true;
  const builder = new EstateBuilder()
    .dotnetProject('shop', SHOP, { targetFrameworks: ['net5.0'] })
    .dotnetProject('shop', CATALOG, { targetFrameworks: ['net8.0'] })
    .uses({ ecosystem: 'nuget', name: 'Dapper', repo: 'shop', project: SHOP, declared: '2.0.123' })
    .uses({ ecosystem: 'nuget', name: 'Stripe.net', repo: 'shop', project: SHOP, declared: '39.0.0' })
    .uses({ ecosystem: 'nuget', name: 'Dapper', repo: 'shop', project: CATALOG, declared: '2.1.35' })
    .sqlScript('shop', 'db/schema.sql', SCHEMA)
    .queries('shop', 'src/Billing/InvoiceService.cs', [
      'SELECT id, total FROM billing.invoices WHERE customer_id = @c',
    ]);
  for (const [name, type] of Object.entries(TYPES)) {
    builder.file('shop', typeFile(name), {
      project: type.project,
      complexity: 3,
      ...(history ? { history: { revisions: type.churn ? 3 : 0, churn: type.churn ?? 0 } } : {}),
    });
    builder.type(name, { repo: 'shop', file: typeFile(name), project: type.project });
  }
  for (const [from, to, count] of REFERENCES) builder.typeRef(from, to, count);
  if (history) builder.history();
  const { estate, provided } = await builder.build();
  if (history)
    for (const [name, type] of Object.entries(TYPES)) {
      // The history pass puts each file's figures on the types it declares.
      if (!type.churn) continue;
      const node = estate.graph.nodeOfKind(typeId(name), 'type')!;
      const figures: HistoryFigures = completeHistory({ revisions: 3, churn: type.churn }, estate.scanDate);
      estate.graph.mergeNodeData(node, { history: { ...figures, mainAuthor: type.author ?? 'Ada' } });
    }
  const analysis = await runAnalyzers(analyzers, estate, provided, {});
  const graph = estate.graph.toJSON();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'assess', version: '0.0.0' },
    generatedAt: estate.scanDate,
    root: 'shop-estate',
    repos: [{ name: 'shop', path: 'shop', git: true, files: 20, loc: 0, languages: {} }],
    graph,
    findings: analysis.findings,
    summaries: [],
    diagnostics: [],
    stats: {
      repos: 1,
      files: 20,
      filesByLanguage: {},
      loc: 0,
      projects: 2,
      types: 19,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      diagnostics: 0,
      findings: analysis.findings.length,
      elapsedMs: 0,
    },
    ...(options.decomposition === false ? {} : { decomposition: SHOP_DECOMPOSITION }),
  };
}
