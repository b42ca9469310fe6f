import { describe, expect, it } from 'vitest';
import { stronglyConnected } from './stronglyConnected.js';

const of = (edges: Record<string, string[]>) => (node: string) => edges[node] ?? [];

describe('stronglyConnected', () => {
  it('finds each cycle once, with singletons for nodes in none', () => {
    const edges = { a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: [] };
    const components = stronglyConnected(['a', 'b', 'c', 'd', 'e', 'f'], of(edges)).map((c) => c.sort());
    expect(components.sort()).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
  });

  it('emits a component after every component it reaches', () => {
    const edges = { app: ['core'], core: ['util'], util: [] };
    expect(stronglyConnected(['app', 'core', 'util'], of(edges))).toEqual([['util'], ['core'], ['app']]);
  });

  it('stays silent on a graph without cycles: every component is one node', () => {
    const edges = { a: ['b', 'c'], b: ['c'], c: [] };
    expect(stronglyConnected(['a', 'b', 'c'], of(edges)).every((c) => c.length === 1)).toBe(true);
  });

  it('walks a 200,000-node chain without recursion', () => {
    const n = 200_000;
    const components = stronglyConnected([0], (i: number) => (i < n - 1 ? [i + 1] : [0]));
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
