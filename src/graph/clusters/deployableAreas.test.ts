import { describe, expect, it } from 'vitest';
import { DEFAULT_AREA_RULES, mergeLayersOfDeployables } from './deployableAreas.js';
import type { Part } from './partition.js';

/** `n` units named `<prefix>0…`, each tied to the next (a chain of weight 2). */
function group(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_v, i) => `${prefix}${String(i).padStart(2, '0')}`);
}

function neighboursOf(chains: readonly string[][], links: readonly [string, string, number][]) {
  const map = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number) => {
    if (!map.has(a)) map.set(a, new Map());
    if (!map.has(b)) map.set(b, new Map());
    map.get(a)!.set(b, (map.get(a)!.get(b) ?? 0) + w);
    map.get(b)!.set(a, (map.get(b)!.get(a) ?? 0) + w);
  };
  for (const chain of chains) for (let i = 1; i < chain.length; i++) add(chain[i - 1]!, chain[i]!, 2);
  for (const [a, b, w] of links) add(a, b, w);
  return map;
}

const part = (deployable: string, members: string[]): Part => ({
  anchor: `deploy:${deployable}`,
  members: [...members],
});
/** Area of a part: the prefix before the first dot of its first member, as a namespace's area segment. */
const areaByPrefix = (members: readonly string[]) => members[0]?.split('.')[0];
const sizes = (parts: readonly Part[]) => parts.map((p) => p.members.length);

describe('mergeLayersOfDeployables', () => {
  const billing = group('billing.', 12);
  const members = group('members.', 12);
  const commands = group('orders.commands.', 12);
  const events = group('orders.events.', 12);

  it('keeps weakly tied, sizeable areas of one deployable apart (a monolith that holds several areas)', () => {
    const links: [string, string, number][] = [
      [billing[0]!, members[0]!, 1],
      [commands[0]!, billing[1]!, 1],
    ];
    const merged = mergeLayersOfDeployables(
      [part('web', billing), part('web', members), part('web', commands)],
      neighboursOf([billing, members, commands], links),
      DEFAULT_AREA_RULES,
      areaByPrefix,
    );
    expect(sizes(merged)).toEqual([12, 12, 12]);
  });

  it('merges two parts that name the same area, and a part tied more to its sibling than to itself', () => {
    const view = group('zviews.', 6);
    const links: [string, string, number][] = [
      [commands[0]!, events[0]!, 1],
      // Each view model is used by the billing part more than the views use each other.
      ...view.map((v, i): [string, string, number] => [v, billing[i]!, 3]),
    ];
    const merged = mergeLayersOfDeployables(
      [part('web', billing), part('web', commands), part('web', events), part('web', view)],
      neighboursOf([billing, commands, events, view], links),
      { ...DEFAULT_AREA_RULES, minUnits: 5 },
      areaByPrefix,
    );
    expect(merged.map((p) => [p.members[0], p.members.length])).toEqual([
      [billing[0], 18],
      [commands[0], 24],
    ]);
  });

  it('merges a part too small for its deployable (below √units) into its largest sibling when tied to none', () => {
    const big = group('catalog.', 60);
    const helpers = group('middleware.', 6);
    const merged = mergeLayersOfDeployables(
      [part('api', big), part('api', helpers)],
      neighboursOf([big, helpers], []),
      DEFAULT_AREA_RULES,
      areaByPrefix,
    );
    expect(sizes(merged)).toEqual([66]);
  });

  it('never merges parts of two deployables, nor parts bound to none', () => {
    const otherOrders = group('orders.api.', 3);
    const library = group('orders.lib.', 2);
    const merged = mergeLayersOfDeployables(
      [part('web', commands), part('worker', otherOrders), { members: [...library] }],
      neighboursOf([commands, otherOrders, library], [[commands[0]!, otherOrders[0]!, 5]]),
      DEFAULT_AREA_RULES,
      areaByPrefix,
    );
    expect(sizes(merged)).toEqual([12, 3, 2]);
  });
});
