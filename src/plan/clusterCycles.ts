/**
 * Dependency cycles between clusters: the clusters joined by links (C uses D)
 * and the strongly connected components of that small graph (Tarjan). A
 * cluster in a component with others cannot leave without a cut that breaks
 * the cycle. The shared layer is left out: every area uses it, so one link
 * from it back into an area would put every area in one cycle.
 */
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
    for (const id of component)
      cycles.set(
        id,
        component.filter((other) => other !== id),
      );
  }
  return cycles;
}

/** Tarjan's algorithm, iterative so that no recursion limit applies; each component with its members sorted. */
export function stronglyConnected(ids: readonly string[], next: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; successors: readonly string[]; at: number }[] = [];
    const visit = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, successors: next(id), at: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.at < frame.successors.length) {
        const successor = frame.successors[frame.at++]!;
        if (!index.has(successor)) visit(successor);
        else if (onStack.has(successor)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(successor)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.sort(byId));
      }
    }
  }
  return components;
}
