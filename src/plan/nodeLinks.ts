/**
 * The links of one unit or table as the clustering weighs them: references and
 * calls (both ways), the tables it reads or writes (a table pulls towards the
 * cluster owning it), and change coupling between its files. Built once per
 * explanation from edge indexes, so explaining a node reads only its own edges.
 */
import type { ExplainedLink } from '../core/decomposition.js';
import type { GraphEdge } from '../core/graphData.js';
import type { EstateView } from './estateView.js';

export interface EdgeIndex {
  out: ReadonlyMap<string, readonly GraphEdge[]>;
  in: ReadonlyMap<string, readonly GraphEdge[]>;
}

export function edgeIndex(edges: readonly GraphEdge[]): EdgeIndex {
  const out = new Map<string, GraphEdge[]>();
  const inward = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    push(out, edge.from, edge);
    push(inward, edge.to, edge);
  }
  return { out, in: inward };
}

const USES_TABLE = new Set(['reads', 'writes']);

/** Files declaring a type (`contains` file → type), or the file itself. */
export function filesOf(view: EstateView, index: EdgeIndex, unit: string): string[] {
  if (view.nodes.get(unit)?.kind === 'file') return [unit];
  return (index.in.get(unit) ?? [])
    .filter((e) => e.kind === 'contains' && e.from.startsWith('file:'))
    .map((e) => e.from);
}

/** Tables a unit reads or writes, itself or through the files declaring it. */
export function tablesOf(view: EstateView, index: EdgeIndex, unit: string): string[] {
  const tables = new Set<string>();
  for (const from of new Set([unit, ...filesOf(view, index, unit)]))
    for (const edge of index.out.get(from) ?? []) if (USES_TABLE.has(edge.kind)) tables.add(edge.to);
  return [...tables].sort();
}

export function unitLinks(view: EstateView, index: EdgeIndex, unit: string): ExplainedLink[] {
  const weights = view.source.decomposition.settings.weights;
  const links = new Map<string, ExplainedLink>();
  const add = (node: string, kind: ExplainedLink['kind'], direction: 'out' | 'in', weight: number) => {
    if (node === unit || weight <= 0) return;
    const key = `${kind}|${node}`;
    const existing = links.get(key);
    if (existing) {
      existing.weight += weight;
      if (existing.direction !== direction) existing.direction = 'both';
      return;
    }
    const cluster = view.clusterOf.get(node);
    links.set(key, {
      node,
      name: view.nodes.get(node)?.name ?? node,
      ...(cluster ? { cluster } : {}),
      kind,
      direction,
      weight,
    });
  };
  for (const link of view.linksOf.get(unit) ?? []) {
    const weight = link.weight * (link.kind === 'call' ? weights.calls : weights.references);
    if (link.from === unit) add(link.to, link.kind, 'out', weight);
    else add(link.from, link.kind, 'in', weight);
  }
  for (const table of tablesOf(view, index, unit)) add(table, 'table', 'out', weights.sharedTables);
  for (const file of filesOf(view, index, unit))
    for (const edge of [...(index.out.get(file) ?? []), ...(index.in.get(file) ?? [])]) {
      if (edge.kind !== 'co-change') continue;
      const other = edge.from === file ? edge.to : edge.from;
      const degree = edge.data?.degree ?? 0;
      for (const unitOfOther of unitsOfFile(view, index, other))
        add(unitOfOther, 'co-change', 'out', degree * weights.changeCoupling);
    }
  return [...links.values()].sort((a, b) => b.weight - a.weight || (a.node < b.node ? -1 : 1));
}

/** The clustered units a file declares, or the file itself when it is one. */
function unitsOfFile(view: EstateView, index: EdgeIndex, file: string): string[] {
  if (view.clusterOf.has(file)) return [file];
  return (index.out.get(file) ?? []).filter((e) => e.kind === 'contains' && view.clusterOf.has(e.to)).map((e) => e.to);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
