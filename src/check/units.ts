/**
 * Which repo, project and namespace a graph node belongs to, read from the
 * result's graph once: C# types and namespaces say it themselves, a file is in
 * the project that contains it (C#) or under the nearest package.json (JS/TS),
 * and its namespace is that of the types it declares (C#) or its folder (JS/TS).
 */
import path from 'node:path';
import type { BoundaryLevel } from '../core/check.js';
import type { GraphNode, ScanResult } from '../core/result.js';
import { fileId, namespaceId, namespaceOwner, repoId } from '../core/ids.js';

/** A node's unit at each level; a level is absent when the node has none there. */
export type Units = Partial<Record<BoundaryLevel, string>>;

export class UnitIndex {
  private readonly nodes = new Map<string, GraphNode>();
  /** C# file id → project id (`contains`). */
  private readonly projectOfFile = new Map<string, string>();
  /** File id → namespace ids of the types it declares, sorted. */
  private readonly namespacesOfFile = new Map<string, string[]>();
  /** npm project folders per repo, deepest first. */
  private readonly npmProjects = new Map<string, { dir: string; id: string }[]>();
  private readonly cache = new Map<string, Units>();

  constructor(result: Pick<ScanResult, 'graph'>) {
    for (const node of result.graph.nodes) this.nodes.set(node.id, node);
    for (const edge of result.graph.edges)
      if (edge.kind === 'contains' && edge.from.startsWith('project:') && edge.to.startsWith('file:'))
        this.projectOfFile.set(edge.to, edge.from);
    for (const node of result.graph.nodes) {
      if (node.kind === 'type' && node.repo && node.data) {
        const ns = namespaceId(node.data.namespace, namespaceOwner(node.repo, node.data.project));
        for (const file of node.data.files) {
          const list = this.namespacesOfFile.get(fileId(node.repo, file)) ?? [];
          if (!list.includes(ns)) list.push(ns);
          this.namespacesOfFile.set(fileId(node.repo, file), list);
        }
      }
      if (node.kind === 'project' && node.data?.ecosystem === 'npm' && node.repo && node.path) {
        const list = this.npmProjects.get(node.repo) ?? [];
        list.push({ dir: path.posix.dirname(node.path), id: node.id });
        this.npmProjects.set(node.repo, list);
      }
    }
    for (const list of this.namespacesOfFile.values()) list.sort();
    for (const list of this.npmProjects.values()) list.sort((a, b) => b.dir.length - a.dir.length || cmp(a.id, b.id));
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  tableIds(): string[] {
    return [...this.nodes.values()].filter((n) => n.kind === 'table').map((n) => n.id);
  }

  /** The node's units; packages and externals are outside the estate and have none. */
  unitsOf(id: string): Units {
    let units = this.cache.get(id);
    if (!units) {
      units = this.resolve(id);
      this.cache.set(id, units);
    }
    return units;
  }

  /** The units of a repo-relative file, whether or not the graph has a node for it. */
  unitsOfFile(repo: string, file: string): Units {
    const id = fileId(repo, file);
    let units = this.cache.get(id);
    if (!units) {
      units = this.fileUnits(repo, file);
      this.cache.set(id, units);
    }
    return units;
  }

  private fileUnits(repo: string, file: string): Units {
    const id = fileId(repo, file);
    const project = this.projectOfFile.get(id) ?? this.npmProjectOf(repo, file);
    const namespace = this.namespacesOfFile.get(id)?.[0] ?? this.folderModule(repo, path.posix.dirname(file));
    return { repo: repoId(repo), ...(project ? { project } : {}), ...(namespace ? { namespace } : {}) };
  }

  private resolve(id: string): Units {
    const node = this.nodes.get(id);
    const kind = node?.kind ?? id.slice(0, id.indexOf(':'));
    const repo = node?.repo;
    const repoUnit = repo ? { repo: repoId(repo) } : {};
    switch (kind) {
      case 'type': {
        if (node?.kind !== 'type' || !node.repo || !node.data) return repoUnit;
        const project = node.data.project;
        return {
          ...repoUnit,
          ...(project ? { project } : {}),
          namespace: namespaceId(node.data.namespace, namespaceOwner(node.repo, project)),
        };
      }
      case 'namespace': {
        const project = node?.kind === 'namespace' ? node.data?.project : undefined;
        return { ...repoUnit, ...(project ? { project } : {}), namespace: id };
      }
      case 'file':
        return repo && node?.path ? this.fileUnits(repo, node.path) : repoUnit;
      case 'project':
        return { ...repoUnit, project: id };
      // A table is its own unit at every level: several repositories may declare it, and a
      // namespace or project starting to use a table it never used is new coupling.
      case 'table':
        return { repo: id, project: id, namespace: id };
      // Routines and endpoints belong to the repository that defines or serves them.
      case 'procedure':
      case 'endpoint':
        return { repo: repo ? repoId(repo) : id, project: id, namespace: id };
      case 'repo':
        return { repo: id };
      default:
        return {};
    }
  }

  private npmProjectOf(repo: string, file: string): string | undefined {
    return this.npmProjects.get(repo)?.find((p) => p.dir === '.' || file.startsWith(`${p.dir}/`))?.id;
  }

  /** The JS/TS folder's `module` node; a file outside one (data, config) has no namespace. */
  private folderModule(repo: string, folder: string): string | undefined {
    const id = `module:${repo}${folder === '.' ? '' : `/${folder}`}`;
    return this.nodes.has(id) ? id : undefined;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
