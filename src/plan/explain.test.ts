import { describe, expect, it } from 'vitest';
import type { NodeExplanation } from '../core/decomposition.js';
import type { GraphNode } from '../core/graphData.js';
import { SHOP_DECOMPOSITION, shopResult } from '../../test/support/shopEstate.js';
import { explain } from './explain.js';

const source = { ...(await shopResult()), decomposition: SHOP_DECOMPOSITION };

function explained(query: string): NodeExplanation[] {
  const outcome = explain(source, query);
  if ('suggestions' in outcome) throw new Error(`nothing named ${query}: ${outcome.suggestions.join(', ')}`);
  return outcome.explanations;
}

describe('explain', () => {
  it('says why a misplaced type sits with the area its links pull it to, against its namespace', () => {
    const [taxRule] = explained('Shop.Shipping.TaxRule');
    expect(taxRule).toMatchObject({ id: 'type:Shop.Shipping.TaxRule', kind: 'type', cluster: 'billing' });
    expect(taxRule!.pull).toEqual([{ cluster: 'billing', weight: 2, own: true }]);
    expect(taxRule!.summary).toContain(
      'Its namespace Shop.Shipping mostly sits in Shipping; its links put it in Billing.',
    );
    expect(taxRule!.summary).toContain('It has no links to other clusters: moving it would only add to the cut.');
  });

  it('gives the cut weight delta of moving a unit to each cluster it is linked to', () => {
    const [invoice] = explained('Invoice'); // the last part of the name is enough
    expect(invoice!.id).toBe('type:Shop.Billing.Invoice');
    // 5 from InvoiceService inside Billing; 3 from ShipmentService in Shipping.
    expect(invoice!.pull).toEqual([
      { cluster: 'billing', weight: 5, own: true },
      { cluster: 'shipping', weight: 3, own: false },
    ]);
    expect(invoice!.moves).toEqual([{ to: 'shipping', cutDelta: 2 }]);
    expect(invoice!.links[0]).toMatchObject({
      name: 'Shop.Billing.InvoiceService',
      cluster: 'billing',
      direction: 'in',
    });
  });

  it('shows a cut getting lighter when a unit is pulled harder elsewhere', async () => {
    // Carrier put in Catalog by hand: all its links go to Shipping.
    const misassigned = SHOP_DECOMPOSITION.clusters.map((c) =>
      c.id === 'catalog'
        ? { ...c, members: [...c.members, 'type:Shop.Shipping.Carrier'].sort() }
        : c.id === 'shipping'
          ? { ...c, members: c.members.filter((m) => m !== 'type:Shop.Shipping.Carrier') }
          : c,
    );
    const outcome = explain({ ...source, decomposition: { ...SHOP_DECOMPOSITION, clusters: misassigned } }, 'Carrier');
    if ('suggestions' in outcome) throw new Error('Carrier not found');
    expect(outcome.explanations[0]!.moves).toEqual([{ to: 'shipping', cutDelta: -2 }]);
    expect(outcome.explanations[0]!.summary).toContain('Moving it to Shipping would make the cut lighter by 2.');
  });

  it('counts links to the shared layer as no cut: no move into it, and a shared unit has none to make', () => {
    // 12 in references inside Billing and 1 for billing.invoices, the table Billing owns.
    const [service] = explained('InvoiceService');
    expect(service!.pull).toContainEqual({ cluster: 'common', weight: 1, own: false, shared: true });
    expect(service!.moves.map((m) => m.to)).toEqual(['shipping']);
    expect(service!.summary[0]).toBe(
      'Shop.Billing.InvoiceService sits in Billing: its links into it weigh 13, to other clusters 1 (and 1 to the shared layer, which is no cut).',
    );
    const [logger] = explained('Logger');
    expect(logger!.moves).toEqual([]);
    expect(logger!.summary).toContain(
      'The shared layer becomes a library each service references: its uses are no cut to move.',
    );
  });

  it('explains a namespace by where its types sit', () => {
    const [shipping] = explained('Shop.Shipping');
    expect(shipping!.kind).toBe('namespace');
    expect(shipping!.members).toEqual([
      {
        cluster: 'shipping',
        units: ['type:Shop.Shipping.Carrier', 'type:Shop.Shipping.Shipment', 'type:Shop.Shipping.ShipmentService'],
      },
      { cluster: 'billing', units: ['type:Shop.Shipping.TaxRule'] },
    ]);
    expect(shipping!.summary[0]).toBe('Shop.Shipping: 4 units in 2 clusters: Shipping (3), Billing (1).');
  });

  it('explains a table by the clusters that use it, and a cluster by its candidate figures', () => {
    const [invoices] = explained('billing.invoices');
    expect(invoices).toMatchObject({ kind: 'table', cluster: 'billing' });
    expect(invoices!.links.map((l) => l.node)).toEqual(['type:Shop.Billing.InvoiceService']);
    expect(invoices!.summary).toContain('No other cluster uses it.');

    const [catalog] = explained('Catalog');
    expect(catalog).toMatchObject({ kind: 'cluster', id: 'catalog' });
    expect(catalog!.candidate).toMatchObject({ rank: 1, pilot: true });
    expect(catalog!.candidate!.factors.every((f) => typeof f.weight === 'number')).toBe(true);
    expect(catalog!.links.map((l) => [l.name, l.cluster])).toEqual([
      ['Shop.Catalog.CatalogController → Shop.Common.Logger', 'common'],
      ['Shop.Catalog.Product ← Shop.Shipping.Shipment', 'shipping'],
    ]);
  });

  it('says a cluster is left out as tooling, and so does a type in it; and when a candidate is already deployed', () => {
    const migrator = 'project:shop/ops/Shop.SchemaMigrator/Shop.SchemaMigrator.csproj';
    const nodes = ['Shop.Schema.DbMigrator', 'Shop.Schema.ScriptJournal'].map(
      (name) =>
        ({
          id: `type:${name}`,
          kind: 'type',
          name,
          repo: 'shop',
          path: `ops/${name}.cs`,
          data: { namespace: 'Shop.Schema', project: migrator },
        }) as GraphNode,
    );
    const clusters = [
      ...SHOP_DECOMPOSITION.clusters.map((c) =>
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
      ),
      {
        id: 'schema',
        name: 'Schema',
        members: nodes.map((n) => n.id),
        tables: [],
        sharedTables: [],
        figures: { size: 2, internalWeight: 0, externalWeight: 0, interfaceNumber: 0, exclusivity: 1 },
      },
    ];
    const withTooling = {
      ...source,
      graph: { ...source.graph, nodes: [...source.graph.nodes, ...nodes] },
      decomposition: { ...SHOP_DECOMPOSITION, clusters },
    };
    const outcome = (query: string) => {
      const found = explain(withTooling, query);
      if ('suggestions' in found) throw new Error(`${query} not found`);
      return found.explanations[0]!;
    };
    const schema = outcome('Schema');
    expect(schema.candidate).toBeUndefined();
    expect(schema.notCandidate?.reason).toMatch(/^Tooling, not business code: 2 of 2 units/);
    expect(schema.summary[1]).toMatch(/^Not a candidate, left out of the ranking: Tooling, not business code/);
    expect(outcome('DbMigrator').summary).toContainEqual(expect.stringMatching(/^Schema is not a candidate: Tooling/));

    const catalog = outcome('Catalog');
    expect(catalog.summary[1]).toBe(`Candidate #3 of 3 (score ${catalog.candidate!.score}).`);
    expect(catalog.summary).toContainEqual(
      expect.stringMatching(/^Already deployed on its own \(.*CatalogApi\.csproj\)/),
    );
    // A cluster inside the shared deployable says neither.
    expect(outcome('Billing').summary[1]).toMatch(/^Candidate #1 of 3 \(score [-\d.]+\)\.$/);
    expect(outcome('Billing').summary.join(' ')).not.toMatch(/Already deployed|Not a candidate/);
    expect(outcome('Billing').notCandidate).toBeUndefined();
  });

  it('suggests close names for an unknown one', () => {
    expect(explain(source, 'InvoiceServise')).toEqual({ suggestions: ['Shop.Billing.InvoiceService'] });
    expect(explain(source, 'Biling')).toMatchObject({ suggestions: expect.arrayContaining(['Billing']) });
    expect(explain(source, 'zzzzzzzz')).toEqual({ suggestions: [] });
  });
});
