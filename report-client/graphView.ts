/**
 * The dependency graph drawn by sigma over graphology, one level at a time, at
 * the positions computed when the report was written. Hover, search, selection
 * and drill-down change only what the reducers draw, never the graph itself.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { extremityArrow, sdfCircle, sdfSquare } from 'sigma/rendering';
import type { EdgeCategory, GraphLevel, ReportData } from '../src/report/html/reportData.js';
import { CATEGORY_COLORS, CATEGORY_LABELS, DIMMED, OTHER_GROUP_COLOR, TABLE_COLOR, rankedColors } from './colors.js';
import { nodeDetails } from './details.js';
import { clear, formatNumber, h } from './dom.js';

const LEVEL_LABELS: Record<string, string> = {
  repo: 'Repositories',
  project: 'Projects',
  namespace: 'Namespaces',
  cluster: 'Clusters',
};
const SEARCH_RESULTS = 20;
const DENSE_EDGES = 1500;
const UNCLUSTERED = '#ced4da';
const FAINT_CODE = 'rgba(134, 142, 150, 0.22)';
const NAMED_NEIGHBOURS = 40;
const LABEL_BACKGROUND = 'rgba(255, 255, 255, 0.85)';

interface ViewState {
  level: GraphLevel;
  selected?: number;
  hovered?: number;
  /** Search matches or a drilled node's children: everything else is dimmed. */
  focus?: Set<number>;
  hiddenCategories: Set<EdgeCategory>;
  /** Colour code units by their dominant cluster instead of their repository or project. */
  byCluster: boolean;
}

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
    const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
    const weights = new Map<string, number>();
    for (const n of level.nodes) if (n.kind === 'unit') weights.set(n.group, (weights.get(n.group) ?? 0) + n.loc + 1);
    // Cluster colours are the same at every level, so the legend and the colour-by-cluster view agree.
    const colors = level.id === 'cluster' ? clusterColors : rankedColors(weights);
    levelColors.set(level.id, colors);
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
      nodeReducer: (key, shown) => {
        const index = Number(key);
        // Tables are squares: data, not code, whatever the colour scheme (sigma reads the shape from the reducer).
        const display = { ...shown, shape: state.level.nodes[index]?.kind === 'table' ? 'square' : 'circle' };
        const active = state.selected ?? state.hovered;
        // A selected or hovered node lights its neighbours; otherwise the search or drill focus does.
        const near = active !== undefined ? neighboursOf(active) : undefined;
        const lit = near ? near.has(index) : !state.focus || state.focus.has(index);
        const node = state.level.nodes[index]!;
        // Tables go with their edges: unticking table use leaves the code alone on the stage.
        if (node.kind === 'table' && state.hiddenCategories.has('table')) return { ...display, visibility: 'hidden' };
        if (!lit) return { ...display, color: DIMMED, label: null, zIndex: 0 };
        const color =
          state.byCluster && node.kind === 'unit' && state.level.id !== 'cluster'
            ? (clusterColors.get(node.cluster ?? '') ?? UNCLUSTERED)
            : display.color;
        // A light box behind each label keeps it legible over edges and a neighbour's label.
        const label = { labelBackgroundColor: LABEL_BACKGROUND, labelBackgroundPadding: 2 };
        // The active node's neighbours are named, when few enough to read: they are what the details list.
        const named =
          index === active || state.focus?.has(index) || (near !== undefined && near.size <= NAMED_NEIGHBOURS);
        return named
          ? {
              ...display,
              ...label,
              color,
              highlighted: index === active || state.focus?.has(index) === true,
              labelVisibility: 'visible',
              zIndex: 2,
            }
          : { ...display, ...label, color, zIndex: 1 };
      },
      edgeReducer: (key, display) => {
        const edge = state.level.edges[Number(key)]!;
        if (state.hiddenCategories.has(edge.c)) return { ...display, visibility: 'hidden' };
        const active = state.selected ?? state.hovered;
        if (active !== undefined && edge.s !== active && edge.t !== active) return { ...display, visibility: 'hidden' };
        if (state.focus && !(state.focus.has(edge.s) && state.focus.has(edge.t)) && active === undefined)
          return { ...display, color: DIMMED };
        return display;
      },
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
    const { nodes, edges, omitted } = state.level;
    const parts = [`${formatNumber(nodes.length)} nodes, ${formatNumber(edges.length)} edges`];
    if (omitted.nodes || omitted.edges)
      parts.push(
        `${formatNumber(omitted.nodes)} nodes and ${formatNumber(omitted.edges)} edges left out (the lightest)`,
      );
    if (state.level.rolledUp)
      parts.push(
        `${formatNumber(state.level.rolledUp.namespaces)} namespaces rolled up to ${formatNumber(state.level.rolledUp.groups)} (${state.level.rolledUp.depth} below each project's root namespace)`,
      );
    if (omitted.empty) parts.push(`${formatNumber(omitted.empty)} without code or edges not drawn`);
    if (omitted.unusedTables) parts.push(`${formatNumber(omitted.unusedTables)} tables no code uses not drawn`);
    status.textContent = parts.join(' · ');
  }

  /** What each colour stands for on the level shown: the coloured groups, the rest counted as one grey. */
  function updateGroupLegend(): void {
    const level = state.level;
    const byCluster = level.id === 'cluster' || state.byCluster;
    const colors = byCluster ? clusterColors : (levelColors.get(level.id) ?? new Map<string, string>());
    const present = new Set(
      level.nodes.flatMap((n) => (n.kind !== 'unit' ? [] : byCluster ? [n.cluster ?? n.group] : [n.group])),
    );
    const shown = [...colors].filter(([group, color]) => present.has(group) && color !== OTHER_GROUP_COLOR);
    const others = [...present].filter((g) => (colors.get(g) ?? OTHER_GROUP_COLOR) === OTHER_GROUP_COLOR).length;
    const item = (color: string, text: string): HTMLElement => {
      const swatch = h('span', { class: 'swatch round' });
      swatch.style.background = color;
      const label = h('span', { class: 'legend-label', attrs: { title: text } }, text);
      return h('span', { class: 'legend-item' }, swatch, label);
    };
    groupLegend.replaceChildren(
      h('span', { class: 'muted' }, byCluster ? 'Clusters:' : level.id === 'repo' ? 'Repositories:' : 'Groups:'),
      ...shown.map(([group, color]) => item(color, groupLabel(group, byCluster))),
      ...(others > 0 ? [item(OTHER_GROUP_COLOR, `${others} more, smaller`)] : []),
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
