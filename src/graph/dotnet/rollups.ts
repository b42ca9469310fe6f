/**
 * Derived edges: type references rolled up to `namespace-ref` between namespaces
 * and, with the declared references, to `project-dep` between projects.
 */
import type { EstateGraph } from '../../core/graph.js';
import type { NamespaceRefData } from '../../core/graphData.js';
import type { DeclaredDependency } from './projectEdges.js';
import { namespaceOfType, type TypeLink } from './typeEdges.js';

/**
 * Namespaces are per project (see `namespaceId`), so a reference between two
 * assemblies' `<global>` or same-named namespaces is an edge between two nodes,
 * never a self-loop or a merge. Each edge keeps its first reference as the place
 * to look, whatever order the links came in.
 */
export function addNamespaceDependencies(graph: EstateGraph, links: readonly TypeLink[]): void {
  const edges = new Map<string, { from: string; to: string; weight: number; at: NamespaceRefData }>();
  for (const link of links) {
    // Code outside any type (top-level statements) compiles into the project's global namespace.
    const from = namespaceOfType('id' in link.from ? link.from : { ...link.from, namespace: '' });
    if (!graph.hasNode(from)) addGlobalNamespace(graph, link.from.repo, link.from.project);
    const to = namespaceOfType(link.to);
    if (from === to) continue;
    const at = { repo: link.from.repo, file: link.file, line: link.line };
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key);
    if (!edge) edges.set(key, { from, to, weight: link.count, at });
    else {
      edge.weight += link.count;
      if (compareSites(at, edge.at) < 0) edge.at = at;
    }
  }
  for (const { from, to, weight, at } of edges.values()) graph.addEdge(from, to, 'namespace-ref', weight, at);
}

function addGlobalNamespace(graph: EstateGraph, repo: string, project: string | undefined): void {
  graph.addNode({
    id: namespaceOfType({ namespace: '', repo, project }),
    kind: 'namespace',
    name: '<global>',
    repo,
    ...(project ? { data: { project } } : {}),
  });
}

function compareSites(a: NamespaceRefData, b: NamespaceRefData): number {
  const x = `${a.repo}/${a.file}`;
  const y = `${b.repo}/${b.file}`;
  return x < y ? -1 : x > y ? 1 : a.line - b.line;
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
