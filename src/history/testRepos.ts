/** Test support: small real git repositories with scripted, dated commits. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ScriptedCommit {
  date: string;
  author?: string;
  message: string;
  /** Path → new content; `null` deletes. */
  write?: Record<string, string | null>;
  rename?: [string, string][];
}

export function git(
  dir: string,
  args: readonly string[],
  date = '2024-01-01T00:00:00Z',
  author = 'Ada <ada@example.com>',
): string {
  const [, name = 'Ada', email = 'ada@example.com'] = /^(.*?)\s*<(.*)>$/.exec(author) ?? [];
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

export function scriptedRepo(dir: string, commits: readonly ScriptedCommit[]): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  for (const c of commits) {
    for (const [from, to] of c.rename ?? []) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      git(dir, ['mv', from, to]);
    }
    for (const [file, content] of Object.entries(c.write ?? {})) {
      if (content === null) git(dir, ['rm', '--quiet', file]);
      else {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      }
    }
    git(dir, ['add', '--all']);
    git(dir, ['commit', '--quiet', '--allow-empty', '-m', c.message], c.date, c.author);
  }
  return dir;
}

/** `n` numbered lines, so edits produce predictable numstat figures. */
export function lines(n: number, prefix = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}
