import { describe, expect, it } from 'vitest';
import { compileTicketPattern, DEFAULT_TICKET_PATTERN, extractTickets } from './tickets.js';
import { linkChanges, type RepoCommit } from './linkChanges.js';
import type { Commit } from './types.js';

const jira = compileTicketPattern(DEFAULT_TICKET_PATTERN);

describe('extractTickets', () => {
  it('finds Jira-style keys anywhere in the message, unique and sorted', () => {
    expect(extractTickets('HAR-12: retry SMS\n\nAlso fixes har-3 and HAR-12, see OPS-7', jira)).toEqual([
      'HAR-12',
      'OPS-7',
    ]);
  });

  it('ignores standards and encodings that look like keys', () => {
    expect(extractTickets('Convert files to UTF-8, hash with SHA-256, ISO-8601 dates', jira)).toEqual([]);
  });

  it('finds #123 only with a pattern that asks for it', () => {
    expect(extractTickets('Fix login (#123)', jira)).toEqual([]);
    expect(extractTickets('Fix login (#123)', compileTicketPattern(`${DEFAULT_TICKET_PATTERN}|#\\d+`))).toEqual([
      '#123',
    ]);
  });
});

let hashes = 0;
function commit(repo: string, email: string, minutes: number, tickets: string[] = []): RepoCommit {
  const c: Commit = {
    hash: String(++hashes).padStart(40, '0'),
    parentCount: 1,
    author: email,
    email,
    authorTime: 1_700_000_000 + minutes * 60,
    commitTime: 1_700_000_000 + minutes * 60,
    message: '',
    tickets,
    files: [],
  };
  return { repo, commit: c };
}

describe('linkChanges', () => {
  it('joins commits of different repositories that share a ticket key', () => {
    const commits = [
      commit('mono', 'a@x', 0, ['HAR-1']),
      commit('svc', 'b@x', 5000, ['HAR-1']),
      commit('svc', 'b@x', 9000, ['HAR-2']),
    ];
    const changes = linkChanges(commits, 0);
    expect(changes.map((c) => c.commits.map((m) => m.repo))).toEqual([['mono', 'svc'], ['svc']]);
    expect(changes[0]).toMatchObject({ tickets: ['HAR-1'], byAuthor: false });
  });

  it('joins one author’s commits in different repositories within the window, without chaining', () => {
    const commits = [
      commit('mono', 'a@x', 0),
      commit('svc', 'a@x', 30),
      commit('mono', 'a@x', 70),
      commit('svc', 'a@x', 125),
    ];
    const changes = linkChanges(commits, 3600);
    expect(changes.map((c) => c.commits.length)).toEqual([2, 2]);
    expect(changes.every((c) => c.byAuthor)).toBe(true);
  });

  it('leaves commits alone when nothing links them', () => {
    const commits = [commit('mono', 'a@x', 0), commit('svc', 'b@x', 1), commit('mono', 'a@x', 2)];
    expect(linkChanges(commits, 3600).map((c) => c.commits.length)).toEqual([1, 1, 1]);
    expect(linkChanges([commit('mono', 'a@x', 0), commit('svc', 'a@x', 10)], 0)).toHaveLength(2);
  });
});
