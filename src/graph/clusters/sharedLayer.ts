/**
 * The shared layer: hubs and kernels (logging, guards, base classes, event-bus
 * abstractions) that many areas use. Left in, they glue every area into one
 * cluster; so a unit is a hub when its dependents are spread over many areas
 * both ways part 1's coupling figures and a first clustering see them — the
 * distinct namespaces whose code uses it (`dependentNamespaces`) and the
 * distinct first-pass clusters. A hub that turns out to serve only one or two
 * final clusters (a base class every Ordering namespace uses) goes back to
 * the cluster it is most tied to: shared means shared by the final cut.
 */
import type { CouplingFigures } from '../metrics/coupling.js';
import { type Neighbours, type Part, strongest } from './partition.js';
import type { CodeEdge, Unit } from './units.js';

/** Units used from at least `minAreas` parts (their own counts when its other units use them) and other namespaces. */
export function findHubs(
  edges: readonly CodeEdge[],
  parts: readonly Part[],
  typeFigures: readonly CouplingFigures[],
  minAreas: number,
  fixed: ReadonlySet<string>,
): Set<string> {
  const partOf = partIndex(parts);
  const dependentNamespaces = new Map(typeFigures.map((f) => [f.id, f.dependentNamespaces]));
  const users = usingParts(edges, partOf);
  const hubs = new Set<string>();
  for (const [unit, using] of users) {
    if (fixed.has(unit)) continue;
    const areas = using.size;
    if (areas >= minAreas && (dependentNamespaces.get(unit) ?? 0) >= minAreas) hubs.add(unit);
  }
  return hubs;
}

/**
 * Hubs that fewer than `minAreas` final parts use join the part they are most
 * tied to (where their deployable allows); returns the hubs that stay shared.
 */
export function settleHubs(
  hubs: ReadonlySet<string>,
  parts: Part[],
  edges: readonly CodeEdge[],
  neighbours: Neighbours,
  unitById: ReadonlyMap<string, Unit>,
  minAreas: number,
): Set<string> {
  const partOf = partIndex(parts);
  const users = usingParts(edges, partOf);
  const deployablesOf = parts.map((part) => new Set(part.members.map((m) => unitById.get(m)?.deployable)));
  const staying = new Set<string>();
  for (const hub of [...hubs].sort()) {
    if ((users.get(hub)?.size ?? 0) >= minAreas) {
      staying.add(hub);
      continue;
    }
    const deployable = unitById.get(hub)?.deployable;
    const ties = new Map<string, number>();
    for (const [other, weight] of neighbours.get(hub) ?? []) {
      const index = partOf.get(other);
      if (index === undefined) continue;
      const held = deployablesOf[index]!;
      if (deployable && !held.has(deployable) && [...held].some((d) => d !== undefined)) continue;
      const key = String(index).padStart(9, '0');
      ties.set(key, (ties.get(key) ?? 0) + weight);
    }
    const best = strongest(ties);
    if (best === undefined) {
      staying.add(hub);
      continue;
    }
    const index = Number(best);
    parts[index]!.members.push(hub);
    partOf.set(hub, index);
  }
  for (const part of parts) part.members.sort();
  return staying;
}

function partIndex(parts: readonly Part[]): Map<string, number> {
  const index = new Map<string, number>();
  parts.forEach((part, i) => {
    for (const member of part.members) index.set(member, i);
  });
  return index;
}

/** Unit → the distinct parts whose units reference it. */
function usingParts(edges: readonly CodeEdge[], partOf: ReadonlyMap<string, number>): Map<string, Set<number>> {
  const users = new Map<string, Set<number>>();
  for (const edge of edges) {
    // A controller many front ends call is its service's interface, not a kernel compiled into each.
    if (edge.kind !== 'reference') continue;
    const from = partOf.get(edge.from);
    if (from === undefined) continue;
    const set = users.get(edge.to) ?? new Set<number>();
    set.add(from);
    users.set(edge.to, set);
  }
  return users;
}
