/**
 * Which cluster, repo, project and namespace a graph node belongs to, read from
 * the result's graph once: C# types and namespaces say it themselves, a file is in
 * the project that contains it (C#) or under the nearest package.json (JS/TS),
 * and its namespace is that of the types it declares (C#) or its folder (JS/TS).
 * Clusters come from a recorded assignment (see `ClusterAssignment`).
 */
import path from 'node:path';
import { type BoundaryLevel, type ClusterAssignment, clusterUnitId } from '../core/check.js';
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
  /** File id → the type ids it declares, sorted. */
  private readonly typesOfFile = new Map<string, string[]>();
  private readonly cache = new Map<string, Units>();
  private readonly clusters: ClusterIndex;

  constructor(result: Pick<ScanResult, 'graph'>, assignment: readonly ClusterAssignment[] = []) {
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
          const types = this.typesOfFile.get(fileId(node.repo, file)) ?? [];
          types.push(node.id);
          this.typesOfFile.set(fileId(node.repo, file), types);
        }
      }
      if (node.kind === 'project' && node.data?.ecosystem === 'npm' && node.repo && node.path) {
        const list = this.npmProjects.get(node.repo) ?? [];
        list.push({ dir: path.posix.dirname(node.path), id: node.id });
        this.npmProjects.set(node.repo, list);
      }
    }
    for (const list of this.namespacesOfFile.values()) list.sort();
    for (const list of this.typesOfFile.values()) list.sort();
    for (const list of this.npmProjects.values()) list.sort((a, b) => b.dir.length - a.dir.length || cmp(a.id, b.id));
    this.clusters = new ClusterIndex(assignment, (id) => this.areaOf(id));
  }

  /** Whether the cluster unit is the shared layer: depending on it crosses no service boundary. */
  isSharedCluster(unit: string): boolean {
    return this.clusters.shared.has(unit);
  }

  /** Cluster units that still hold a unit of the estate. */
  presentClusters(): Set<string> {
    const present = new Set<string>();
    for (const [unit, cluster] of this.clusters.assigned) if (this.nodes.has(unit)) present.add(cluster);
    return present;
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
    const cluster =
      this.clusters.of(id) ?? this.clusters.majority((this.typesOfFile.get(id) ?? []).map((t) => this.clusters.of(t)));
    return {
      ...(cluster ? { cluster } : {}),
      repo: repoId(repo),
      ...(project ? { project } : {}),
      ...(namespace ? { namespace } : {}),
    };
  }

  /**
   * The area a unit's recorded neighbours share, for placing a unit the baseline
   * did not know: a type's namespace, a C# file's first namespace, a JS/TS file's folder.
   */
  private areaOf(id: string): string | undefined {
    const node = this.nodes.get(id);
    if (node?.kind === 'type' && node.repo && node.data)
      return namespaceId(node.data.namespace, namespaceOwner(node.repo, node.data.project));
    if (node?.kind === 'file' && node.repo && node.path)
      return this.namespacesOfFile.get(id)?.[0] ?? this.folderModule(node.repo, path.posix.dirname(node.path));
    return undefined;
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
        const cluster = this.clusters.of(id);
        return {
          ...(cluster ? { cluster } : {}),
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
        return { cluster: id, repo: id, project: id, namespace: id };
      // Routines and endpoints belong to the repository that defines or serves them.
      case 'procedure':
      case 'endpoint':
        return { cluster: id, repo: repo ? repoId(repo) : id, project: id, namespace: id };
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

/**
 * The recorded assignment, and for a unit it does not name the cluster most of
 * its area's recorded units sit in (ties to the first cluster id), so a new type
 * in Billing's namespace counts as Billing's.
 */
class ClusterIndex {
  readonly assigned = new Map<string, string>();
  readonly shared = new Set<string>();
  private byArea?: Map<string, string>;

  constructor(
    assignment: readonly ClusterAssignment[],
    private readonly areaOf: (unit: string) => string | undefined,
  ) {
    for (const { unit, cluster, shared } of assignment) {
      this.assigned.set(unit, cluster);
      if (shared) this.shared.add(cluster);
    }
  }

  of(unit: string): string | undefined {
    const cluster = this.assigned.get(unit);
    if (cluster || this.assigned.size === 0) return cluster;
    const area = this.areaOf(unit);
    return area ? this.areas().get(area) : undefined;
  }

  majority(clusters: readonly (string | undefined)[]): string | undefined {
    const counts = new Map<string, number>();
    for (const c of clusters) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    return pickMajority(counts);
  }

  private areas(): Map<string, string> {
    if (!this.byArea) {
      const counts = new Map<string, Map<string, number>>();
      for (const [unit, cluster] of this.assigned) {
        const area = this.areaOf(unit);
        if (!area) continue;
        const perCluster = counts.get(area) ?? new Map<string, number>();
        perCluster.set(cluster, (perCluster.get(cluster) ?? 0) + 1);
        counts.set(area, perCluster);
      }
      this.byArea = new Map();
      for (const [area, perCluster] of counts) this.byArea.set(area, pickMajority(perCluster)!);
    }
    return this.byArea;
  }
}

function pickMajority(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const [cluster, count] of counts)
    if (best === undefined || count > counts.get(best)! || (count === counts.get(best) && cmp(cluster, best) < 0))
      best = cluster;
  return best;
}

/** The baseline's assignment of a scan's decomposition: every code unit of every cluster. */
export function clusterAssignment(
  clusters: readonly { id: string; members: readonly string[]; shared?: true }[],
): ClusterAssignment[] {
  return clusters
    .flatMap((c) =>
      c.members.map((unit) => ({ unit, cluster: clusterUnitId(c.id), ...(c.shared ? { shared: true as const } : {}) })),
    )
    .sort((a, b) => cmp(a.unit, b.unit));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
