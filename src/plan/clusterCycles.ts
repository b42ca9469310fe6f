/**
 * Dependency cycles between clusters: the clusters joined by links (C uses D)
 * and the strongly connected components of that small graph (Tarjan). A
 * cluster in a component with others cannot leave without a cut that breaks
 * the cycle. The shared layer is left out: every area uses it, so one link
 * from it back into an area would put every area in one cycle.
 */
import { stronglyConnected } from '../core/stronglyConnected.js';
import { byId, type EstateView } from './estateView.js';

/** Cluster id → the other clusters of its cycle, sorted; clusters in no cycle are absent. */
export function clusterCycles(view: EstateView): Map<string, string[]> {
  const uses = new Map<string, Set<string>>();
  for (const link of view.links) {
    const from = view.clusterOf.get(link.from)!;
    const to = view.clusterOf.get(link.to)!;
    if (from === to || view.clusterById.get(from)!.shared || view.clusterById.get(to)!.shared) continue;
    const set = uses.get(from) ?? new Set<string>();
    set.add(to);
    uses.set(from, set);
  }
  const cycles = new Map<string, string[]>();
  for (const component of stronglyConnected(view.clusters.map((c) => c.id).sort(byId), (id) =>
    [...(uses.get(id) ?? [])].sort(byId),
  )) {
    if (component.length < 2) continue;
    component.sort(byId);
    for (const id of component)
      cycles.set(
        id,
        component.filter((other) => other !== id),
      );
  }
  return cycles;
}
