/**
 * What the history pass needs from the static graph: which namespaces and project
 * a file belongs to, and whether two co-changing things have a static dependency
 * between them (if not, their coupling is hidden).
 */
import { projectId } from '../core/ids.js';
import type { EdgeKind } from '../core/result.js';
import type { EstateGraph } from '../core/graph.js';

export interface FileMembership {
  types: string[];
  namespaces: string[];
  project?: string;
  /**
   * A C# file that declares no type and references none (`GlobalUsings.cs`, assembly
   * attributes): project-wide settings, changed with upgrades, never logic.
   */
  configOnly?: true;
}

export function fileMemberships(graph: EstateGraph): Map<string, FileMembership> {
  const memberships = new Map<string, FileMembership>();
  for (const file of graph.nodesOfKind('file')) {
    const types: string[] = [];
    const namespaces = new Set<string>();
    let project: string | undefined;
    graph.graph.forEachOutEdge(file.id, (_key, edge) => {
      if (edge.kind !== 'contains') return;
      const type = graph.node(edge.to);
      if (type?.kind !== 'type') return;
      types.push(type.id);
      // The namespace node that contains the type: namespaces are per project, not per name.
      graph.graph.forEachInEdge(type.id, (_k, inner) => {
        if (inner.kind === 'contains' && graph.node(inner.from)?.kind === 'namespace') namespaces.add(inner.from);
      });
    });
    graph.graph.forEachInEdge(file.id, (_key, edge) => {
      if (edge.kind === 'contains' && graph.node(edge.from)?.kind === 'project') project = edge.from;
    });
    const configOnly =
      file.data?.language === 'C#' &&
      types.length === 0 &&
      !graph.graph.someOutEdge(file.id, (_key, edge) => edge.kind === 'type-ref');
    memberships.set(file.id, {
      types: types.sort(),
      namespaces: [...namespaces].sort(),
      ...(project ? { project } : {}),
      ...(configOnly ? { configOnly: true } : {}),
    });
  }
  return memberships;
}

const PROJECT_LINKS: readonly EdgeKind[] = ['project-dep', 'project-ref', 'assembly-ref'];

export function linkedEitherWay(graph: EstateGraph, a: string, b: string, kinds: readonly EdgeKind[]): boolean {
  return kinds.some((kind) => graph.edge(kind, a, b) !== undefined || graph.edge(kind, b, a) !== undefined);
}

export function projectsLinked(graph: EstateGraph, a: string, b: string): boolean {
  return linkedEitherWay(graph, a, b, PROJECT_LINKS);
}

export function namespacesLinked(graph: EstateGraph, a: string, b: string): boolean {
  return linkedEitherWay(graph, a, b, ['namespace-ref']);
}

/**
 * Two files are statically linked when they declare parts of the same type, when a
 * type (or top-level code) of one references a type of the other, when one is the
 * project file the other belongs to, or when both are project files that depend on each other.
 */
export function filesLinked(
  graph: EstateGraph,
  memberships: ReadonlyMap<string, FileMembership>,
  a: string,
  b: string,
): boolean {
  const ma = memberships.get(a);
  const mb = memberships.get(b);
  if (!ma || !mb) return false;
  const typesB = new Set(mb.types);
  if (ma.types.some((t) => typesB.has(t))) return true;
  if (references(graph, [a, ...ma.types], typesB)) return true;
  if (references(graph, [b, ...mb.types], new Set(ma.types))) return true;
  const projectFileA = projectFileId(graph, a);
  const projectFileB = projectFileId(graph, b);
  if (projectFileA && mb.project === projectFileA) return true;
  if (projectFileB && ma.project === projectFileB) return true;
  return projectFileA !== undefined && projectFileB !== undefined && projectsLinked(graph, projectFileA, projectFileB);
}

function references(graph: EstateGraph, sources: readonly string[], targets: ReadonlySet<string>): boolean {
  if (targets.size === 0) return false;
  for (const source of sources) {
    if (!graph.hasNode(source)) continue;
    const hit = graph.graph.someOutEdge(source, (_key, edge) => edge.kind === 'type-ref' && targets.has(edge.to));
    if (hit) return true;
  }
  return false;
}

/** The project node a file node is the project file of, if any. */
function projectFileId(graph: EstateGraph, file: string): string | undefined {
  const node = graph.node(file);
  if (!node?.repo || !node.path) return undefined;
  const id = projectId(node.repo, node.path);
  return graph.hasNode(id) ? id : undefined;
}
