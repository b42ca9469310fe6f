/**
 * Which drawn node every graph node rolls up to at each level: a C# type to its
 * namespace, project and repo; a file to the namespace of the types it declares
 * (or its JS module folder), its project and repo; a routine to its file's
 * units; an endpoint to the code serving it. Tables stay themselves.
 */
import type { GraphEdge, GraphNode } from '../../core/graphData.js';
import type { LevelNodeKind } from './reportData.js';

export type CodeLevel = 'repo' | 'project' | 'namespace';

export interface UnitInfo {
  id: string;
  label: string;
  kind: LevelNodeKind;
  repo?: string;
  /** The unit one level up (namespace → project → repo). */
  parent?: string;
  /** Repo-relative path of what it stands for (a project's manifest), when it has one. */
  path?: string;
}

/** Per level: base node id → unit id; and the units themselves. */
export interface UnitIndex {
  unitOf: Record<CodeLevel, Map<string, string>>;
  units: Map<string, UnitInfo>;
  /** LOC each base node contributes (types, and files that declare none). */
  locOf: Map<string, number>;
  /** What a node belongs to when it is no code unit itself: a routine's file, an endpoint's server, a file's first type. */
  ownerOf: Map<string, string>;
}

export function indexUnits(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): UnitIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parentOf = new Map<string, string>();
  const typesOfFile = new Map<string, string[]>();
  const servedBy = new Map<string, string>();
  for (const e of edges) {
    if (e.kind === 'contains') {
      const child = byId.get(e.to);
      if (child?.kind === 'type' && byId.get(e.from)?.kind === 'file') push(typesOfFile, e.from, e.to);
      else if (child?.kind === 'type' && byId.get(e.from)?.kind === 'namespace') parentOf.set(e.to, e.from);
      else if (!parentOf.has(e.to)) parentOf.set(e.to, e.from);
    } else if (e.kind === 'serves' && !servedBy.has(e.to)) servedBy.set(e.to, e.from);
  }
  for (const list of typesOfFile.values()) list.sort();
  const moduleIds = new Set(nodes.filter((n) => n.kind === 'module').map((n) => n.id));
  // A project's own manifest (its .csproj, package.json) is a file of its repo in the graph, but belongs to it.
  const projectByManifest = new Map(
    nodes.flatMap((n) => (n.kind === 'project' && n.path !== undefined ? [[`${n.repo}\u0000${n.path}`, n.id]] : [])),
  );
  // Sorted so that two projects in one folder resolve to the same one every time.
  const projectByFolder = new Map<string, string>();
  for (const n of [...nodes]
    .filter((n) => n.kind === 'project' && n.path !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (!projectByFolder.has(`${n.repo}\u0000${parentDir(n.path!)}`))
      projectByFolder.set(`${n.repo}\u0000${parentDir(n.path!)}`, n.id);

  const units = new Map<string, UnitInfo>();
  const unitOf: UnitIndex['unitOf'] = { repo: new Map(), project: new Map(), namespace: new Map() };
  const locOf = new Map<string, number>();
  const ownerOf = new Map<string, string>();

  const repoUnit = (name: string): string => {
    const id = `repo:${name}`;
    if (!units.has(id)) units.set(id, { id, label: name, kind: 'unit', repo: name });
    return id;
  };
  const addUnit = (node: GraphNode, parent: string): string => {
    if (!units.has(node.id))
      units.set(node.id, {
        id: node.id,
        label: node.name,
        kind: 'unit',
        ...(node.repo ? { repo: node.repo } : {}),
        parent,
        ...(node.path !== undefined ? { path: node.path } : {}),
      });
    return node.id;
  };
  const projectOf = (node: GraphNode | undefined): string | undefined => {
    if (!node) return undefined;
    if (node.kind === 'project') return node.id;
    if ((node.kind === 'type' || node.kind === 'namespace') && node.data?.project) return node.data.project;
    const parent = parentOf.get(node.id);
    if (parent && byId.get(parent)?.kind === 'project') return parent;
    if (node.kind !== 'file') return undefined;
    // Not listed by a project (npm packages own no files in the graph): the nearest project folder holding it.
    for (let dir = parentDir(node.path ?? ''); dir !== undefined; dir = parentDir(dir)) {
      const project = projectByFolder.get(`${node.repo}\u0000${dir}`);
      if (project) return project;
    }
    return undefined;
  };
  /** Project unit, or one unit per repo for its code outside any project. */
  const projectUnit = (node: GraphNode, repo: string): string => {
    const project = byId.get(projectOf(node) ?? '');
    if (project) return addUnit(project, repoUnit(repo));
    const id = `loose:${repo}`;
    if (!units.has(id))
      units.set(id, { id, label: `${repo} (outside projects)`, kind: 'unit', repo, parent: repoUnit(repo) });
    return id;
  };
  const moduleOf = (node: GraphNode): string | undefined => {
    for (let dir = parentDir(node.path ?? ''); dir !== undefined; dir = parentDir(dir)) {
      const id = `module:${node.repo}/${dir}`;
      if (moduleIds.has(id)) return id;
    }
    return undefined;
  };
  const assign = (baseId: string, repo: string, project: string, namespace: string): void => {
    unitOf.repo.set(baseId, repoUnit(repo));
    unitOf.project.set(baseId, project);
    unitOf.namespace.set(baseId, namespace);
  };

  for (const node of nodes) {
    const repo = node.repo ?? (node.kind === 'repo' ? node.name : undefined);
    if (node.kind === 'table') {
      units.set(node.id, { id: node.id, label: node.name, kind: 'table', ...(node.repo ? { repo: node.repo } : {}) });
      for (const level of ['repo', 'project', 'namespace'] as const) unitOf[level].set(node.id, node.id);
      continue;
    }
    if (!repo) continue;
    if (node.kind === 'repo') unitOf.repo.set(node.id, repoUnit(repo));
    else if (node.kind === 'project') {
      const project = projectUnit(node, repo);
      assign(node.id, repo, project, project);
    } else if (node.kind === 'namespace') {
      const project = projectUnit(node, repo);
      assign(node.id, repo, project, addUnit(node, project));
    } else if (node.kind === 'type') {
      const project = projectUnit(node, repo);
      const namespace = byId.get(parentOf.get(node.id) ?? '');
      assign(node.id, repo, project, namespace ? addUnit(namespace, project) : project);
      locOf.set(node.id, node.loc ?? 0);
    } else if (node.kind === 'file') {
      const project = projectUnit(node, repo);
      const firstType = typesOfFile.get(node.id)?.[0];
      const namespace = byId.get(parentOf.get(firstType ?? '') ?? '');
      const module = byId.get(moduleOf(node) ?? '');
      const nsUnit = namespace ? addUnit(namespace, project) : module ? addUnit(module, project) : project;
      assign(node.id, repo, project, nsUnit);
      if (firstType) ownerOf.set(node.id, firstType);
      // A manifest's lines are no code: counted, it would make every project a unit among its namespaces.
      else if (!projectByManifest.has(`${node.repo}\u0000${node.path}`)) locOf.set(node.id, node.loc ?? 0);
    }
  }
  // Routines live in their file; endpoints belong to the code serving them.
  for (const node of nodes) {
    const owner =
      node.kind === 'procedure' ? parentOf.get(node.id) : node.kind === 'endpoint' ? servedBy.get(node.id) : undefined;
    if (!owner) continue;
    ownerOf.set(node.id, owner);
    for (const level of ['repo', 'project', 'namespace'] as const) {
      const unit = unitOf[level].get(owner);
      if (unit) unitOf[level].set(node.id, unit);
    }
  }
  return { unitOf, units, locOf, ownerOf };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `a/b/c.ts` → `a/b` → `a` → `` → undefined. */
function parentDir(path: string): string | undefined {
  if (path === '') return undefined;
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
