/**
 * The estate's dependency graph: a graphology multigraph whose node and edge
 * attributes are the result's `GraphNode`/`GraphEdge`, typed per kind. Edges
 * are keyed by kind, source and target, so adding the same edge again adds to
 * its weight and merges its data.
 */
import graphology from 'graphology';
import type {
  EdgeDataByKind,
  EdgeKind,
  GraphEdge,
  GraphEdgeOf,
  GraphNode,
  GraphNodeOf,
  NodeKind,
} from './graphData.js';

type Multi = InstanceType<typeof graphology.MultiDirectedGraph<GraphNode, GraphEdge>>;

export class EstateGraph {
  readonly graph: Multi = new graphology.MultiDirectedGraph<GraphNode, GraphEdge>({ allowSelfLoops: false });

  /** Adds the node, or merges its attributes into the node of that id. */
  addNode(node: GraphNode): void {
    if (this.graph.hasNode(node.id)) this.graph.mergeNodeAttributes(node.id, node);
    else this.graph.addNode(node.id, node);
  }

  /** Merges `data` into the node's data (the history pass, registry answers). */
  mergeNodeData<N extends GraphNode>(node: N, data: Partial<NonNullable<N['data']>>): void {
    this.graph.mergeNodeAttributes(node.id, { data: { ...node.data, ...data } } as Partial<GraphNode>);
  }

  hasNode(id: string): boolean {
    return this.graph.hasNode(id);
  }

  node(id: string): GraphNode | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  /** The node, when it is of that kind. */
  nodeOfKind<K extends NodeKind>(id: string, kind: K): GraphNodeOf<K> | undefined {
    const node = this.node(id);
    return node?.kind === kind ? (node as GraphNodeOf<K>) : undefined;
  }

  /** Adds `weight` to the edge (creating it); self-loops are ignored. */
  addEdge<K extends EdgeKind>(from: string, to: string, kind: K, weight = 1, data?: EdgeDataByKind[K]): void {
    if (from === to) return;
    const key = edgeKey(kind, from, to);
    if (this.graph.hasEdge(key)) {
      const edge = this.graph.getEdgeAttributes(key);
      edge.weight += weight;
      if (data) edge.data = { ...edge.data, ...data } as GraphEdge['data'];
      return;
    }
    this.graph.addDirectedEdgeWithKey(key, from, to, {
      from,
      to,
      kind,
      weight,
      ...(data ? { data } : {}),
    } as GraphEdge);
  }

  edge<K extends EdgeKind>(kind: K, from: string, to: string): GraphEdgeOf<K> | undefined {
    const key = edgeKey(kind, from, to);
    return this.graph.hasEdge(key) ? (this.graph.getEdgeAttributes(key) as GraphEdgeOf<K>) : undefined;
  }

  edgesOfKind<K extends EdgeKind>(kind: K): GraphEdgeOf<K>[] {
    const found: GraphEdgeOf<K>[] = [];
    this.graph.forEachEdge((_key, attributes) => {
      if (attributes.kind === kind) found.push(attributes as GraphEdgeOf<K>);
    });
    return found;
  }

  /** Out-edges of a node of one kind, with their targets. */
  outEdgesOfKind<K extends EdgeKind>(id: string, kind: K): GraphEdgeOf<K>[] {
    const found: GraphEdgeOf<K>[] = [];
    if (!this.graph.hasNode(id)) return found;
    this.graph.forEachOutEdge(id, (_key, attributes) => {
      if (attributes.kind === kind) found.push(attributes as GraphEdgeOf<K>);
    });
    return found;
  }

  nodesOfKind<K extends NodeKind>(kind: K): GraphNodeOf<K>[] {
    const found: GraphNodeOf<K>[] = [];
    this.graph.forEachNode((_id, attributes) => {
      if (attributes.kind === kind) found.push(attributes as GraphNodeOf<K>);
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
