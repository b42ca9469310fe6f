/**
 * The drawn graph of one level: base edges (type references, imports, calls,
 * table use, routine calls, file co-change) rolled up to the level's units,
 * summed per pair and category, with the heaviest base edges kept as evidence.
 * Kept under a node and edge budget by dropping the lightest, and counted.
 */
import type { GraphEdge, GraphNode } from '../../core/graphData.js';
import type { EdgeCategory, Evidence, LevelNodeKind } from './reportData.js';

export const NODE_BUDGET = 10_000;
export const EDGE_BUDGET = 100_000;
export const EVIDENCE_CAP = 8;

export interface AggregatedNode {
  id: string;
  label: string;
  kind: LevelNodeKind;
  repo?: string;
  parent?: string;
  group: string;
  loc: number;
  units: number;
}

export interface AggregatedEdge {
  from: string;
  to: string;
  category: EdgeCategory;
  weight: number;
  count: number;
  evidence: Evidence[];
}

export interface AggregatedLevel {
  nodes: AggregatedNode[];
  edges: AggregatedEdge[];
  omitted: { nodes: number; edges: number; unusedTables: number; empty: number };
}

/** The category a base edge is drawn as, or none for edges the levels do not draw. */
export function edgeCategory(edge: GraphEdge): EdgeCategory | undefined {
  switch (edge.kind) {
    case 'type-ref':
    case 'import':
      return 'code';
    case 'http-call':
      return 'http';
    case 'grpc-call':
      return 'grpc';
    case 'reads':
    case 'writes':
      return 'table';
    case 'executes':
      return 'routine';
    case 'co-change':
      return edge.data?.level === 'file' ? 'co-change' : undefined;
    default:
      return undefined;
  }
}

/** Where a base edge is written, when it says. */
function whereOf(edge: GraphEdge, from: GraphNode | undefined): string | undefined {
  if (edge.kind === 'http-call' || edge.kind === 'grpc-call') {
    const call = edge.data?.calls[0];
    if (call?.file) return `${from?.repo ?? ''}/${call.file}:${call.line}`;
  }
  return from?.path !== undefined && from.repo !== undefined ? `${from.repo}/${from.path}` : undefined;
}

export function aggregateLevel(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  unitOf: ReadonlyMap<string, string>,
  describeUnit: (unitId: string) => Omit<AggregatedNode, 'loc' | 'units'> | undefined,
  locOf: ReadonlyMap<string, number>,
  /** Keep units holding no code and touching nothing (the repo level lists every repository). */
  keepEmpty = false,
): AggregatedLevel {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const drawn = new Map<string, AggregatedNode>();
  const unitNode = (unitId: string): AggregatedNode | undefined => {
    let node = drawn.get(unitId);
    if (!node) {
      const described = describeUnit(unitId);
      if (!described) return undefined;
      node = { ...described, loc: 0, units: 0 };
      drawn.set(unitId, node);
    }
    return node;
  };
  for (const [baseId, unitId] of unitOf) {
    const node = unitNode(unitId);
    if (!node) continue;
    const loc = locOf.get(baseId);
    // Files without lines (solutions, MSBuild props) hold no code to count.
    if (loc !== undefined && loc > 0) {
      node.loc += loc;
      node.units++;
    }
  }

  const pairs = new Map<string, AggregatedEdge & { all: Evidence[] }>();
  for (const edge of edges) {
    const category = edgeCategory(edge);
    if (!category) continue;
    const from = unitOf.get(edge.from);
    const to = unitOf.get(edge.to);
    if (!from || !to || from === to || !drawn.has(from) || !drawn.has(to)) continue;
    const key = `${from}\u0000${to}\u0000${category}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { from, to, category, weight: 0, count: 0, evidence: [], all: [] };
      pairs.set(key, pair);
    }
    pair.weight += edge.weight;
    pair.count++;
    const source = byId.get(edge.from);
    const where = whereOf(edge, source);
    const evidence: Evidence = [source?.name ?? edge.from, byId.get(edge.to)?.name ?? edge.to, edge.weight];
    if (where) evidence.push(where);
    pair.all.push(evidence);
  }
  const aggregated = [...pairs.values()].map(({ all, ...pair }) => ({
    ...pair,
    evidence: all.sort(byEvidence).slice(0, EVIDENCE_CAP),
  }));
  // A table no code touches, or a unit of only non-code files (solutions, READMEs), says nothing here.
  const touched = new Set(aggregated.flatMap((e) => [e.from, e.to]));
  const unusedTables = [...drawn.values()].filter((n) => n.kind === 'table' && !touched.has(n.id)).length;
  const shown = [...drawn.values()].filter(
    (n) => touched.has(n.id) || (n.kind === 'unit' && (keepEmpty || n.units > 0)),
  );
  return withinBudget(shown, aggregated, { unusedTables, empty: drawn.size - shown.length - unusedTables });
}

function byEvidence(a: Evidence, b: Evidence): number {
  return b[2] - a[2] || compare(a[0], b[0]) || compare(a[1], b[1]) || compare(a[3] ?? '', b[3] ?? '');
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The heaviest nodes and edges up to the budget, in a stable order (nodes by id, edges by ends). */
function withinBudget(
  nodes: AggregatedNode[],
  edges: AggregatedEdge[],
  left: { unusedTables: number; empty: number },
): AggregatedLevel {
  let keptNodes = nodes;
  if (nodes.length > NODE_BUDGET) {
    const degree = new Map<string, number>();
    for (const e of edges) {
      degree.set(e.from, (degree.get(e.from) ?? 0) + e.weight);
      degree.set(e.to, (degree.get(e.to) ?? 0) + e.weight);
    }
    keptNodes = [...nodes]
      .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || b.loc - a.loc || compare(a.id, b.id))
      .slice(0, NODE_BUDGET);
  }
  const kept = new Set(keptNodes.map((n) => n.id));
  let keptEdges = edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  if (keptEdges.length > EDGE_BUDGET)
    keptEdges = keptEdges
      .sort((a, b) => b.weight - a.weight || compare(a.from, b.from) || compare(a.to, b.to))
      .slice(0, EDGE_BUDGET);
  keptNodes = [...keptNodes].sort((a, b) => compare(a.id, b.id));
  keptEdges.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.category, b.category));
  return {
    nodes: keptNodes,
    edges: keptEdges,
    omitted: { nodes: nodes.length - keptNodes.length, edges: edges.length - keptEdges.length, ...left },
  };
}
