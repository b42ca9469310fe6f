/**
 * The estate's dependency graph: a graphology multigraph whose node and edge
 * attributes are the result's `GraphNode`/`GraphEdge`. Edges are keyed by
 * kind, source and target, so adding the same edge again adds to its weight.
 */
import graphology from 'graphology';
import type { EdgeKind, GraphEdge, GraphNode } from './result.js';

type Multi = InstanceType<typeof graphology.MultiDirectedGraph<GraphNode, GraphEdge>>;

export class EstateGraph {
  readonly graph: Multi = new graphology.MultiDirectedGraph<GraphNode, GraphEdge>({ allowSelfLoops: false });

  addNode(node: GraphNode): void {
    if (this.graph.hasNode(node.id)) this.graph.mergeNodeAttributes(node.id, node);
    else this.graph.addNode(node.id, node);
  }

  hasNode(id: string): boolean {
    return this.graph.hasNode(id);
  }

  node(id: string): GraphNode | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  /** Adds `weight` to the edge (creating it); self-loops are ignored. */
  addEdge(from: string, to: string, kind: EdgeKind, weight = 1, data?: Record<string, unknown>): void {
    if (from === to) return;
    const key = edgeKey(kind, from, to);
    if (this.graph.hasEdge(key)) {
      const edge = this.graph.getEdgeAttributes(key);
      edge.weight += weight;
      if (data) edge.data = { ...edge.data, ...data };
      return;
    }
    this.graph.addDirectedEdgeWithKey(key, from, to, { from, to, kind, weight, ...(data ? { data } : {}) });
  }

  edge(kind: EdgeKind, from: string, to: string): GraphEdge | undefined {
    const key = edgeKey(kind, from, to);
    return this.graph.hasEdge(key) ? this.graph.getEdgeAttributes(key) : undefined;
  }

  edgesOfKind(kind: EdgeKind): GraphEdge[] {
    const found: GraphEdge[] = [];
    this.graph.forEachEdge((_key, attributes) => {
      if (attributes.kind === kind) found.push(attributes);
    });
    return found;
  }

  nodesOfKind(kind: GraphNode['kind']): GraphNode[] {
    const found: GraphNode[] = [];
    this.graph.forEachNode((_id, attributes) => {
      if (attributes.kind === kind) found.push(attributes);
    });
    return found;
  }

  /** Nodes and edges in a stable order, for the result. */
  toJSON(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const nodes = this.graph.mapNodes((_id, attributes) => attributes).sort((a, b) => compare(a.id, b.id));
    const edges = this.graph
      .mapEdges((_key, attributes) => attributes)
      .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.kind, b.kind));
    return { nodes, edges };
  }
}

export function edgeKey(kind: EdgeKind, from: string, to: string): string {
  return `${kind}|${from}|${to}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
