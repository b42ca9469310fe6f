/**
 * Louvain community detection (graphology-communities-louvain) made
 * repeatable: nodes and edges go in sorted, and the node visiting order comes
 * from a seeded generator, so the same graph and seed give the same
 * communities on every run and with any number of workers.
 */
import graphology from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { seededRandom } from '../../core/seededRandom.js';
import type { WeightedGraph } from './weightedGraph.js';

// A CommonJS module whose typings declare an ES default export: the function is the module itself.
const louvain = louvainModule as unknown as (typeof louvainModule)['default'];

/** Node → community number, for the nodes not left out. */
export function communities(
  weighted: WeightedGraph,
  leftOut: ReadonlySet<string>,
  settings: { resolution: number; seed: number },
): Map<string, number> {
  const graph = new graphology.UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const node of weighted.nodes) if (!leftOut.has(node)) graph.addNode(node);
  for (const { a, b, weight } of weighted.edges)
    if (!leftOut.has(a) && !leftOut.has(b)) graph.addEdge(a, b, { weight });
  const found = new Map<string, number>();
  if (graph.size === 0) {
    // Nothing to detect: every node is its own community.
    graph.forEachNode((node) => found.set(node, found.size));
    return found;
  }
  const mapping = louvain(graph, {
    getEdgeWeight: 'weight',
    resolution: settings.resolution,
    rng: seededRandom(settings.seed),
  });
  graph.forEachNode((node) => found.set(node, mapping[node]!));
  return found;
}
