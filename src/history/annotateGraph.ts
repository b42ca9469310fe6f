/**
 * Puts each file's history on its graph node (`data.history`) and rolls it up to
 * the types declared in it, their namespaces, the file's project and repository.
 * Roll-ups count a commit once however many of the group's files it touched.
 * Logic figures (`logicRevisions`, `logicChurn`) leave out maintenance commits,
 * lockfiles, generated files, configuration and pure renames.
 */
import { fileId, repoId } from '../core/ids.js';
import type { EstateGraph } from '../core/graph.js';
import type { RepoHistoryFigures } from '../core/graphData.js';
import type { HistoryFigures } from '../core/history.js';
import { fileRole } from './fileRoles.js';
import type { FileMembership } from './graphIndex.js';
import { isPureRename } from './maintenance.js';
import { HistoryTally } from './tally.js';
import type { Commit, RepoHistory } from './types.js';

export function annotateGraph(
  graph: EstateGraph,
  histories: readonly RepoHistory[],
  memberships: ReadonlyMap<string, FileMembership>,
  bulkCommitFiles: number,
  maintenance: ReadonlySet<Commit>,
): void {
  const tallies = new Map<string, { tally: HistoryTally; asOf: number }>();
  const tallyOf = (id: string, asOf: number) => {
    let entry = tallies.get(id);
    if (!entry) {
      entry = { tally: new HistoryTally(), asOf };
      tallies.set(id, entry);
    }
    entry.asOf = Math.max(entry.asOf, asOf);
    return entry.tally;
  };
  const repoExtras = new Map<string, Omit<RepoHistoryFigures, keyof HistoryFigures>>();
  for (const history of histories) {
    const repoNode = repoId(history.repo);
    for (const commit of history.commits) {
      const maintained = maintenance.has(commit);
      for (const change of commit.files) {
        const logicCommit = !maintained && !isPureRename(change);
        const logic = logicCommit && fileRole(change.path) === 'source';
        tallyOf(repoNode, history.newest).add(commit, change, logic);
        const file = fileId(history.repo, change.path);
        if (!graph.hasNode(file)) continue; // deleted since, or not read by the scan (ignored, build output)
        const membership = memberships.get(file);
        const logicFile = logic && !membership?.configOnly;
        tallyOf(file, history.newest).add(commit, change, logicFile);
        if (!membership) continue;
        for (const type of membership.types) tallyOf(type, history.newest).add(commit, change, logicFile);
        for (const namespace of membership.namespaces)
          tallyOf(namespace, history.newest).add(commit, change, logicFile);
        if (membership.project) tallyOf(membership.project, history.newest).add(commit, change, logicFile);
      }
    }
    const merges = history.commits.filter((c) => c.parentCount > 1).length;
    const bulkCommits = history.commits.filter((c) => c.files.length > bulkCommitFiles).length;
    const authors = new Set(history.commits.map((c) => c.email)).size;
    repoExtras.set(repoNode, {
      commits: history.commits.length,
      merges,
      bulkCommits,
      committers: authors,
      since: isoDate(history.since),
      until: isoDate(history.newest),
      shallow: history.shallow,
    });
    tallyOf(repoNode, history.newest);
  }
  for (const [id, { tally, asOf }] of [...tallies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const node = graph.node(id);
    if (node) graph.mergeNodeData(node, { history: { ...tally.figures(asOf), ...repoExtras.get(id) } });
  }
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
