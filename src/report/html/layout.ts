/**
 * Node positions computed when the report is written (never in the browser):
 * ForceAtlas2 from positions seeded by each node's id, for a fixed number of
 * iterations, so the same result always gives the same picture.
 */
import graphology from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { seededRandom } from '../../core/seededRandom.js';

// A CommonJS module whose typings declare an ES default: at run time the import is the function itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export const LAYOUT_SEED = 13;

/** Fewer iterations on big graphs: Barnes-Hut makes each one cheaper, and the picture settles sooner relative to its size. */
function iterationsFor(order: number): number {
  return order > 5000 ? 60 : order > 1000 ? 120 : 300;
}

export function layoutPositions(
  nodeIds: readonly string[],
  edges: readonly { s: number; t: number; w: number }[],
): { x: number; y: number }[] {
  const graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  nodeIds.forEach((id, i) => {
    const random = seededRandom(hash(id) ^ LAYOUT_SEED);
    // A disc whose radius grows with the graph, so the start is neither a point nor spread thin.
    const radius = Math.sqrt(nodeIds.length) * 10 * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    graph.addNode(String(i), { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  for (const e of edges) {
    const a = String(e.s);
    const b = String(e.t);
    // Both directions of a pair pull as one edge.
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w: number) => w + Math.log1p(e.w));
    else graph.addEdge(a, b, { weight: Math.log1p(e.w) });
  }
  if (graph.order > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 800,
      edgeWeightInfluence: 1,
    };
    forceAtlas2.assign(graph, { iterations: iterationsFor(graph.order), settings, getEdgeWeight: 'weight' });
  }
  const positions = nodeIds.map((_, i) => graph.getNodeAttributes(String(i)) as { x: number; y: number });
  shelveIsolated(
    positions,
    nodeIds.map((_, i) => graph.degree(String(i)) === 0),
  );
  return positions.map(({ x, y }) => ({ x: round(x), y: round(y) }));
}

/**
 * Units with no edge at all, in node order, on a grid under the connected ones:
 * left to ForceAtlas2 they are pushed into a far ring that shrinks the picture
 * of everything else to a blob in the middle.
 */
function shelveIsolated(positions: { x: number; y: number }[], isolated: readonly boolean[]): void {
  const connected = positions.filter((_, i) => !isolated[i]);
  const alone = positions.filter((_, i) => isolated[i]);
  if (alone.length === 0 || connected.length === 0) return;
  const xs = connected.map((p) => p.x);
  const ys = connected.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = Math.max(maxX - minX, 1);
  const height = Math.max(maxY - minY, width / 2);
  // Four to a row (more when there are many), a row a sixteenth of the picture's height: room for labels, close under the graph.
  const perRow = Math.max(4, Math.ceil(Math.sqrt(alone.length)));
  const column = width / perRow;
  const row = height / 16;
  alone.forEach((p, k) => {
    p.x = minX + (k % perRow) * column;
    // Sigma draws y upwards: below the graph is smaller y.
    p.y = minY - row * (1.5 + Math.floor(k / perRow));
  });
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** FNV-1a: a stable 32-bit hash of the node id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
