/**
 * The history pass: `readEstateHistory` reads every git repository's log (one
 * git process each, a few at a time) while the files are being extracted;
 * `applyHistory` then puts revisions, churn and authorship on the graph's nodes
 * and adds `co-change` edges; the analyzers that need history read them from the graph.
 */
import type { Diagnostic } from '../core/result.js';
import type { EstateGraph } from '../core/graph.js';
import { annotateGraph } from './annotateGraph.js';
import type { HistorySummary } from '../core/history.js';
import { addCoChangeEdges } from './coChange.js';
import { fileMemberships } from './graphIndex.js';
import { compileMaintenancePattern, maintenanceReason } from './maintenance.js';
import { checkGitDirBoundary } from './gitDirBoundary.js';
import { type HistoryReadKind, type HistoryStore, readRepoHistoryIncrementally } from './incremental.js';
import { readRepoHistory } from './readRepoHistory.js';
import type { HistorySettings } from './settings.js';
import { compileTicketPattern } from './tickets.js';
import type { Commit, RepoHistory } from './types.js';
import { describeWindow } from './window.js';

export interface RepoLocation {
  name: string;
  absPath: string;
  git: boolean;
}

export interface EstateHistory {
  repos: RepoHistory[];
  diagnostics: Diagnostic[];
}

/** `store`: the histories of the last scan; then only commits since each repository's cached HEAD are read. */
export async function readEstateHistory(
  repos: readonly RepoLocation[],
  settings: HistorySettings,
  /** The scan root: git data outside it (linked or pointed to) is never read. */
  absRoot: string,
  store?: HistoryStore,
  onRead?: (repo: string, read: HistoryReadKind) => void,
): Promise<EstateHistory> {
  const pattern = compileTicketPattern(settings.ticketPattern);
  const refused: Diagnostic[] = [];
  const gitRepos = repos.filter((r) => {
    if (!r.git) return false;
    const verdict = checkGitDirBoundary(r.name, r.absPath, absRoot);
    if (!verdict.ok) refused.push(verdict.diagnostic);
    return verdict.ok;
  });
  const results = new Array<Awaited<ReturnType<typeof readRepoHistory>>>(gitRepos.length);
  let next = 0;
  const worker = async () => {
    while (next < gitRepos.length) {
      const i = next++;
      const repo = gitRepos[i]!;
      const options = { window: settings.window, ticketPattern: pattern };
      if (!store) results[i] = await readRepoHistory(repo.name, repo.absPath, options);
      else {
        const { read, ...outcome } = await readRepoHistoryIncrementally(repo.name, repo.absPath, options, store);
        results[i] = outcome;
        onRead?.(repo.name, read);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, gitRepos.length)) }, worker));
  return {
    repos: results.flatMap((r) => (r.history ? [r.history] : [])),
    diagnostics: [...refused, ...results.flatMap((r) => r.diagnostics)],
  };
}

export function applyHistory(graph: EstateGraph, history: EstateHistory, settings: HistorySettings): HistorySummary {
  const memberships = fileMemberships(graph);
  const maintenance = maintenanceCommits(history.repos, settings);
  annotateGraph(graph, history.repos, memberships, settings.bulkCommitFiles, maintenance);
  const coChange = addCoChangeEdges(graph, history.repos, memberships, settings, maintenance);
  const day = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);
  return {
    window: describeWindow(settings.window),
    repos: history.repos.map((r) => ({
      repo: r.repo,
      commits: r.commits.length,
      since: day(r.since),
      until: day(r.newest),
      shallow: r.shallow,
    })),
    commits: history.repos.reduce((n, r) => n + r.commits.length, 0),
    maintenanceCommits: maintenance.size,
    coChange,
  };
}

function maintenanceCommits(repos: readonly RepoHistory[], settings: HistorySettings): Set<Commit> {
  const rules = {
    bulkCommitFiles: settings.bulkCommitFiles,
    message: compileMaintenancePattern(settings.maintenancePattern),
  };
  const found = new Set<Commit>();
  for (const repo of repos) for (const commit of repo.commits) if (maintenanceReason(commit, rules)) found.add(commit);
  return found;
}

export { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from './settings.js';
export { parseWindow, type HistoryWindow } from './window.js';
export { gitProcessCount } from './readRepoHistory.js';
export type { CachedRepoHistory, HistoryReadKind, HistoryStore } from './incremental.js';
