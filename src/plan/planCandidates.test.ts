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

  it('does not make a single unit the pilot, however free of cuts it is', () => {
    const lone = {
      id: 'audit',
      name: 'Audit',
      members: ['type:Shop.Shipping.AuditTrail'],
      tables: [],
      sharedTables: [],
      figures: { size: 1, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 0 },
    };
    const ranked = planCandidates({
      ...withHistory,
      decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, lone] },
    });
    const audit = ranked.find((c) => c.cluster === 'audit')!;
    expect(audit.risk).toBe(0);
    expect(candidateOf(ranked, 'catalog').risk).toBeGreaterThan(0);
    expect(audit.pilot).toBeUndefined();
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('catalog');
  });

  it('does not make a cluster already deployed on its own the pilot: it is a service today', () => {
    const deployed = (id: string, deployables: string[]) => ({
      ...SHOP_DECOMPOSITION.clusters.find((c) => c.id === id)!,
      deployables,
    });
    const clusters = [
      deployed('catalog', ['project:shop/src/CatalogApi/CatalogApi.csproj']),
      deployed('billing', ['project:shop/src/Shop/Shop.csproj']),
      deployed('shipping', ['project:shop/src/Shop/Shop.csproj']),
      // A one-unit fragment the clustering split off the same service: Catalog is still that service.
      {
        id: 'catalog-helpers',
        name: 'CatalogHelpers',
        members: ['type:Shop.Catalog.SlugFormatter'],
        tables: [],
        sharedTables: [],
        deployables: ['project:shop/src/CatalogApi/CatalogApi.csproj'],
        figures: { size: 1, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
      },
      ...SHOP_DECOMPOSITION.clusters.filter((c) => c.shared),
    ];
    const ranked = planCandidates({ ...withHistory, decomposition: { ...SHOP_DECOMPOSITION, clusters } });
    const catalog = candidateOf(ranked, 'catalog');
    expect(catalog.pilot).toBeUndefined();
    expect(catalog.reasons).toContain(
      'Already deployed on its own (project:shop/src/CatalogApi/CatalogApi.csproj): a service today, ranked after the clusters still inside a shared deployable and not the pilot; its cuts are what keeps it apart.',
    );
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('billing');
    // Billing and Shipping share one web project: what the clustering splits, not a service yet.
    for (const id of ['billing', 'shipping', 'catalog-helpers']) {
      expect(candidateOf(ranked, id).reasons.join(' ')).not.toMatch(/Already deployed/);
      expect(candidateOf(ranked, id).deployed).toBeUndefined();
    }
  });

  it('ranks what is already deployed on its own after the clusters inside a shared deployable, marked', () => {
    const clusters = SHOP_DECOMPOSITION.clusters.map((c) =>
      c.shared
        ? c
        : {
            ...c,
            deployables: [
              c.id === 'catalog'
                ? 'project:shop/src/CatalogApi/CatalogApi.csproj'
                : 'project:shop/src/Shop/Shop.csproj',
            ],
          },
    );
    const ranked = planCandidates({ ...withHistory, decomposition: { ...SHOP_DECOMPOSITION, clusters } });
    // Catalog has the best score (rank 1 when nothing is deployed), but it is a service already.
    expect(ranked.map((c) => [c.rank, c.cluster, c.deployed])).toEqual([
      [1, 'billing', undefined],
      [2, 'shipping', undefined],
      [3, 'catalog', 'project:shop/src/CatalogApi/CatalogApi.csproj'],
    ]);
    expect(candidateOf(ranked, 'catalog').score).toBeGreaterThan(candidateOf(ranked, 'billing').score);
  });

  it("counts the cluster holding a deployable's entry point as that service, though a side cluster was split off it", () => {
    const api = 'project:shop/src/CatalogApi/CatalogApi.csproj';
    const withUnits = (id: string, members: string[], deployables: string[]) => {
      const base = SHOP_DECOMPOSITION.clusters.find((c) => c.id === id)!;
      return { ...base, members: [...base.members, ...members].sort(), deployables };
    };
    // Catalog holds the API's Program but under 80% of its units: a hosted side area was split off it.
    const side = Array.from({ length: 6 }, (_, i) => `type:Shop.Catalog.Hosted.Page${i}`);
    const clusters = [
      withUnits('catalog', ['type:Shop.Catalog.Program'], [api]),
      { ...withUnits('billing', [], ['project:shop/src/Shop/Shop.csproj']) },
      { ...withUnits('shipping', [], ['project:shop/src/Shop/Shop.csproj']) },
      {
        id: 'hosted',
        name: 'Hosted',
        members: side,
        tables: [],
        sharedTables: [],
        deployables: [api],
        figures: { size: side.length, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
      },
      ...SHOP_DECOMPOSITION.clusters.filter((c) => c.shared),
    ];
    const ranked = planCandidates({ ...withHistory, decomposition: { ...SHOP_DECOMPOSITION, clusters } });
    const catalog = candidateOf(ranked, 'catalog');
    expect(catalog.pilot).toBeUndefined();
    expect(catalog.reasons.join(' ')).toMatch(/Already deployed on its own/);
    // The side cluster and the clusters inside the monolith (no entry point, no 80%) stay candidates.
    for (const id of ['hosted', 'billing', 'shipping'])
      expect(candidateOf(ranked, id).reasons.join(' ')).not.toMatch(/Already deployed/);
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('billing');
  });

  it('does not make a cluster split off an already deployed service the pilot while a monolith area is left', () => {
    const api = 'project:shop/src/CatalogApi/CatalogApi.csproj';
    const web = 'project:shop/src/Shop/Shop.csproj';
    const side = Array.from({ length: 6 }, (_, i) => `type:Shop.Catalog.Consent.Page${i}Controller`);
    const hosted = {
      id: 'consent',
      name: 'Consent',
      members: side,
      tables: [],
      sharedTables: [],
      deployables: [api],
      figures: { size: side.length, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
    };
    // Catalog holds the API's entry point and most of its units: the API is the Catalog service.
    const service = [
      'type:Shop.Catalog.Program',
      ...Array.from({ length: 6 }, (_, i) => `type:Shop.Catalog.Listing${i}`),
    ];
    const at = (deployable: string) => (c: (typeof SHOP_DECOMPOSITION.clusters)[number]) =>
      c.shared
        ? c
        : c.id === 'catalog'
          ? { ...c, members: [...c.members, ...service].sort(), deployables: [api] }
          : { ...c, deployables: [deployable] };
    // Nothing references the consent pages and they serve a route: no cuts at all, a service in the making.
    const serves = side.map((from, i) => ({ from, to: `endpoint:GET /consent/${i}`, kind: 'serves', weight: 1 }));
    const graph = { ...withHistory.graph, edges: [...withHistory.graph.edges, ...serves] } as typeof withHistory.graph;
    const pilotOf = (deployable: string) =>
      planCandidates({
        ...withHistory,
        graph,
        decomposition: {
          ...SHOP_DECOMPOSITION,
          clusters: [...SHOP_DECOMPOSITION.clusters.map(at(deployable)), hosted],
        },
      });
    const monolith = pilotOf(web);
    expect(candidateOf(monolith, 'consent').cuts).toBe(0);
    expect(candidateOf(monolith, 'consent').reasons).toContain(
      'Split off Catalog, which is already deployed on its own: extracting it splits that service rather than the monolith.',
    );
    expect(monolith.find((c) => c.pilot)?.cluster).toBe('billing');
    expect(candidateOf(monolith, 'billing').reasons.join(' ')).not.toMatch(/Split off/);
    // An estate of services only (each area deployed on its own): the side cluster is the pilot left.
    const services = planCandidates({
      ...withHistory,
      graph,
      decomposition: {
        ...SHOP_DECOMPOSITION,
        clusters: [
          ...SHOP_DECOMPOSITION.clusters
            .map(at(web))
            .map((c) =>
              c.shared || c.id === 'catalog' ? c : { ...c, deployables: [`project:shop/src/${c.id}/${c.id}.csproj`] },
            ),
          hosted,
        ],
      },
    });
    expect(services.find((c) => c.pilot)?.cluster).toBe('consent');
  });

  it('says a side cluster holding the entry point of a service is split off it, not the host of a shared deployable', () => {
    const api = 'project:shop/src/CatalogApi/CatalogApi.csproj';
    const listings = Array.from({ length: 30 }, (_, i) => `type:Shop.Catalog.Listing${i}`);
    const clusters = [
      ...SHOP_DECOMPOSITION.clusters.map((c) =>
        c.shared
          ? c
          : c.id === 'catalog'
            ? { ...c, members: [...c.members, ...listings].sort(), deployables: [api] }
            : { ...c, deployables: ['project:shop/src/Shop/Shop.csproj'] },
      ),
      {
        ...extra(
          'boot',
          ['Program', 'Startup', 'Warmup', 'Probe', 'Banner'].map((n) => `type:Shop.Catalog.Boot.${n}`),
        ),
        deployables: [api],
      },
    ];
    const ranked = planCandidates({ ...withHistory, decomposition: { ...SHOP_DECOMPOSITION, clusters } });
    // Catalog holds over 80% of the API: the API is the Catalog service, whoever holds its Program.
    expect(candidateOf(ranked, 'catalog').deployed).toBe(api);
    const reasons = candidateOf(ranked, 'boot').reasons.join(' ');
    expect(reasons).toMatch(/Split off Catalog/);
    expect(reasons).not.toMatch(/Holds the entry point/);
  });

  it("does not count a monolith's area holding its entry point as the service, nor as the pilot: the host stays", () => {
    const web = 'project:shop/src/Shop/Shop.csproj';
    const clusters = SHOP_DECOMPOSITION.clusters.map((c) =>
      c.shared
        ? c
        : {
            ...c,
            members: c.id === 'catalog' ? [...c.members, 'type:Shop.Web.Program'].sort() : c.members,
            deployables: [web],
          },
    );
    const units = (id: string) => clusters.find((c) => c.id === id)!.members.length;
    expect(units('catalog')).toBeLessThan((units('catalog') + units('billing') + units('shipping')) / 2);
    const ranked = planCandidates({ ...withHistory, decomposition: { ...SHOP_DECOMPOSITION, clusters } });
    expect(ranked.filter((c) => c.deployed)).toEqual([]);
    // It holds the host the other areas share: it stays behind, so the pilot is the next-fewest cuts.
    expect(candidateOf(ranked, 'catalog').reasons).toContainEqual(
      expect.stringMatching(
        /^Holds the entry point of \S+, which other areas share: the host stays behind when they are extracted around it\.$/,
      ),
    );
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('billing');
    expect(candidateOf(ranked, 'billing').reasons.join(' ')).not.toMatch(/Holds the entry point/);
  });

  const extra = (id: string, members: string[], tables: string[] = []) => ({
    id,
    name: id,
    members,
    tables,
    sharedTables: [],
    figures: { size: members.length, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
  });

  it('does not make a bag of view models, DTOs or settings the pilot, though nothing uses it', () => {
    const settings = extra(
      'settings',
      ['SmtpSettings', 'StripeSettings', 'CacheOptions', 'QueueConfiguration', 'IConnectionStringSettings'].map(
        (n) => `type:Shop.Core.Settings.${n}`,
      ),
    );
    const viewModels = extra(
      'manageviewmodels',
      [
        'AddPhoneNumberViewModel',
        'IndexViewModel',
        'RemoveLoginViewModel',
        'SetPasswordViewModel',
        'ConfigureTwoFactor',
      ].map((n) => `type:Shop.Web.Models.ManageViewModels.${n}`),
    );
    const ranked = planCandidates({
      ...withHistory,
      decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, settings, viewModels] },
    });
    expect(candidateOf(ranked, 'settings').cuts).toBe(0);
    expect(candidateOf(ranked, 'manageviewmodels').cuts).toBe(0);
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('catalog');
  });

  it('prefers a pilot that owns tables or serves endpoints to a library of the same cuts', () => {
    const library = extra(
      'formatting',
      ['SlugFormatter', 'DateRenderer', 'CsvWriter', 'PdfLayout', 'Transliterator'].map((n) => `type:Shop.Text.${n}`),
    );
    const withTable = {
      ...library,
      id: 'faxes',
      members: library.members.map((m) => `${m}Fax`),
      tables: ['table:dbo.faxqueue'],
    };
    const ranked = planCandidates({
      ...withHistory,
      decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, library] },
    });
    // Nothing to cut either way: the library wins only when no area with data of its own is free of cuts.
    expect(ranked.find((c) => c.pilot)?.cluster).toBe('catalog');
    const both = planCandidates({
      ...withHistory,
      decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, library, withTable] },
    });
    expect(both.find((c) => c.pilot)?.cluster).toBe('faxes');
  });

  it('ranks fragments and libraries after the business areas, marked', () => {
    const library = extra(
      'formatting',
      ['SlugFormatter', 'DateRenderer', 'CsvWriter', 'PdfLayout', 'Transliterator'].map((n) => `type:Shop.Text.${n}`),
    );
    const fragment = extra('audit', ['type:Shop.Shipping.AuditTrail']);
    const ranked = planCandidates({
      ...withHistory,
      decomposition: { ...SHOP_DECOMPOSITION, clusters: [...SHOP_DECOMPOSITION.clusters, library, fragment] },
    });
    // Nothing to cut gives the library a better score than the areas; it still comes after them.
    expect(candidateOf(ranked, 'formatting').score).toBeGreaterThan(candidateOf(ranked, 'catalog').score);
    expect(ranked.slice(0, 2).map((c) => [c.cluster, c.notArea])).toEqual([
      ['catalog', undefined],
      ['billing', undefined],
    ]);
    // Shipping is the fixture's three-unit area: a fragment too.
    expect(Object.fromEntries(ranked.slice(2).map((c) => [c.cluster, c.notArea]))).toEqual({
      audit: 'fragment',
      formatting: 'library',
      shipping: 'fragment',
    });
    expect(candidateOf(ranked, 'formatting').reasons).toContain(
      'Ranked after the business areas: a library: no table of its own, no endpoint served; it moves with an area or becomes a package.',
    );
  });
});
