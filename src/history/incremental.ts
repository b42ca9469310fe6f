/**
 * History read incrementally. A repository's history from the last scan is
 * kept with the HEAD it was read at; on the next scan, an unchanged HEAD costs
 * reading `.git/HEAD` and its ref (gitHead.ts; one `git rev-parse` where those
 * files are not the plain layout), and a HEAD that descends from the cached one costs only
 * the log of the new commits (`cached..HEAD`), combined with the cached ones
 * as one full read would have listed them. When that cannot be shown — history
 * rewritten, dates out of order, a window that reaches further back than the
 * cached read — the history is read in full.
 */
import type { Diagnostic } from '../core/result.js';
import {
  countGitProcess,
  isShallow,
  type LogRead,
  readLog,
  type ReadHistoryOptions,
  shallowClone,
} from './readRepoHistory.js';
import { readHeadFromFiles } from './gitHead.js';
import { hardenedGit } from './safeGit.js';
import type { RepoHistory } from './types.js';
import { windowStart } from './window.js';

/** One repository's history as cached, with the HEAD it was read at. */
export interface CachedRepoHistory {
  head: string;
  /** The cached read listed its commits in strict date order (required to combine). */
  monotonic: boolean;
  history: RepoHistory;
}

/** Where the cached histories live, keyed by repository and window options (the caller's store). */
export interface HistoryStore {
  get(repoDir: string): CachedRepoHistory | undefined;
  set(repoDir: string, value: CachedRepoHistory): void;
}

export type HistoryReadKind = 'cached' | 'incremental' | 'full';

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export async function readRepoHistoryIncrementally(
  repo: string,
  repoDir: string,
  options: ReadHistoryOptions,
  store: HistoryStore,
): Promise<{ history?: RepoHistory; diagnostics: Diagnostic[]; read: HistoryReadKind }> {
  const cached = store.get(repoDir);
  if (cached && SHA.test(cached.head) && cached.history.repo === repo) {
    // Read from the files first: an unchanged repository then costs no git process at all.
    if (readHeadFromFiles(repoDir) === cached.head)
      return { ...withShallow(repo, repoDir, cached.history), read: 'cached' };
    const head = await currentHead(repoDir);
    if (head === cached.head) return { ...withShallow(repo, repoDir, cached.history), read: 'cached' };
    if (head && (await isAncestor(repoDir, cached.head, head))) {
      const update = await readLog(repo, repoDir, options, cached.head);
      const combined = combine(cached, update, options);
      if (combined) {
        store.set(repoDir, { head, monotonic: true, history: combined });
        return { ...withShallow(repo, repoDir, combined), read: 'incremental' };
      }
    }
  }
  const full = await readLog(repo, repoDir, options);
  if (full.head && full.outcome.history && isClean(full.outcome.diagnostics))
    store.set(repoDir, { head: full.head, monotonic: full.monotonic, history: full.outcome.history });
  return { ...full.outcome, read: 'full' };
}

/**
 * The cached commits after the new ones, as a full read lists them: valid when
 * both reads were in strict date order and every new commit is newer than
 * every cached one (then git's date-ordered walk lists all new commits first),
 * and the window starts no earlier than the cached read's did.
 */
function combine(cached: CachedRepoHistory, update: LogRead, options: ReadHistoryOptions): RepoHistory | undefined {
  const fresh = update.outcome.history;
  if (!fresh || !isClean(update.outcome.diagnostics) || !cached.monotonic || !update.monotonic) return undefined;
  if (update.oldestListed === undefined || update.oldestListed <= cached.history.newest) return undefined;
  const since = windowStart(options.window, fresh.newest);
  if (since < cached.history.since) return undefined;
  const older: RepoHistory['commits'] = [];
  for (const commit of cached.history.commits) {
    if (commit.commitTime < since) continue;
    // Cached paths carry their names at the cached HEAD; a rename since then maps them on.
    for (const change of commit.files) change.path = update.renamedTo.get(change.path) ?? change.path;
    older.push(commit);
  }
  return { ...fresh, commits: [...fresh.commits, ...older], since };
}

/** Only the shallow-clone warning may go with a cached history: it is worked out again on every read. */
function isClean(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every((d) => d.code === 'git-shallow-clone');
}

function withShallow(
  repo: string,
  repoDir: string,
  history: RepoHistory,
): { history: RepoHistory; diagnostics: Diagnostic[] } {
  const shallow = isShallow(repoDir);
  return { history: { ...history, shallow }, diagnostics: shallow ? [shallowClone(repo)] : [] };
}

async function currentHead(repoDir: string): Promise<string | undefined> {
  countGitProcess();
  try {
    const head = (await hardenedGit(repoDir).raw(['rev-parse', '--verify', '--end-of-options', 'HEAD'])).trim();
    return SHA.test(head) ? head : undefined;
  } catch {
    return undefined;
  }
}

async function isAncestor(repoDir: string, ancestor: string, head: string): Promise<boolean> {
  countGitProcess();
  try {
    // The merge base of an ancestor and its descendant is the ancestor itself. (`--is-ancestor`
    // answers by exit code alone, which simple-git does not report as a failure.)
    const base = await hardenedGit(repoDir).raw(['merge-base', '--end-of-options', ancestor, head]);
    return base.trim() === ancestor;
  } catch {
    return false; // the cached commit is gone
  }
}
