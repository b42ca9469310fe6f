/**
 * One repository's history in one `git log --numstat` process. Output is parsed
 * as it streams; once the walk has gone past the window's start (git lists newest
 * first), the process is stopped, so a repository with twenty years of history
 * costs no more than its window.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Diagnostic } from '../core/result.js';
import { createLogParser, LOG_FORMAT } from './parseLog.js';
import { HARDENED_LOG_OPTIONS, hardenedGit } from './safeGit.js';
import { extractTickets } from './tickets.js';
import type { Commit, RepoHistory } from './types.js';
import { windowStart, type HistoryWindow } from './window.js';

export interface ReadHistoryOptions {
  window: HistoryWindow;
  ticketPattern: RegExp;
}

/** What an incremental read needs besides the history: where the log began and how it was ordered. */
export interface LogRead {
  outcome: RepoHistoryOutcome;
  /** The first commit listed: HEAD. */
  head?: string;
  /** Whether every commit listed was no newer than the one before (git's date order held strictly). */
  monotonic: boolean;
  /** Committer time of the last commit listed (in or out of the window). */
  oldestListed?: number;
  /** Old name → newest name, for every rename seen. */
  renamedTo: Map<string, string>;
}

export interface RepoHistoryOutcome {
  history?: RepoHistory;
  diagnostics: Diagnostic[];
}

/** Commits older than the window seen in a row before the walk stops (git's order is by date, roughly). */
const OUT_OF_WINDOW_SLACK = 50;

let gitProcesses = 0;
/** How many git processes the history pass has started in this process (benchmarks and tests check it). */
export function gitProcessCount(): number {
  return gitProcesses;
}

export async function readRepoHistory(
  repo: string,
  repoDir: string,
  options: ReadHistoryOptions,
): Promise<RepoHistoryOutcome> {
  return (await readLog(repo, repoDir, options)).outcome;
}

/** `after`: list only the commits HEAD has and `after` has not (`after..HEAD`). */
export async function readLog(
  repo: string,
  repoDir: string,
  options: ReadHistoryOptions,
  after?: string,
): Promise<LogRead> {
  const diagnostics: Diagnostic[] = [];
  const shallow = isShallow(repoDir);
  if (shallow) diagnostics.push(shallowClone(repo));
  const commits: Commit[] = [];
  const renamedTo = new Map<string, string>();
  const interned = new Map<string, string>();
  const intern = (p: string) => {
    const known = interned.get(p);
    if (known !== undefined) return known;
    interned.set(p, p);
    return p;
  };
  let newest: number | undefined;
  let since = 0;
  let outside = 0;
  let head: string | undefined;
  let monotonic = true;
  let oldestListed: number | undefined;
  const controller = new AbortController();

  const parser = createLogParser((commit) => {
    if (controller.signal.aborted) return;
    if (newest === undefined) {
      newest = commit.commitTime;
      head = commit.hash;
      since = windowStart(options.window, newest);
    }
    if (oldestListed !== undefined && commit.commitTime > oldestListed) monotonic = false;
    oldestListed = commit.commitTime;
    if (commit.commitTime < since) {
      if (++outside >= OUT_OF_WINDOW_SLACK) controller.abort();
      return;
    }
    outside = 0;
    commit.tickets = extractTickets(commit.message, options.ticketPattern);
    commit.message = firstLine(commit.message);
    // Newest first: a rename seen now maps every older change of the old name to the newest name.
    for (const change of commit.files) {
      const current = renamedTo.get(change.path) ?? change.path;
      if (change.oldPath !== undefined) {
        renamedTo.set(change.oldPath, current);
        change.oldPath = intern(change.oldPath);
      }
      change.path = intern(current);
    }
    commits.push(commit);
  });

  const decoder = new StringDecoder('utf8');
  const git = hardenedGit(repoDir, controller.signal).outputHandler((_command, stdout) => {
    stdout.on('data', (chunk: Buffer) => parser.push(decoder.write(chunk)));
  });
  gitProcesses++;
  try {
    await git.raw([
      'log',
      '--numstat',
      '-M',
      `--format=${LOG_FORMAT}`,
      ...HARDENED_LOG_OPTIONS,
      ...(after ? [`${after}..HEAD`, '--'] : []),
    ]);
    parser.push(decoder.end());
    parser.end();
  } catch (error) {
    if (!controller.signal.aborted) {
      const failure = historyFailure(repo, error);
      // A repository with missing objects (partial or damaged clone) fails part-way: keep what was read.
      if (commits.length === 0 || newest === undefined)
        return { outcome: { diagnostics: [...diagnostics, failure] }, monotonic, renamedTo };
      diagnostics.push({
        ...failure,
        code: 'git-history-incomplete',
        message: `${failure.message}; kept the ${commits.length} commits read before it`,
      });
    }
  }
  if (parser.malformed > 0) {
    diagnostics.push({
      code: 'git-log-unparsed',
      severity: 'warning',
      message: `${parser.malformed} commit records of git log could not be read`,
      repo,
    });
  }
  if (newest === undefined) {
    diagnostics.push({
      code: 'git-no-commits',
      severity: 'info',
      message: 'repository has no commits: no history to read',
      repo,
    });
    return { outcome: { diagnostics }, monotonic, renamedTo };
  }
  return {
    outcome: { history: { repo, commits, newest, since, shallow }, diagnostics },
    ...(head !== undefined ? { head } : {}),
    monotonic,
    ...(oldestListed !== undefined ? { oldestListed } : {}),
    renamedTo,
  };
}

/** Counts a git process the history pass started outside `readLog` (the incremental checks). */
export function countGitProcess(): void {
  gitProcesses++;
}

export function shallowClone(repo: string): Diagnostic {
  return {
    code: 'git-shallow-clone',
    severity: 'warning',
    message:
      'shallow clone: history before the clone depth is missing, so revisions, churn and coupling are undercounted',
    repo,
  };
}

function historyFailure(repo: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /does not have any commits|unknown revision or path not in the working tree|bad default revision/i.test(message)
  ) {
    return { code: 'git-no-commits', severity: 'info', message: 'repository has no commits: no history to read', repo };
  }
  if (/ENOENT/.test(message) && /spawn/i.test(message)) {
    return {
      code: 'git-not-found',
      severity: 'warning',
      message: 'git is not installed or not on PATH: history skipped',
      repo,
    };
  }
  if (/block timeout/i.test(message))
    return {
      code: 'git-history-failed',
      severity: 'warning',
      message: 'git log stopped: no output for too long (a pipe or device inside .git?); history skipped',
      repo,
    };
  const line = message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
  return { code: 'git-history-failed', severity: 'warning', message: `git log failed: ${line.trim()}`, repo };
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

/** `.git/shallow` (or the shallow file of the git dir a `.git` file points to) marks a shallow clone. */
export function isShallow(repoDir: string): boolean {
  const dotGit = path.join(repoDir, '.git');
  try {
    let gitDir = dotGit;
    if (statSync(dotGit).isFile()) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      if (!pointer) return false;
      gitDir = path.resolve(repoDir, pointer[1]!.trim());
    }
    if (existsSync(path.join(gitDir, 'shallow'))) return true;
    const common = path.join(gitDir, 'commondir');
    return (
      existsSync(common) && existsSync(path.join(path.resolve(gitDir, readFileSync(common, 'utf8').trim()), 'shallow'))
    );
  } catch {
    return false;
  }
}
