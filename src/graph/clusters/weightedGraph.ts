/**
 * The clustering graph: one undirected, weighted graph over units and tables
 * that combines the signals, each scaled by its configured weight. Counts are
 * damped (log2(1 + n)): a type used forty times by one other is tightly bound
 * to it, but not forty times more than one used once. Tables are nodes, so
 * units that use the same table attract each other through it without a
 * quadratic pairing of its users. Change coupling joins the units of two files
 * that change together, by the pair's degree.
 */
import type { EstateGraph } from '../../core/graph.js';
import type { ClusteringSettings } from '../../core/decomposition.js';
import { compare, type UnitGraph } from './units.js';

export interface WeightedGraph {
  /** Units and tables, sorted. */
  nodes: string[];
  /** Undirected: `a < b`, sorted, one per pair. */
  edges: { a: string; b: string; weight: number }[];
  /** Node → its neighbours with weights. */
  neighbours: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** At most this many units per file of a co-changing pair, so a file of a hundred types stays linear. */
const MAX_UNITS_PER_FILE = 10;

export function buildWeightedGraph(
  graph: EstateGraph,
  units: UnitGraph,
  weights: ClusteringSettings['weights'],
): WeightedGraph {
  const pairs = new Map<string, number>();
  const add = (x: string, y: string, weight: number) => {
    if (x === y || weight <= 0) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    pairs.set(key, (pairs.get(key) ?? 0) + weight);
  };
  const damped = (count: number) => Math.log2(1 + count);
  for (const edge of units.edges)
    add(edge.from, edge.to, (edge.kind === 'call' ? weights.calls : weights.references) * damped(edge.count));
  for (const use of units.tableUses) add(use.unit, use.table, weights.sharedTables * damped(use.count));
  addImplementationUsers(units, weights.references, damped, add);
  if (weights.changeCoupling > 0) addChangeCoupling(graph, units, weights.changeCoupling, add);

  const nodes = new Set<string>(units.units.map((u) => u.id));
  for (const use of units.tableUses) nodes.add(use.table);
  const neighbours = new Map<string, Map<string, number>>();
  const edges = [...pairs]
    .map(([key, weight]) => {
      const [a, b] = key.split('\u0000') as [string, string];
      return { a, b, weight };
    })
    .sort((x, y) => compare(x.a, y.a) || compare(x.b, y.b));
  for (const { a, b, weight } of edges) {
    if (!neighbours.has(a)) neighbours.set(a, new Map());
    if (!neighbours.has(b)) neighbours.set(b, new Map());
    neighbours.get(a)!.set(b, weight);
    neighbours.get(b)!.set(a, weight);
  }
  return { nodes: [...nodes].sort(compare), edges, neighbours };
}

/**
 * An implementation is used through its interface: whoever references `ICipherRepository` uses
 * `CipherRepository` (and the tables it queries), though no code names it. So each implementation is
 * tied to its interface's users as they are to the interface; a data-access layer of repositories
 * then follows the areas that use them instead of forming one cluster owning every table. Linear:
 * implementations × their interface's users, a few of each.
 */
function addImplementationUsers(
  units: UnitGraph,
  weight: number,
  damped: (count: number) => number,
  add: (a: string, b: string, weight: number) => void,
): void {
  if (units.implementations.length === 0) return;
  const implementors = new Map<string, string[]>();
  for (const { unit, interface: iface } of units.implementations) {
    const list = implementors.get(iface) ?? [];
    list.push(unit);
    implementors.set(iface, list);
  }
  for (const edge of units.edges) {
    const implementing = edge.kind === 'reference' ? implementors.get(edge.to) : undefined;
    if (!implementing || implementing.includes(edge.from)) continue;
    for (const unit of implementing) add(unit, edge.from, weight * damped(edge.count));
  }
}

function addChangeCoupling(
  graph: EstateGraph,
  units: UnitGraph,
  weight: number,
  add: (a: string, b: string, weight: number) => void,
): void {
  const unitsOfFile = new Map<string, string[]>();
  for (const unit of units.units) {
    const file = unit.id.startsWith('file:') ? unit.id : undefined;
    if (file) unitsOfFile.set(file, [file]);
  }
  graph.graph.forEachEdge((_key, edge) => {
    if (edge.kind !== 'contains' || !edge.from.startsWith('file:') || !units.unitById.has(edge.to)) return;
    const list = unitsOfFile.get(edge.from) ?? [];
    list.push(edge.to);
    unitsOfFile.set(edge.from, list);
  });
  for (const list of unitsOfFile.values()) list.sort(compare);
  graph.graph.forEachEdge((_key, edge) => {
    if (edge.kind !== 'co-change' || edge.data?.level !== 'file') return;
    const left = unitsOfFile.get(edge.from)?.slice(0, MAX_UNITS_PER_FILE) ?? [];
    const right = unitsOfFile.get(edge.to)?.slice(0, MAX_UNITS_PER_FILE) ?? [];
    for (const a of left) for (const b of right) add(a, b, weight * (edge.data.degree ?? 0));
  });
}
