import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/decomposition.js';
import type { GraphEdge } from '../core/graphData.js';
import { SHOP_DECOMPOSITION, shopResult } from '../../test/support/shopEstate.js';
import { planCandidates } from './index.js';

const candidateOf = (candidates: Candidate[], cluster: string): Candidate => {
  const found = candidates.find((c) => c.cluster === cluster);
  if (!found) throw new Error(`no candidate for ${cluster}`);
  return found;
};
const factor = (candidate: Candidate, id: string) => candidate.factors.find((f) => f.id === id)!;

const CONTROLLER = 'type:Shop.Catalog.CatalogController';
const record = (route: string, file: string, line: number) => ({
  call: 'client.GetAsync(url)',
  url: `{}${route}`,
  route,
  method: 'GET' as const,
  file,
  line,
  via: 'webshoppingapigw',
  alsoVia: ['mobileshoppingapigw'],
});

/** Shipping and Billing call Catalog over HTTP only: the in-process reference Shipment → Product is gone. */
const CALLS_IN: GraphEdge[] = [
  {
    from: 'type:Shop.Shipping.ShipmentService',
    to: CONTROLLER,
    kind: 'http-call',
    weight: 3,
    data: {
      method: 'GET',
      call: 'client.GetAsync(url)',
      route: '/api/v1/catalog/items/{id}',
      calls: [
        record('/api/v1/catalog/items/{id}', 'src/Shop/Shipping/ShipmentService.cs', 40),
        record('/api/v1/catalog/items/{id}', 'src/Shop/Shipping/ShipmentService.cs', 12),
        record('/api/v1/catalog/brands', 'src/Shop/Shipping/ShipmentService.cs', 55),
      ],
    },
  },
  {
    from: 'type:Shop.Billing.InvoiceService',
    to: CONTROLLER,
    kind: 'grpc-call',
    weight: 2,
    data: {
      service: 'catalog.Catalog',
      proto: 'src/Shop/Protos/catalog.proto',
      rpcs: ['GetItemById'],
      calls: [
        { rpc: 'GetItemById', call: 'GetItemByIdAsync', file: 'src/Shop/Billing/InvoiceService.cs', line: 30 },
        { rpc: 'GetItemById', call: 'GetItemByIdAsync', file: 'src/Shop/Billing/InvoiceService.cs', line: 31 },
      ],
    },
  },
];

/** Five units nobody references or calls, owning their own table: the pilot once calls in count as cuts. */
const ISOLATED = {
  id: 'legacy',
  name: 'Legacy',
  members: ['DialUpSync', 'FaxGateway', 'MicrofilmArchive', 'TelexFormatter', 'PagerRelay'].map(
    (n) => `type:Shop.Legacy.${n}`,
  ),
  tables: ['table:dbo.faxqueue'],
  sharedTables: [],
  figures: { size: 5, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
};

describe('calls into a candidate over HTTP or gRPC', async () => {
  const structural = await shopResult({ history: false });
  const edges = [
    ...structural.graph.edges.filter(
      (e) => !(e.from === 'type:Shop.Shipping.Shipment' && e.to === 'type:Shop.Catalog.Product'),
    ),
    ...CALLS_IN,
  ];
  const source = {
    ...structural,
    graph: { ...structural.graph, edges },
    decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, ISOLATED] },
  };
  const ranked = planCandidates(source);
  const catalog = candidateOf(ranked, 'catalog');

  it('counts them as a factor of their own: call sites in, a lesser risk than references', () => {
    expect(factor(catalog, 'inboundDependencies').value).toBe(0);
    expect(factor(catalog, 'inboundCalls')).toMatchObject({ side: 'risk', value: 5, scaled: 1, weight: 1 });
    expect(factor(catalog, 'inboundCalls').weight).toBeLessThan(factor(catalog, 'inboundDependencies').weight);
    // The callers make calls out, not calls in.
    expect(factor(candidateOf(ranked, 'shipping'), 'inboundCalls').value).toBe(0);
  });

  it('says who calls it and that the endpoints must be kept, not that nothing uses it', () => {
    expect(catalog.reasons).not.toContain('Nothing else uses it: no inbound references to cut.');
    expect(catalog.reasons).toContain(
      'Called over HTTP/gRPC by Billing, Shipping at 5 call sites on 3 endpoints: keep these endpoints and route mobileshoppingapigw, webshoppingapigw to the new service.',
    );
  });

  it('lists the endpoints with their call sites in the work list, most called first', () => {
    expect(catalog.work.endpoints?.map((e) => [e.kind, e.endpoint, e.callSites.length])).toEqual([
      ['http-call', 'GET /api/v1/catalog/items/{id}', 2],
      ['grpc-call', 'catalog.Catalog/GetItemById', 2],
      ['http-call', 'GET /api/v1/catalog/brands', 1],
    ]);
    expect(catalog.work.endpoints?.[0]?.callSites).toEqual([
      {
        from: 'type:Shop.Shipping.ShipmentService',
        cluster: 'shipping',
        file: 'src/Shop/Shipping/ShipmentService.cs',
        line: 12,
        via: 'webshoppingapigw',
      },
      {
        from: 'type:Shop.Shipping.ShipmentService',
        cluster: 'shipping',
        file: 'src/Shop/Shipping/ShipmentService.cs',
        line: 40,
        via: 'webshoppingapigw',
      },
    ]);
    expect(catalog.work.endpoints?.[0]?.via).toEqual(['mobileshoppingapigw', 'webshoppingapigw']);
    expect(candidateOf(ranked, 'legacy').work.endpoints).toEqual([]);
  });

  it('does not make a candidate many others call the pilot for having no references to cut', () => {
    expect(catalog.cuts).toBeGreaterThan(0);
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('legacy');
  });

  it('takes factor weights from the configuration, the others keeping their default', () => {
    const reweighted = candidateOf(planCandidates(source, { weights: { inboundCalls: 0, size: 4 } }), 'catalog');
    expect(factor(reweighted, 'inboundCalls')).toMatchObject({ weight: 0, contribution: 0 });
    expect(factor(reweighted, 'size').weight).toBe(4);
    expect(factor(reweighted, 'inboundDependencies').weight).toBe(3);
  });
});
