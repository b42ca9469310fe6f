/**
 * What sigma draws for each node and edge on every frame, from the view's
 * state: the active node lights its neighbours, search and drill focus dim the
 * rest, hidden categories vanish. The graph itself never changes.
 */
import type { EdgeReducer, NodeReducer } from 'sigma/types';
import type { EdgeCategory, GraphLevel } from '../src/report/html/reportData.js';
import { DIMMED } from './colors.js';

const UNCLUSTERED = '#ced4da';
const NAMED_NEIGHBOURS = 40;
const LABEL_BACKGROUND = 'rgba(255, 255, 255, 0.85)';

export interface ViewState {
  level: GraphLevel;
  selected?: number;
  hovered?: number;
  /** Search matches or a drilled node's children: everything else is dimmed. */
  focus?: Set<number>;
  hiddenCategories: Set<EdgeCategory>;
  /** Colour code units by their dominant cluster instead of their repository or project. */
  byCluster: boolean;
}

export function graphReducers(
  state: ViewState,
  neighboursOf: (index: number) => Set<number>,
  clusterColors: Map<string, string>,
): { nodeReducer: NodeReducer; edgeReducer: EdgeReducer } {
  return {
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
  };
}
