/** What the history pass reads from git, per repository, before any analysis. */

export interface FileChange {
  /** Repo-relative path with `/`; after `followRenames`, the file's newest name. */
  path: string;
  /** Set when git detected a rename in this commit. */
  oldPath?: string;
  /** Lines added/deleted; undefined for binary files (`-\t-` in numstat). */
  added?: number;
  deleted?: number;
}

export interface Commit {
  hash: string;
  parentCount: number;
  author: string;
  /** Lower-cased e-mail (after .mailmap): identifies the author. */
  email: string;
  /** Author time, Unix seconds. */
  authorTime: number;
  /** Committer time, Unix seconds: the time window is applied to it, as `git log --since` does. */
  commitTime: number;
  /** The message's first line (the parser hands over the whole message; the reader keeps the subject). */
  message: string;
  /** Ticket keys found anywhere in the message, upper-cased, sorted, unique. */
  tickets: string[];
  files: FileChange[];
}

export interface RepoHistory {
  repo: string;
  /** Non-merge and merge commits inside the window, newest first, paths renamed to their newest names. */
  commits: Commit[];
  /** Committer time of the newest commit (HEAD), Unix seconds. */
  newest: number;
  /** Start of the window, Unix seconds (inclusive). */
  since: number;
  shallow: boolean;
}
