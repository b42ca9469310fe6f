/** The pilot's rules and the ranking's tiers: single units, deployed services, their side clusters, hosts, data-shape bags, libraries. */
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/decomposition.js';
import { SHOP_DECOMPOSITION, shopResult } from '../../test/support/shopEstate.js';
import { planCandidates } from './index.js';

const candidateOf = (candidates: Candidate[], cluster: string): Candidate => {
  const found = candidates.find((c) => c.cluster === cluster);
  if (!found) throw new Error(`no candidate for ${cluster}`);
  return found;
};

describe('the pilot and the ranking tiers', async () => {
  const withHistory = await shopResult();
  const extra = (id: string, members: string[], tables: string[] = []) => ({
    id,
    name: id,
    members,
    tables,
    sharedTables: [],
    figures: { size: members.length, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
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
