/**
 * The scan result seen from its decomposition: nodes by id, each unit's cluster,
 * and the links between units (references and calls) with their weights, built
 * in one pass over the edges. Works the same on a fresh scan and on a saved
 * result, since both carry the graph as lists.
 */
import type { Cluster } from '../core/decomposition.js';
import type { GraphEdge, GraphNode } from '../core/graphData.js';
import type { DecompositionResult, ScanResult } from '../core/result.js';

/** Code edges between units, by what crossing them means for an extraction. */
const LINK_KIND: Readonly<Partial<Record<GraphEdge['kind'], 'reference' | 'call'>>> = {
  'type-ref': 'reference',
  import: 'reference',
  'http-call': 'call',
  'grpc-call': 'call',
};

export interface UnitLink {
  from: string;
  to: string;
  kind: 'reference' | 'call';
  edgeKind: GraphEdge['kind'];
  weight: number;
  /** The graph edge itself: a call's records (routes, call sites) are in its data. */
  edge: GraphEdge;
}

/** What the plan reads of a scan result: the graph, the findings and the decomposition. */
export type PlanSource = Pick<ScanResult, 'graph' | 'findings'> & { decomposition: DecompositionResult };

export interface EstateView {
  source: PlanSource;
  nodes: ReadonlyMap<string, GraphNode>;
  clusters: readonly Cluster[];
  clusterById: ReadonlyMap<string, Cluster>;
  /** Unit or owned table → its cluster id. */
  clusterOf: ReadonlyMap<string, string>;
  /** Links whose two ends are clustered units, in edge order. */
  links: readonly UnitLink[];
  /** Links by the unit at either end. */
  linksOf: ReadonlyMap<string, readonly UnitLink[]>;
  /** Clusters using each table (owning or sharing it), sorted. */
  usersOfTable: ReadonlyMap<string, readonly string[]>;
}

export function estateView(source: PlanSource): EstateView {
  const nodes = new Map(source.graph.nodes.map((n) => [n.id, n]));
  const clusters = source.decomposition.clusters;
  const clusterOf = clusterMembership(clusters);
  const links: UnitLink[] = [];
  const linksOf = new Map<string, UnitLink[]>();
  for (const edge of source.graph.edges) {
    const kind = LINK_KIND[edge.kind];
    if (!kind || !clusterOf.has(edge.from) || !clusterOf.has(edge.to)) continue;
    const link: UnitLink = { from: edge.from, to: edge.to, kind, edgeKind: edge.kind, weight: edge.weight, edge };
    links.push(link);
    for (const end of [edge.from, edge.to]) {
      const list = linksOf.get(end);
      if (list) list.push(link);
      else linksOf.set(end, [link]);
    }
  }
  const usersOfTable = new Map<string, string[]>();
  for (const cluster of clusters)
    for (const table of [...cluster.tables, ...cluster.sharedTables]) {
      const users = usersOfTable.get(table) ?? [];
      if (!users.includes(cluster.id)) users.push(cluster.id);
      usersOfTable.set(table, users);
    }
  for (const users of usersOfTable.values()) users.sort();
  return {
    source,
    nodes,
    clusters,
    clusterById: new Map(clusters.map((c) => [c.id, c])),
    clusterOf,
    links,
    linksOf,
    usersOfTable,
  };
}

/** Node id → cluster id for every member and owned table (what `Decomposition.clusterOf` holds). */
export function clusterMembership(clusters: readonly Cluster[]): Map<string, string> {
  const clusterOf = new Map<string, string>();
  for (const cluster of clusters)
    for (const id of [...cluster.members, ...cluster.tables]) clusterOf.set(id, cluster.id);
  return clusterOf;
}

export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
