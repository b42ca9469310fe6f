/**
 * One level of the report's graph as a graphology graph for sigma: node sizes
 * from lines of code, colours by group, edge widths by weight. Built once per
 * level; hover and selection only change what the reducers draw.
 */
import Graph from 'graphology';
import type { GraphLevel } from '../src/report/html/reportData.js';
import { CATEGORY_COLORS, TABLE_COLOR, rankedColors } from './colors.js';
import { formatNumber } from './dom.js';

const DENSE_EDGES = 1500;
const FAINT_CODE = 'rgba(134, 142, 150, 0.22)';

export interface LevelGraph {
  graph: Graph;
  /** Colour of each group drawn on this level (the legend reads it). */
  colors: Map<string, string>;
}

export function levelGraph(
  level: GraphLevel,
  clusterColors: Map<string, string>,
  sharedLayer: ReadonlySet<string>,
): LevelGraph {
  const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
  const weights = new Map<string, number>();
  for (const n of level.nodes) if (n.kind === 'unit') weights.set(n.group, (weights.get(n.group) ?? 0) + n.loc + 1);
  // Cluster colours are the same at every level, so the legend and the colour-by-cluster view agree.
  const colors = level.id === 'cluster' ? clusterColors : rankedColors(weights);
  const maxLoc = Math.max(1, ...level.nodes.map((n) => n.loc));
  const maxWeight = Math.max(1, ...level.edges.map((e) => e.w));
  const dense = level.edges.length > DENSE_EDGES;
  // Pixels: a few dozen nodes can be large, a thousand must leave room between them.
  const largest = Math.max(4, Math.min(16, 160 / Math.sqrt(level.nodes.length)));
  level.nodes.forEach((n, i) => {
    graph.addNode(String(i), {
      x: n.x,
      y: n.y,
      label: n.label,
      // Logarithmic, so one giant unit does not shrink every other to a dot; tables mid-sized, big enough to name.
      size:
        n.kind === 'table'
          ? largest * 0.45
          : largest / 5 + (largest * 4 * Math.log1p(n.loc)) / (5 * Math.log1p(maxLoc)),
      color: n.kind === 'table' ? TABLE_COLOR : (colors.get(n.group) ?? '#495057'),
    });
  });
  level.edges.forEach((e, i) => {
    graph.addDirectedEdgeWithKey(String(i), String(e.s), String(e.t), {
      size: 0.6 + 3 * (Math.log1p(e.w) / Math.log1p(maxWeight)),
      // Thousands of code references drawn opaque hide everything else; references into the
      // shared layer are no cut (it comes along as a library), so they stay in the background too.
      color:
        e.c === 'code' && (dense || sharedLayer.has(level.nodes[e.t]?.id ?? '')) ? FAINT_CODE : CATEGORY_COLORS[e.c],
      category: e.c,
    });
  });
  return { graph, colors };
}

/** The status line under the toolbar: what is drawn, and what was left out and why. */
export function levelStatus(level: GraphLevel): string {
  const { nodes, edges, omitted } = level;
  const parts = [`${formatNumber(nodes.length)} nodes, ${formatNumber(edges.length)} edges`];
  if (omitted.nodes || omitted.edges)
    parts.push(`${formatNumber(omitted.nodes)} nodes and ${formatNumber(omitted.edges)} edges left out (the lightest)`);
  if (level.rolledUp)
    parts.push(
      `${formatNumber(level.rolledUp.namespaces)} namespaces rolled up to ${formatNumber(level.rolledUp.groups)} (${level.rolledUp.depth} below each project's root namespace)`,
    );
  if (omitted.empty) parts.push(`${formatNumber(omitted.empty)} without code or edges not drawn`);
  if (omitted.unusedTables) parts.push(`${formatNumber(omitted.unusedTables)} tables no code uses not drawn`);
  return parts.join(' · ');
}
