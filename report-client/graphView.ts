/**
 * The dependency graph drawn by sigma over graphology, one level at a time, at
 * the positions computed when the report was written. Hover, search, selection
 * and drill-down change only what the reducers draw, never the graph itself.
 */
import type Graph from 'graphology';
import Sigma from 'sigma';
import { extremityArrow, sdfCircle, sdfSquare } from 'sigma/rendering';
import type { EdgeCategory, GraphLevel, ReportData } from '../src/report/html/reportData.js';
import { CATEGORY_COLORS, CATEGORY_LABELS, rankedColors } from './colors.js';
import { nodeDetails } from './details.js';
import { clear, h } from './dom.js';
import { type ViewState, graphReducers } from './graphReducers.js';
import { groupLegendItems } from './groupLegend.js';
import { levelGraph, levelStatus } from './levelGraph.js';

const LEVEL_LABELS: Record<string, string> = {
  repo: 'Repositories',
  project: 'Projects',
  namespace: 'Namespaces',
  cluster: 'Clusters',
};
const SEARCH_RESULTS = 20;

export function graphView(data: ReportData): { element: HTMLElement; show: () => void } {
  const levels = data.levels;
  const start = levels.find((l) => l.id === data.startLevel) ?? levels[0]!;
  const state: ViewState = { level: start, hiddenCategories: new Set(['co-change']), byCluster: false };
  const clusterColors = rankedColors(new Map((data.decomposition?.clusters ?? []).map((c) => [c.id, c.size])));
  const sharedLayer = new Set((data.decomposition?.clusters ?? []).filter((c) => c.shared).map((c) => c.id));
  const clusterNames = new Map((data.decomposition?.clusters ?? []).map((c) => [c.id, c.name]));
  const levelColors = new Map<string, Map<string, string>>();
  const groupLegend = h('div', { class: 'legend groups', attrs: { 'data-role': 'group-legend' } });
  const colourSelect = data.decomposition
    ? h(
        'select',
        { attrs: { 'aria-label': 'Colour nodes by', 'data-role': 'colour-by' } },
        h('option', { attrs: { value: 'group' } }, 'Colour: repository / project'),
        h('option', { attrs: { value: 'cluster' } }, 'Colour: cluster'),
      )
    : undefined;
  colourSelect?.addEventListener('change', () => {
    state.byCluster = colourSelect.value === 'cluster';
    updateGroupLegend();
    sigma?.refresh({ skipIndexation: true });
  });
  const graphs = new Map<string, Graph>();
  // A unit's name at its own level: a project among namespaces is labelled '(project files)' there.
  const labels = new Map<string, string>();
  for (const l of levels) for (const n of l.nodes) if (!labels.has(n.id)) labels.set(n.id, n.label);
  const stage = h('div', { class: 'graph-stage', attrs: { 'data-role': 'graph-stage' } });
  const panel = h('aside', { class: 'graph-panel', attrs: { 'data-role': 'graph-details' } });
  const status = h('div', { class: 'graph-status' });
  const results = h('ul', { class: 'search-results' });
  const search = h('input', {
    class: 'search',
    attrs: { type: 'search', placeholder: 'Search nodes…', 'aria-label': 'Search nodes', 'data-role': 'graph-search' },
  });
  let sigma: Sigma | undefined;

  const levelButtons = levels.map((level) =>
    h(
      'button',
      { class: 'level', attrs: { 'data-level': level.id }, on: { click: () => switchLevel(level) } },
      LEVEL_LABELS[level.id] ?? level.id,
    ),
  );
  const legend = (Object.keys(CATEGORY_COLORS) as EdgeCategory[]).map((category) => {
    const box = h('input', { attrs: { type: 'checkbox', 'data-category': category } });
    box.checked = !state.hiddenCategories.has(category);
    box.addEventListener('change', () => {
      if (box.checked) state.hiddenCategories.delete(category);
      else state.hiddenCategories.add(category);
      sigma?.refresh();
    });
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = CATEGORY_COLORS[category];
    return h('label', { class: 'legend-item' }, box, swatch, CATEGORY_LABELS[category]);
  });

  function graphOf(level: GraphLevel): Graph {
    const cached = graphs.get(level.id);
    if (cached) return cached;
    const { graph, colors } = levelGraph(level, clusterColors, sharedLayer);
    levelColors.set(level.id, colors);
    graphs.set(level.id, graph);
    return graph;
  }

  // The reducers ask for every node on every frame: the neighbour set is computed once per active node.
  let neighbourCache: { key: string; set: Set<number> } | undefined;
  function neighboursOf(index: number): Set<number> {
    const key = `${state.level.id}:${index}:${[...state.hiddenCategories].join(',')}`;
    if (neighbourCache?.key !== key) neighbourCache = { key, set: neighbours(index) };
    return neighbourCache.set;
  }

  function neighbours(index: number): Set<number> {
    const set = new Set([index]);
    for (const e of state.level.edges) {
      if (state.hiddenCategories.has(e.c)) continue;
      if (e.s === index) set.add(e.t);
      if (e.t === index) set.add(e.s);
    }
    return set;
  }

  function mount(): void {
    sigma = new Sigma(graphOf(state.level), stage, {
      // Arrow heads show which way a dependency points: the arrow ends at what is used.
      primitives: {
        nodes: { shapes: [sdfCircle(), sdfSquare()] },
        edges: { extremities: [extremityArrow({ lengthRatio: 4, widthRatio: 3 })], defaultHead: 'arrow' },
      },
      // The view is display:none while another tab shows; sigma then skips drawing instead of throwing.
      settings: {
        // Sizes in screen pixels: in graph units they shrink as the estate's layout spreads.
        itemSizesReference: 'screen',
        allowInvalidContainer: true,
        labelRenderedSizeThreshold: 7,
        // Few labels per cell of the grid, cells as wide as a long name: labels never pile into one another.
        labelDensity: 0.5,
        labelGridCellSize: 180,
        minCameraRatio: 0.02,
        maxCameraRatio: 4,
      },
      ...graphReducers(state, neighboursOf, clusterColors),
    });
    const hover = (index: number | undefined): void => {
      state.hovered = index;
      sigma?.refresh({ skipIndexation: true });
    };
    sigma.on('enterNode', ({ node }) => hover(Number(node)));
    sigma.on('leaveNode', () => hover(undefined));
    sigma.on('clickNode', ({ node }) => select(Number(node)));
    sigma.on('clickStage', () => select(undefined));
    sigma.once('afterRender', () => {
      document.body.dataset.graphDrawn = 'true';
      performance.mark('assess-graph-drawn');
    });
  }

  function select(index: number | undefined): void {
    state.selected = index;
    clear(panel);
    if (index === undefined) panel.appendChild(hint());
    else {
      const finer = finerLevel(state.level);
      const node = state.level.nodes[index]!;
      const children = finer ? finer.nodes.flatMap((n, i) => (n.parent === node.id ? [i] : [])) : [];
      panel.appendChild(
        nodeDetails(state.level, index, {
          select: (i) => selectAndShow(i),
          labelOf: (id) => labels.get(id),
          ...(finer && children.length > 0
            ? {
                drill: () => switchLevel(finer, new Set(children)),
                drillLabel: `Show its ${children.length} ${LEVEL_LABELS[finer.id]?.toLowerCase()}`,
              }
            : {}),
        }),
      );
    }
    sigma?.refresh({ skipIndexation: true });
  }

  /** Selects a node and frames it with its neighbours, so its edges are in view. */
  function selectAndShow(index: number): void {
    select(index);
    fitTo(neighboursOf(index), index);
  }

  function finerLevel(level: GraphLevel): GraphLevel | undefined {
    const order = ['repo', 'project', 'namespace'];
    const next = order[order.indexOf(level.id) + 1];
    return next && level.id !== 'cluster' ? levels.find((l) => l.id === next) : undefined;
  }

  function switchLevel(level: GraphLevel, focus?: Set<number>): void {
    state.level = level;
    state.selected = undefined;
    state.hovered = undefined;
    state.focus = focus;
    for (const button of levelButtons) button.classList.toggle('active', button.dataset.level === level.id);
    sigma?.setGraph(graphOf(level));
    updateStatus();
    updateGroupLegend();
    select(undefined);
    if (focus) fitTo(focus);
    else void sigma?.getCamera().reset({ duration: 300 });
  }

  /** Frames the nodes; around `centre` when given (a selected node stays in the middle with its neighbours around it). */
  function fitTo(indices: Set<number>, centre?: number): void {
    if (!sigma || indices.size === 0) return;
    sigma.refresh();
    const points = [...indices].map((i) => sigma!.getNodeDisplayData(String(i))).filter((d) => d !== undefined);
    const middle = centre !== undefined ? sigma.getNodeDisplayData(String(centre)) : undefined;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const x = middle?.x ?? (Math.max(...xs) + Math.min(...xs)) / 2;
    const y = middle?.y ?? (Math.max(...ys) + Math.min(...ys)) / 2;
    const reach = Math.max(...points.map((p) => Math.max(Math.abs(p.x - x), Math.abs(p.y - y))));
    // Never closer than a fifth of the whole graph: a lone node would fill the stage.
    const span = Math.max(2 * reach, 0.2);
    void sigma.getCamera().animate({ x, y, ratio: Math.min(1.2, span * 1.3) }, { duration: 400 });
  }

  function updateStatus(): void {
    status.textContent = levelStatus(state.level);
  }

  function updateGroupLegend(): void {
    const level = state.level;
    const byCluster = level.id === 'cluster' || state.byCluster;
    const colors = byCluster ? clusterColors : (levelColors.get(level.id) ?? new Map<string, string>());
    groupLegend.replaceChildren(
      ...groupLegendItems({ level, byCluster, colors, labelOf: (group) => groupLabel(group, byCluster) }),
    );
  }

  function groupLabel(group: string, byCluster: boolean): string {
    if (byCluster) return clusterNames.get(group) ?? group;
    return labels.get(group) ?? (group === '.' ? '(repository root)' : group);
  }

  /** A search match chosen: the list closes so it does not cover the details. */
  function pick(index: number): void {
    clear(results);
    selectAndShow(index);
  }

  search.addEventListener('input', () => {
    const needle = search.value.trim().toLowerCase();
    clear(results);
    if (needle === '') {
      state.focus = undefined;
      sigma?.refresh({ skipIndexation: true });
      return;
    }
    const matches = state.level.nodes.flatMap((n, i) =>
      n.label.toLowerCase().includes(needle) || n.id.toLowerCase().includes(needle) ? [i] : [],
    );
    state.focus = new Set(matches);
    for (const i of matches.slice(0, SEARCH_RESULTS))
      results.appendChild(
        h('li', {}, h('button', { class: 'link', on: { click: () => pick(i) } }, state.level.nodes[i]!.label)),
      );
    if (matches.length > SEARCH_RESULTS)
      results.appendChild(h('li', { class: 'muted' }, `${matches.length - SEARCH_RESULTS} more`));
    if (matches.length === 0) results.appendChild(h('li', { class: 'muted' }, 'no match'));
    sigma?.refresh({ skipIndexation: true });
  });
  search.addEventListener('keydown', (event) => {
    const first = [...(state.focus ?? [])][0];
    if (event.key === 'Enter' && first !== undefined) pick(first);
  });

  const element = h(
    'section',
    { class: 'view graph-view' },
    h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'levels' }, ...levelButtons, colourSelect),
      h('div', { class: 'search-box' }, search, results),
      status,
    ),
    h('div', { class: 'graph-body' }, stage, h('div', { class: 'graph-side' }, panel, groupLegend)),
    h(
      'div',
      { class: 'legend' },
      ...legend,
      h('span', { class: 'legend-item' }, h('span', { class: 'swatch square table' }), 'table (square)'),
      h('span', { class: 'muted' }, 'Node size: lines of code. Arrows point at what is used. Edge width: weight.'),
    ),
  );
  return {
    element,
    show: () => {
      if (!sigma) {
        mount();
        switchLevel(state.level);
      } else {
        // Coming back from another tab: the stage had no size while hidden.
        sigma.resize();
        sigma.refresh();
      }
    },
  };
}

function hint(): HTMLElement {
  return h('p', { class: 'muted' }, 'Click a node for its details and edges; scroll to zoom, drag to pan.');
}
