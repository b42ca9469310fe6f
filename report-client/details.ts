/** The panel beside the graph: a node's figures and its edges in and out, with the base edges behind each. */
import type { GraphLevel, LevelEdge } from '../src/report/html/reportData.js';
import { CATEGORY_COLORS, CATEGORY_LABELS } from './colors.js';
import { formatNumber, h } from './dom.js';

const EDGES_SHOWN = 40;

export interface DetailsActions {
  select: (index: number) => void;
  /** The label of a node of any level (a namespace's project lives one level up). */
  labelOf: (id: string) => string | undefined;
  drill?: () => void;
  drillLabel?: string;
}

export function nodeDetails(level: GraphLevel, index: number, actions: DetailsActions): HTMLElement {
  const node = level.nodes[index]!;
  const out = level.edges.filter((e) => e.s === index).sort(byWeight);
  const inbound = level.edges.filter((e) => e.t === index).sort(byWeight);
  const parent = node.parent ? (actions.labelOf(node.parent) ?? node.parent) : undefined;
  return h(
    'div',
    { class: 'details', attrs: { 'data-node': node.id } },
    h('h3', {}, node.label),
    h(
      'dl',
      {},
      h('dt', {}, 'Kind'),
      h('dd', {}, node.kind === 'table' ? 'table' : level.id),
      node.repo && h('dt', {}, 'Repository'),
      node.repo && h('dd', {}, node.repo),
      parent && h('dt', {}, 'In'),
      parent && h('dd', {}, parent),
      node.kind === 'unit' && h('dt', {}, 'Code'),
      node.kind === 'unit' &&
        h('dd', {}, `${formatNumber(node.loc)} lines in ${formatNumber(node.units)} types and files`),
      h('dt', {}, 'Id'),
      h('dd', { class: 'mono' }, node.id),
    ),
    actions.drill &&
      h('button', { class: 'drill', on: { click: actions.drill } }, actions.drillLabel ?? 'Show what it holds'),
    edgeList(`Uses (${out.length})`, out, level, 't', actions),
    edgeList(`Used by (${inbound.length})`, inbound, level, 's', actions),
  );
}

function byWeight(a: LevelEdge, b: LevelEdge): number {
  return b.w - a.w || a.s - b.s || a.t - b.t;
}

function edgeList(
  title: string,
  edges: LevelEdge[],
  level: GraphLevel,
  end: 's' | 't',
  actions: DetailsActions,
): HTMLElement {
  return h(
    'div',
    { class: 'edge-list' },
    h('h4', {}, title),
    ...edges.slice(0, EDGES_SHOWN).map((edge) => edgeItem(edge, level, end, actions)),
    edges.length > EDGES_SHOWN && h('p', { class: 'muted' }, `and ${edges.length - EDGES_SHOWN} lighter ones`),
  );
}

export function edgeItem(
  edge: LevelEdge,
  level: GraphLevel,
  end: 's' | 't' | 'both',
  actions?: DetailsActions,
): HTMLElement {
  const other = end === 'both' ? undefined : level.nodes[edge[end]];
  const badge = h('span', { class: 'badge', attrs: { title: CATEGORY_LABELS[edge.c] } }, edge.c);
  badge.style.background = CATEGORY_COLORS[edge.c];
  const name =
    end === 'both'
      ? h('span', {}, `${level.nodes[edge.s]?.label ?? ''} → ${level.nodes[edge.t]?.label ?? ''}`)
      : h(
          'button',
          { class: 'link', on: { click: () => actions?.select(edge[end as 's' | 't']) } },
          other?.label ?? '',
        );
  return h(
    'details',
    { class: 'edge' },
    h('summary', {}, badge, ' ', name, h('span', { class: 'weight' }, ` ${formatNumber(edge.w)}`)),
    h(
      'ul',
      { class: 'evidence' },
      ...edge.ev.map(([from, to, weight, where]) =>
        h(
          'li',
          {},
          `${from} → ${to}`,
          weight > 1 ? ` ×${weight}` : '',
          where ? h('span', { class: 'where' }, ` ${where}`) : null,
        ),
      ),
      edge.n > edge.ev.length && h('li', { class: 'muted' }, `${formatNumber(edge.n - edge.ev.length)} more`),
    ),
  );
}
