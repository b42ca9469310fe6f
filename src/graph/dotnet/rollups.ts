/**
 * Derived edges: type references rolled up to `namespace-ref` between namespaces
 * and, with the declared references, to `project-dep` between projects.
 */
import { namespaceId } from '../../core/ids.js';
import type { EstateGraph } from '../../core/graph.js';
import type { DeclaredDependency } from './projectEdges.js';
import type { TypeLink } from './typeEdges.js';

export function addNamespaceDependencies(graph: EstateGraph, links: readonly TypeLink[]): void {
  for (const link of links) {
    if (!('id' in link.from)) continue; // top-level statements belong to no namespace
    if (link.from.namespace === link.to.namespace) continue;
    graph.addEdge(namespaceId(link.from.namespace), namespaceId(link.to.namespace), 'namespace-ref', link.count);
  }
}

interface ProjectDependency {
  via: Set<string>;
  typeReferences: number;
  crossRepo: boolean;
}

export function addProjectDependencies(
  graph: EstateGraph,
  declared: readonly DeclaredDependency[],
  links: readonly TypeLink[],
  repoOfProject: ReadonlyMap<string, string>,
  visibleFrom: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const dependencies = new Map<string, ProjectDependency>();
  const entry = (from: string, to: string): ProjectDependency => {
    const key = `${from}\u0000${to}`;
    let dependency = dependencies.get(key);
    if (!dependency) {
      dependency = { via: new Set(), typeReferences: 0, crossRepo: repoOfProject.get(from) !== repoOfProject.get(to) };
      dependencies.set(key, dependency);
    }
    return dependency;
  };
  for (const d of declared) if (d.from !== d.to) entry(d.from, d.to).via.add(d.via);
  for (const link of links) {
    const from = link.from.project;
    const to = link.to.project;
    if (!from || !to || from === to) continue;
    entry(from, to).typeReferences += link.count;
  }
  for (const [key, dependency] of dependencies) {
    const [from, to] = key.split('\u0000') as [string, string];
    graph.addEdge(from, to, 'project-dep', Math.max(1, dependency.typeReferences), {
      via: [...dependency.via].sort(),
      typeReferences: dependency.typeReferences,
      crossRepo: dependency.crossRepo,
      // Used through another project's reference (SDK-style references flow on) …
      ...(dependency.via.size === 0 && visibleFrom.get(from)?.has(to) ? { transitive: true } : {}),
      // … or with no reference behind it at all (copied DLLs, GAC, loose source).
      ...(dependency.via.size === 0 && !visibleFrom.get(from)?.has(to) ? { undeclared: true } : {}),
    });
  }
}
