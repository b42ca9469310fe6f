import { describe, expect, it } from 'vitest';
import { dsmOrder } from './dsm.js';

const labels = ['Api', 'Billing', 'Core', 'Identity', 'Web'];
const [api, billing, core, identity, web] = [0, 1, 2, 3, 4];
const edge = (s: number, t: number, w = 1) => ({ s, t, w });
const all = [api, billing, core, identity, web];

/** Position of each node in the matrix order. */
function positions(order: number[]): Map<number, number> {
  return new Map(order.map((node, i) => [node, i]));
}

describe('dsmOrder', () => {
  it('puts what is used before what uses it, so an acyclic estate has every mark below the diagonal', () => {
    const edges = [edge(web, api), edge(api, billing), edge(billing, core), edge(identity, core), edge(api, identity)];
    const { order, cycles } = dsmOrder({ candidates: all, labels, edges });
    const at = positions(order);
    expect(cycles).toEqual([]);
    for (const e of edges) expect(at.get(e.s)!).toBeGreaterThan(at.get(e.t)!);
  });

  it('keeps a cycle together as one block, and only its own references above the diagonal', () => {
    // Billing ⇄ Identity is the cycle; Api uses both, both use Core.
    const edges = [
      edge(billing, identity, 3),
      edge(identity, billing),
      edge(api, billing),
      edge(billing, core),
      edge(identity, core),
    ];
    const { order, cycles } = dsmOrder({ candidates: all, labels, edges });
    const at = positions(order);
    expect(cycles).toHaveLength(1);
    const [start, size] = cycles[0]!;
    expect(size).toBe(2);
    expect(new Set(order.slice(start, start + size))).toEqual(new Set([billing, identity]));
    const above = edges.filter((e) => at.get(e.s)! < at.get(e.t)!);
    expect(above).toHaveLength(1);
    // The heavier direction stays below: Identity is used more (3) than it uses (1), so it comes first.
    expect(above[0]).toEqual(edge(identity, billing));
    expect(at.get(core)!).toBeLessThan(start);
    expect(at.get(api)!).toBeGreaterThanOrEqual(start + size);
  });

  it('is the same order whatever order the edges come in', () => {
    const edges = [edge(billing, identity), edge(identity, billing), edge(api, billing), edge(web, core)];
    const a = dsmOrder({ candidates: all, labels, edges });
    const b = dsmOrder({ candidates: [...all].reverse(), labels, edges: [...edges].reverse() });
    expect(b).toEqual(a);
  });

  it('leaves out nodes that are no candidates (tables) and counts what the cap drops', () => {
    const { order, omitted } = dsmOrder({
      candidates: [api, billing],
      labels,
      edges: [edge(api, billing), edge(api, core)],
    });
    expect(order.sort()).toEqual([api, billing]);
    expect(omitted).toBe(0);
  });
});
