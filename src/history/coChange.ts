/**
 * `co-change` edges: file, namespace and project pairs that change together.
 * Within a repository a commit is the change set; across repositories the change
 * set is a logical change (commits linked by ticket key or author window). An
 * edge without a static dependency behind it is marked `hidden`.
 */
import { fileId } from '../core/ids.js';
import { fileRole } from './fileRoles.js';
import type { EstateGraph } from '../core/graph.js';
import type { CoChangeCounts, CouplingLevel } from '../core/history.js';
import { computeCoupling, type ChangeSet, type Coupling, type CouplingThresholds } from './coupling.js';
import { filesLinked, namespacesLinked, projectsLinked, type FileMembership } from './graphIndex.js';
import { linkChanges, type LogicalChange, type RepoCommit } from './linkChanges.js';
import { isPureRename } from './maintenance.js';
import type { HistorySettings } from './settings.js';
import type { Commit, FileChange, RepoHistory } from './types.js';

export function addCoChangeEdges(
  graph: EstateGraph,
  histories: readonly RepoHistory[],
  memberships: ReadonlyMap<string, FileMembership>,
  settings: HistorySettings,
  maintenance: ReadonlySet<Commit> = new Set(),
): CoChangeCounts {
  const thresholds: CouplingThresholds = {
    minRevisions: settings.minRevisions,
    minSharedCommits: settings.minSharedCommits,
    minDegree: settings.minDegree,
    maxChangeSetSize: settings.bulkCommitFiles,
  };
  const eligible: RepoCommit[] = [];
  for (const history of histories) {
    for (const commit of history.commits)
      if (isCouplingCommit(commit, settings.bulkCommitFiles) && !maintenance.has(commit))
        eligible.push({ repo: history.repo, commit });
  }
  const entities = entityMapper(graph, memberships);
  const repoOf = (id: string) => graph.node(id)?.repo;
  const counts: CoChangeCounts = { file: 0, namespace: 0, project: 0, crossRepo: 0, hidden: 0 };
  // Every logical change counts towards revisions; only pairs across repositories are taken from them.
  const changes = linkChanges(eligible, settings.authorWindowSeconds);

  for (const level of ['file', 'namespace', 'project'] as const) {
    const perCommit: ChangeSet[] = eligible.map(({ repo, commit }) => ({
      entities: commit.files.flatMap((f) => entities(level, repo, f)),
    }));
    const within = computeCoupling(perCommit, thresholds);
    const across =
      level === 'namespace'
        ? []
        : computeCoupling(
            changes
              .filter(
                (change) => change.commits.reduce((n, c) => n + c.commit.files.length, 0) <= settings.bulkCommitFiles,
              )
              .map((change) => ({
                entities: change.commits.flatMap(({ repo, commit }) =>
                  commit.files.flatMap((f) => entities(level, repo, f)),
                ),
                tags: [...change.tickets, ...(change.byAuthor ? ['author'] : [])],
                explicit: sharesTicketAcrossRepos(change),
              })),
            thresholds,
            (a, b) => repoOf(a) !== repoOf(b),
          );
    for (const coupling of [...within, ...across]) {
      const crossRepo = repoOf(coupling.a) !== repoOf(coupling.b);
      const hidden = !staticallyLinked(graph, memberships, level, coupling);
      addEdge(graph, level, coupling, crossRepo, hidden);
      counts[level]++;
      if (crossRepo) counts.crossRepo++;
      if (hidden) counts.hidden++;
    }
  }
  return counts;
}

/** Whether one ticket key names commits of two repositories in this change (not only an author window). */
function sharesTicketAcrossRepos(change: LogicalChange): boolean {
  const repoOfTicket = new Map<string, string>();
  for (const { repo, commit } of change.commits) {
    for (const ticket of commit.tickets) {
      const seen = repoOfTicket.get(ticket);
      if (seen === undefined) repoOfTicket.set(ticket, repo);
      else if (seen !== repo) return true;
    }
  }
  return false;
}

function isCouplingCommit(commit: Commit, bulkCommitFiles: number): boolean {
  return commit.parentCount <= 1 && commit.files.length > 0 && commit.files.length <= bulkCommitFiles;
}

/**
 * What a changed file stands for at each level. Only changes of logic count:
 * lockfiles, generated files, manifests, project-wide settings (`GlobalUsings.cs`)
 * and pure renames move with tools and upgrades, not with the logic beside them.
 */
function entityMapper(graph: EstateGraph, memberships: ReadonlyMap<string, FileMembership>) {
  return (level: CouplingLevel, repo: string, change: FileChange): string[] => {
    const file = fileId(repo, change.path);
    if (!graph.hasNode(file) || fileRole(change.path) !== 'source' || isPureRename(change)) return [];
    const membership = memberships.get(file);
    if (membership?.configOnly) return [];
    if (level === 'file') return [file];
    if (level === 'namespace') return membership?.namespaces ?? [];
    return membership?.project ? [membership.project] : [];
  };
}

function staticallyLinked(
  graph: EstateGraph,
  memberships: ReadonlyMap<string, FileMembership>,
  level: CouplingLevel,
  c: Coupling,
): boolean {
  if (level === 'file') return filesLinked(graph, memberships, c.a, c.b);
  if (level === 'namespace') return namespacesLinked(graph, c.a, c.b);
  return projectsLinked(graph, c.a, c.b);
}

function addEdge(graph: EstateGraph, level: CouplingLevel, c: Coupling, crossRepo: boolean, hidden: boolean): void {
  const tickets = c.tags.filter((t) => t !== 'author');
  graph.addEdge(c.a, c.b, 'co-change', c.shared, {
    level,
    degree: c.degree,
    revisions: [c.revisionsA, c.revisionsB],
    hidden,
    crossRepo,
    ...(crossRepo && tickets.length > 0 ? { tickets } : {}),
    ...(crossRepo && c.tags.includes('author') ? { linkedByAuthor: true } : {}),
  });
}
