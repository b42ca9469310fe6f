/**
 * What extracting a cluster takes: the seams to cut (per neighbouring cluster,
 * with the heaviest links), the tables to split or share, the projects,
 * frameworks and packages it drags along, and what the analyzers found on its
 * projects and tables.
 */
import type { CandidateSeam, CandidateWork, CarriedFinding, Cluster } from '../core/decomposition.js';
import { byId, type EstateView, type UnitLink } from './estateView.js';
import { findingsOn } from './carriedFindings.js';
import { endpointsOf } from './endpoints.js';

/** Links kept per neighbouring cluster: the heaviest, enough to start from; the figures count them all. */
const LINKS_PER_SEAM = 5;

export interface EstateIndex {
  /** Project id → packages it references, with the declared versions. */
  packagesOf: ReadonlyMap<string, { package: string; version?: string }[]>;
  /** File id → the project containing it. */
  projectOfFile: ReadonlyMap<string, string>;
  findingsByNode: ReadonlyMap<string, readonly CarriedFinding[]>;
}

export function estateIndex(view: EstateView, findingsByNode: EstateIndex['findingsByNode']): EstateIndex {
  const packagesOf = new Map<string, { package: string; version?: string }[]>();
  const projectOfFile = new Map<string, string>();
  for (const edge of view.source.graph.edges) {
    if (edge.kind === 'package-ref') {
      const list = packagesOf.get(edge.from) ?? [];
      list.push({ package: edge.to, ...(edge.data?.version ? { version: edge.data.version } : {}) });
      packagesOf.set(edge.from, list);
    } else if (edge.kind === 'contains' && view.nodes.get(edge.from)?.kind === 'project') {
      projectOfFile.set(edge.to, edge.from);
    }
  }
  return { packagesOf, projectOfFile, findingsByNode };
}

export function workList(view: EstateView, index: EstateIndex, cluster: Cluster): CandidateWork {
  const projects = projectsOf(view, index, cluster);
  const packages = new Map<string, { versions: Set<string>; projects: Set<string> }>();
  for (const project of projects)
    for (const ref of index.packagesOf.get(project) ?? []) {
      const entry = packages.get(ref.package) ?? { versions: new Set(), projects: new Set() };
      if (ref.version) entry.versions.add(ref.version);
      entry.projects.add(project);
      packages.set(ref.package, entry);
    }
  const tables = [...cluster.tables, ...cluster.sharedTables];
  return {
    seams: seamsOf(view, cluster),
    endpoints: endpointsOf(view, cluster),
    tablesToSplit: cluster.sharedTables.map((table) => ({
      table,
      alsoUsedBy: (view.usersOfTable.get(table) ?? []).filter((id) => id !== cluster.id),
    })),
    projects: projects.map((project) => {
      const node = view.nodes.get(project);
      const frameworks = node?.kind === 'project' && node.data?.ecosystem !== 'npm' ? node.data?.targetFrameworks : [];
      return { project, targetFrameworks: frameworks ?? [] };
    }),
    packages: [...packages]
      .sort((a, b) => byId(a[0], b[0]))
      .map(([id, entry]) => ({
        package: id,
        versions: [...entry.versions].sort(),
        projects: [...entry.projects].sort(),
      })),
    projectFindings: findingsOn(index.findingsByNode, projects),
    tableFindings: findingsOn(index.findingsByNode, tables),
  };
}

/** Projects compiling its types or containing its files, sorted. */
function projectsOf(view: EstateView, index: EstateIndex, cluster: Cluster): string[] {
  const projects = new Set<string>();
  for (const id of cluster.members) {
    const node = view.nodes.get(id);
    if (node?.kind === 'type' && node.data?.project) projects.add(node.data.project);
    const project = index.projectOfFile.get(id);
    if (project) projects.add(project);
  }
  return [...projects].sort(byId);
}

/** Per neighbouring cluster: the weight both ways, the calls, and the heaviest links. */
function seamsOf(view: EstateView, cluster: Cluster): CandidateSeam[] {
  const members = new Set(cluster.members);
  const byCluster = new Map<string, { inbound: number; outbound: number; calls: number; links: UnitLink[] }>();
  const seen = new Set<UnitLink>();
  for (const member of cluster.members)
    for (const link of view.linksOf.get(member) ?? []) {
      if (seen.has(link)) continue;
      seen.add(link);
      const inward = members.has(link.to);
      if (inward && members.has(link.from)) continue;
      const other = view.clusterOf.get(inward ? link.from : link.to)!;
      const entry = byCluster.get(other) ?? { inbound: 0, outbound: 0, calls: 0, links: [] };
      if (link.kind === 'call') entry.calls += link.weight;
      else if (inward) entry.inbound += link.weight;
      else entry.outbound += link.weight;
      entry.links.push(link);
      byCluster.set(other, entry);
    }
  const seamWeight = new Map<string, number>();
  for (const pair of view.source.decomposition.seams) {
    if (pair.from === cluster.id) seamWeight.set(pair.to, (seamWeight.get(pair.to) ?? 0) + pair.weight);
    else if (pair.to === cluster.id) seamWeight.set(pair.from, (seamWeight.get(pair.from) ?? 0) + pair.weight);
  }
  return [...byCluster]
    .map(([other, entry]): CandidateSeam => {
      const weight = seamWeight.get(other);
      return {
        cluster: other,
        inbound: entry.inbound,
        outbound: entry.outbound,
        calls: entry.calls,
        ...(weight !== undefined ? { weight } : {}),
        links: entry.links
          .sort((a, b) => b.weight - a.weight || byId(a.from, b.from) || byId(a.to, b.to))
          .slice(0, LINKS_PER_SEAM)
          .map((l) => ({ from: l.from, to: l.to, kind: l.edgeKind, weight: l.weight })),
      };
    })
    .sort(
      (a, b) => b.inbound + b.outbound + b.calls - (a.inbound + a.outbound + a.calls) || byId(a.cluster, b.cluster),
    );
}
