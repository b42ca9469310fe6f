/**
 * Cycles between units of one level: the strongly connected components of the
 * level's dependencies (Tarjan, iterative, linear in edges), each by its sorted members.
 */
import { BOUNDARY_LEVELS, type BoundaryCycle, type BoundaryDependency, type BoundaryLevel } from '../core/check.js';
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
    for (const members of stronglyConnected(adjacency))
      if (members.length > 1) cycles.push({ level, members: members.sort(cmp) });
  return cycles.sort(
    (a, b) =>
      BOUNDARY_LEVELS.indexOf(a.level) - BOUNDARY_LEVELS.indexOf(b.level) ||
      cmp(a.members.join('\n'), b.members.join('\n')),
  );
}

function stronglyConnected(adjacency: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of [...adjacency.keys()].sort(cmp)) {
    if (index.has(root)) continue;
    const work: { node: string; next: Iterator<string> }[] = [];
    const visit = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (adjacency.get(node) ?? new Set<string>()).values() });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const target = step.value;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
