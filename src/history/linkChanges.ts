/**
 * Logical changes across repositories: commits that carry the same ticket key,
 * or that one author made in different repositories within a short window, are
 * one piece of work. Author windows do not chain: a window opens at an author's
 * commit and closes `window` seconds later, so a day of steady commits does not
 * melt into one change.
 */
import type { Commit } from './types.js';

export interface RepoCommit {
  repo: string;
  commit: Commit;
}

export interface LogicalChange {
  commits: RepoCommit[];
  /** Ticket keys of its commits, sorted. */
  tickets: string[];
  /** Whether an author window joined commits of different repositories into it. */
  byAuthor: boolean;
}

export function linkChanges(commits: readonly RepoCommit[], authorWindowSeconds: number): LogicalChange[] {
  const parent = commits.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const firstWithTicket = new Map<string, number>();
  commits.forEach(({ commit }, i) => {
    for (const ticket of commit.tickets) {
      const first = firstWithTicket.get(ticket);
      if (first === undefined) firstWithTicket.set(ticket, i);
      else union(first, i);
    }
  });

  const joinedByAuthor = new Set<number>();
  if (authorWindowSeconds > 0) {
    for (const session of authorSessions(commits, authorWindowSeconds)) {
      if (new Set(session.map((i) => commits[i]!.repo)).size < 2) continue;
      for (const i of session) {
        union(session[0]!, i);
        joinedByAuthor.add(i);
      }
    }
  }

  const groups = new Map<number, number[]>();
  commits.forEach((_, i) => {
    const root = find(i);
    const members = groups.get(root) ?? [];
    members.push(i);
    groups.set(root, members);
  });
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => ({
      commits: members.map((i) => commits[i]!),
      tickets: [...new Set(members.flatMap((i) => commits[i]!.commit.tickets))].sort(),
      byAuthor: members.some((i) => joinedByAuthor.has(i)),
    }));
}

/** Per author, commits in time order cut into windows that open at their first commit. */
function authorSessions(commits: readonly RepoCommit[], windowSeconds: number): number[][] {
  const byAuthor = new Map<string, number[]>();
  commits.forEach(({ commit }, i) => {
    const list = byAuthor.get(commit.email) ?? [];
    list.push(i);
    byAuthor.set(commit.email, list);
  });
  const sessions: number[][] = [];
  for (const email of [...byAuthor.keys()].sort()) {
    const ordered = byAuthor
      .get(email)!
      .sort((a, b) => commits[a]!.commit.authorTime - commits[b]!.commit.authorTime || a - b);
    let session: number[] = [];
    for (const i of ordered) {
      if (
        session.length > 0 &&
        commits[i]!.commit.authorTime - commits[session[0]!]!.commit.authorTime > windowSeconds
      ) {
        sessions.push(session);
        session = [];
      }
      session.push(i);
    }
    if (session.length > 0) sessions.push(session);
  }
  return sessions;
}
