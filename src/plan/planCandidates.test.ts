import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/decomposition.js';
import { SHOP_DECOMPOSITION, shopResult } from '../../test/support/shopEstate.js';
import { planCandidates } from './index.js';

const candidateOf = (candidates: Candidate[], cluster: string): Candidate => {
  const found = candidates.find((c) => c.cluster === cluster);
  if (!found) throw new Error(`no candidate for ${cluster}`);
  return found;
};
const factor = (candidate: Candidate, id: string) => candidate.factors.find((f) => f.id === id)!;

describe('planCandidates', async () => {
  const withHistory = await shopResult();
  const candidates = planCandidates({ ...withHistory, decomposition: SHOP_DECOMPOSITION });
  const billing = candidateOf(candidates, 'billing');
  const catalog = candidateOf(candidates, 'catalog');
  const shipping = candidateOf(candidates, 'shipping');

  it('ranks every cluster but the shared layer, best score first', () => {
    expect(candidates.map((c) => [c.rank, c.cluster])).toEqual([
      [1, 'catalog'],
      [2, 'billing'],
      [3, 'shipping'],
    ]);
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('marks the pilot (fewest cuts, owns its data, no calls back) and the highest-value target (churn, hotspots)', () => {
    expect(candidates.filter((c) => c.pilot).map((c) => c.cluster)).toEqual(['catalog']);
    expect(candidates.filter((c) => c.highestValue).map((c) => c.cluster)).toEqual(['billing']);
    expect(catalog.reasons[0]).toMatch(/^Low-risk pilot/);
    expect(billing.reasons[0]).toMatch(/^Highest-value target/);
    expect(catalog.risk).toBeLessThan(Math.min(billing.risk, shipping.risk));
    expect(billing.value).toBeGreaterThan(Math.max(catalog.value!, shipping.value!));
  });

  it('measures the cuts across each border, leaving the shared layer out of them', () => {
    expect(factor(billing, 'inboundDependencies').value).toBe(3); // ShipmentService → Invoice
    expect(factor(billing, 'callsBack').value).toBe(1); // InvoiceService → Shipment
    expect(factor(shipping, 'callsBack').value).toBe(4); // into Billing and Catalog
    expect(factor(catalog, 'callsBack').value).toBe(0); // its Logger use is the shared layer
    expect(catalog.reasons).toContain('1 reference into the shared layer: it comes along as a library, not a cut.');
    expect(factor(billing, 'cycles').value).toBe(1);
    expect(billing.reasons).toContain('Sits in a dependency cycle with Shipping: one direction must be cut.');
    expect(factor(catalog, 'cycles').value).toBe(0);
  });

  it('shows every factor with its value, scale, weight and contribution, and the score is their sum', () => {
    for (const candidate of candidates) {
      expect(candidate.factors.map((f) => f.id)).toEqual([
        'inboundDependencies',
        'inboundCalls',
        'callsBack',
        'sharedTables',
        'cycles',
        'knowledgeConcentration',
        'ownedTables',
        'size',
        'churn',
        'hotspots',
      ]);
      for (const f of candidate.factors) {
        expect(f.weight).toBeGreaterThan(0);
        expect(Object.is(f.contribution, -0), `${candidate.cluster} ${f.id} is -0`).toBe(false);
        expect(f.contribution).toBeCloseTo((f.side === 'risk' ? -1 : 1) * f.scaled * f.weight, 2);
      }
      expect(candidate.score).toBeCloseTo(
        candidate.factors.reduce((sum, f) => sum + f.contribution, 0),
        2,
      );
    }
    expect(factor(billing, 'churn').value).toBe(610);
    expect(factor(billing, 'hotspots').value).toBe(2); // InvoiceService and Invoice: the top tenth of 12 changed units
  });

  it('estimates knowledge concentration from each unit’s main author', () => {
    expect(factor(billing, 'knowledgeConcentration').value).toBeCloseTo(550 / 610, 2);
    expect(billing.reasons).toContain('Grace made about 90% of its changes: knowledge sits with one person.');
  });

  it('lists the work: seams, tables to split, projects, packages, and what the analyzers found on them', () => {
    expect(billing.work.tablesToSplit).toEqual([{ table: 'table:sales.orders', alsoUsedBy: ['shipping'] }]);
    expect(billing.work.seams.map((s) => [s.cluster, s.inbound, s.outbound])).toEqual([
      ['shipping', 3, 1],
      ['common', 0, 1],
    ]);
    expect(billing.work.seams[0]!.links[0]).toEqual({
      from: 'type:Shop.Shipping.ShipmentService',
      to: 'type:Shop.Billing.Invoice',
      kind: 'type-ref',
      weight: 3,
    });
    expect(billing.work.projects).toEqual([
      { project: 'project:shop/src/Shop/Shop.csproj', targetFrameworks: ['net5.0'] },
    ]);
    expect(billing.work.packages.map((p) => [p.package, p.versions])).toEqual([
      ['package:nuget:dapper', ['2.0.123']],
      ['package:nuget:stripe.net', ['39.0.0']],
    ]);
    expect(billing.work.projectFindings.map((f) => [f.ruleId, f.message])).toContainEqual([
      'eol-framework',
      'Shop targets .NET 5 (net5.0), out of support since 2022-05-10',
    ]);
    expect(billing.work.tableFindings.map((f) => [f.ruleId, f.node])).toEqual([
      ['unindexed-query', 'table:billing.invoices'],
    ]);
    // Catalog's own project is current and its table has no flagged query: nothing carried.
    expect(catalog.work.projectFindings).toEqual([]);
    expect(catalog.work.tableFindings).toEqual([]);
    expect(catalog.work.tablesToSplit).toEqual([]);
  });

  it('does not carry findings about the decomposition itself (they name clusters), only those on its projects and tables', () => {
    const cut = {
      id: 'cut-billing-shipping',
      ruleId: 'cross-cluster',
      messageId: 'cut',
      severity: 'note' as const,
      message: 'Billing and Shipping share sales.orders',
      location: { repo: 'shop' },
      data: { from: 'billing', to: 'shipping', sharedTables: ['table:sales.orders'] },
    };
    const onTable = { ...cut, id: 'orders-scan', ruleId: 'full-scan', data: { table: 'Sales.Orders' } };
    const ranked = planCandidates({
      ...withHistory,
      findings: [...withHistory.findings, cut, onTable],
      decomposition: SHOP_DECOMPOSITION,
    });
    const carried = candidateOf(ranked, 'shipping').work.tableFindings.map((f) => f.findingId);
    expect(carried).toContain('orders-scan'); // named by key, in another case: still its table
    expect(carried).not.toContain('cut-billing-shipping');
  });

  it('chooses the pilot by its cuts, not by dormant code having no knowledge concentration measured', () => {
    const dormant = {
      id: 'legacy',
      name: 'Legacy',
      members: ['AuditTrail', 'DialUpSync', 'FaxGateway', 'MicrofilmArchive', 'TelexFormatter'].map((n) =>
        n === 'AuditTrail' ? 'type:Shop.Shipping.AuditTrail' : `type:Shop.Legacy.${n}`,
      ),
      tables: [],
      sharedTables: [],
      figures: { size: 5, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
    };
    // Without Shipment → Product, Catalog has nothing to cut either; Ada made all of its changes.
    const edges = withHistory.graph.edges.filter(
      (e) => !(e.from === 'type:Shop.Shipping.Shipment' && e.to === 'type:Shop.Catalog.Product'),
    );
    const ranked = planCandidates({
      ...withHistory,
      graph: { ...withHistory.graph, edges },
      decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, dormant] },
    });
    const catalog = candidateOf(ranked, 'catalog');
    const legacy = candidateOf(ranked, 'legacy');
    expect([catalog.cuts, legacy.cuts]).toEqual([0, 0]);
    expect(legacy.risk).toBeLessThan(catalog.risk); // knowledge concentration: measured on Catalog only
    expect(catalog.rank).toBeLessThan(legacy.rank);
    expect(catalog.pilot).toBe(true);
  });

  it('counts no cycle through the shared layer, which every area uses', () => {
    // The logger reaching back into Catalog: Catalog → Common → Catalog, a kernel problem, not a cut between services.
    const backEdge = {
      from: 'type:Shop.Common.Logger',
      to: 'type:Shop.Catalog.Product',
      kind: 'type-ref' as const,
      weight: 1,
    };
    const graph = { ...withHistory.graph, edges: [...withHistory.graph.edges, backEdge] };
    const ranked = planCandidates({ ...withHistory, graph, decomposition: SHOP_DECOMPOSITION });
    expect(factor(candidateOf(ranked, 'catalog'), 'cycles').value).toBe(0);
    expect(factor(candidateOf(ranked, 'billing'), 'cycles').value).toBe(1);
  });

  it('says "no history" and marks no value target when history was not read', async () => {
    const structural = await shopResult({ history: false });
    const ranked = planCandidates({ ...structural, decomposition: SHOP_DECOMPOSITION });
    for (const candidate of ranked) {
      for (const id of ['churn', 'hotspots', 'knowledgeConcentration'])
        expect(factor(candidate, id)).toMatchObject({ value: null, contribution: 0, note: 'no history' });
      expect(candidate.value).toBeNull();
      expect(candidate.reasons).toContain('No history: churn, hotspots and knowledge concentration unknown.');
    }
    expect(ranked.some((c) => c.highestValue)).toBe(false);
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('catalog');
  });

  it('gives the same plan whatever order the clusters come in', () => {
    const reversed = { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters].reverse() };
    expect(planCandidates({ ...withHistory, decomposition: reversed })).toEqual(candidates);
  });
});
