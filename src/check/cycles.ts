/**
 * Cycles between units of one level: the strongly connected components of the
 * level's dependencies (Tarjan, iterative, linear in edges), each by its sorted members.
 */
import { BOUNDARY_LEVELS, type BoundaryCycle, type BoundaryDependency, type BoundaryLevel } from '../core/check.js';
import { stronglyConnected } from '../core/stronglyConnected.js';
import { cmp } from './boundaries.js';

export function boundaryCycles(dependencies: readonly BoundaryDependency[]): BoundaryCycle[] {
  const byLevel = new Map<BoundaryLevel, Map<string, Set<string>>>();
  for (const d of dependencies) {
    const adjacency = byLevel.get(d.level) ?? new Map<string, Set<string>>();
    byLevel.set(d.level, adjacency);
    adjacency.set(d.from, (adjacency.get(d.from) ?? new Set()).add(d.to));
    if (!adjacency.has(d.to)) adjacency.set(d.to, new Set());
  }
  const cycles: BoundaryCycle[] = [];
  for (const [level, adjacency] of byLevel)
    for (const members of stronglyConnected([...adjacency.keys()].sort(cmp), (node) => [...adjacency.get(node)!]))
      if (members.length > 1) cycles.push({ level, members: members.sort(cmp) });
  return cycles.sort(
    (a, b) =>
      BOUNDARY_LEVELS.indexOf(a.level) - BOUNDARY_LEVELS.indexOf(b.level) ||
      cmp(a.members.join('\n'), b.members.join('\n')),
  );
}
