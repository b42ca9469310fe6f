/**
 * The raw figures behind a candidate's score, per cluster: what crosses its
 * border (references in and out, to clusters that are not the shared layer),
 * its tables, the cycles it sits in, its size, and from history its churn,
 * hotspots and the share of its changes one author made.
 */
import type { Cluster } from '../core/decomposition.js';
import type { GraphNode } from '../core/graphData.js';
import type { HistoryFigures } from '../core/history.js';
import type { EstateView } from './estateView.js';

export interface FactorValues {
  /** Reference weight from other (non-shared) clusters into its units. */
  inbound: number;
  /** Call sites in other clusters calling its units over HTTP or gRPC: the API contract it must keep. */
  inboundCalls: number;
  /** The clusters making those calls, sorted. */
  callers: string[];
  /** Reference weight from its units into other (non-shared) clusters. */
  callsBack: number;
  /** Reference weight into the shared layer: it comes along as a library, not a cut. */
  sharedLayer: number;
  ownedTables: number;
  sharedTables: number;
  /** The other clusters of its dependency cycle. */
  cycleWith: string[];
  size: number;
  /** Absent without history. */
  history?: {
    churn: number;
    hotspots: string[];
    mainAuthor?: string;
    /** Estimated: each unit's churn attributed to its main author by that author's share. */
    mainAuthorShare?: number;
  };
}

/** Of the estate's clustered units with history, this top share by churn × complexity are hotspots. */
const HOTSPOT_SHARE = 0.1;

export function factorValues(view: EstateView, cycles: ReadonlyMap<string, string[]>): Map<string, FactorValues> {
  const hotspots = hotspotUnits(view);
  const border = borderWeights(view);
  const historyRan = hasAnyHistory(view);
  const values = new Map<string, FactorValues>();
  for (const cluster of view.clusters) {
    values.set(cluster.id, {
      ...border.get(cluster.id)!,
      ownedTables: cluster.tables.length,
      sharedTables: cluster.sharedTables.length,
      cycleWith: cycles.get(cluster.id) ?? [],
      size: cluster.members.length,
      ...(historyRan ? { history: historyValues(view, cluster, hotspots) } : {}),
    });
  }
  return values;
}

type Border = Pick<FactorValues, 'inbound' | 'inboundCalls' | 'callers' | 'callsBack' | 'sharedLayer'>;

/**
 * Reference and call weight across each cluster's border, in one pass over the links. A call in
 * (HTTP, gRPC) is no in-process reference to cut, but a dependent all the same: its endpoint is a
 * contract the extracted service keeps. Calls from the shared layer count too: it calls as any client.
 */
function borderWeights(view: EstateView): Map<string, Border> {
  const border = new Map<string, Border>(
    view.clusters.map((c) => [c.id, { inbound: 0, inboundCalls: 0, callers: [], callsBack: 0, sharedLayer: 0 }]),
  );
  for (const link of view.links) {
    const from = view.clusterOf.get(link.from)!;
    const to = view.clusterOf.get(link.to)!;
    if (from === to) continue;
    if (link.kind === 'call') {
      const target = border.get(to)!;
      target.inboundCalls += link.weight;
      if (!target.callers.includes(from)) target.callers.push(from);
      continue;
    }
    const toShared = view.clusterById.get(to)!.shared === true;
    if (!view.clusterById.get(from)!.shared) border.get(to)!.inbound += link.weight;
    if (toShared) border.get(from)!.sharedLayer += link.weight;
    else border.get(from)!.callsBack += link.weight;
  }
  for (const entry of border.values()) entry.callers.sort();
  return border;
}

function historyValues(
  view: EstateView,
  cluster: Cluster,
  hotspots: ReadonlySet<string>,
): NonNullable<FactorValues['history']> {
  const figures = cluster.members.flatMap((id) => {
    const history = historyOf(view.nodes.get(id));
    return history ? [history] : [];
  });
  const byAuthor = new Map<string, number>();
  let churn = 0;
  for (const history of figures) {
    const unitChurn = logicChurn(history);
    churn += unitChurn;
    byAuthor.set(history.mainAuthor, (byAuthor.get(history.mainAuthor) ?? 0) + unitChurn * history.mainAuthorShare);
  }
  const [mainAuthor, authored] = [...byAuthor].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  return {
    churn,
    hotspots: cluster.members.filter((id) => hotspots.has(id)),
    ...(churn > 0 ? { mainAuthor, mainAuthorShare: authored / churn } : {}),
  };
}

/** Units whose churn × complexity (lines where a unit has no complexity) is in the estate's top tenth. */
function hotspotUnits(view: EstateView): Set<string> {
  const scored: { id: string; score: number }[] = [];
  for (const id of view.clusterOf.keys()) {
    const node = view.nodes.get(id);
    const history = historyOf(node);
    const churn = history ? logicChurn(history) : 0;
    if (churn > 0) scored.push({ id, score: churn * (node!.complexity ?? node!.loc ?? 1) });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return new Set(scored.slice(0, Math.ceil(scored.length * HOTSPOT_SHARE)).map((s) => s.id));
}

/** Logic churn where the history pass told maintenance apart, all churn otherwise. */
const logicChurn = (history: HistoryFigures): number => history.logicChurn ?? history.churn;

function historyOf(node: GraphNode | undefined): HistoryFigures | undefined {
  if (!node || (node.kind !== 'type' && node.kind !== 'file')) return undefined;
  return node.data?.history;
}

/** Whether the history pass ran at all: repositories then carry their window, changed units their figures. */
function hasAnyHistory(view: EstateView): boolean {
  for (const node of view.nodes.values()) if (node.kind === 'repo' && node.data?.history) return true;
  for (const id of view.clusterOf.keys()) if (historyOf(view.nodes.get(id))) return true;
  return false;
}
