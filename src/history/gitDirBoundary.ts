/**
 * Where a repository's git data really lives, and whether reading it stays inside
 * the scan root. A `.git` that is a symlink, a `.git` file (`gitdir:`), a
 * worktree's `commondir` and `objects/info/alternates` can each send git to
 * another repository on the machine, whose commits would then be reported as this
 * one's; an `[include]` in its config makes git read any file as configuration.
 * Git follows all of them and has no switch to stop it, so they are checked
 * before git is started.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/result.js';

export type GitDirVerdict = { ok: true } | { ok: false; diagnostic: Diagnostic };

export function checkGitDirBoundary(repo: string, repoDir: string, absRoot: string): GitDirVerdict {
  const refuse = (message: string): GitDirVerdict => ({
    ok: false,
    diagnostic: { code: 'git-dir-outside-root', severity: 'warning', message, repo, file: '.git' },
  });
  const root = realOrSelf(absRoot);
  const inside = (p: string) => {
    const real = realOrSelf(p);
    return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  };
  const dotGit = path.join(repoDir, '.git');
  let gitDir = dotGit;
  try {
    const stat = lstatSync(dotGit);
    if (stat.isSymbolicLink()) return refuse('.git is a symbolic link; not followed, history skipped');
    if (stat.isFile()) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      if (!pointer) return { ok: true }; // git itself reports the malformed file
      gitDir = path.resolve(repoDir, pointer[1]!.trim());
      if (!inside(gitDir)) return refuse('.git names a git folder outside the scan root; history skipped');
    }
  } catch {
    return { ok: true }; // unreadable: git reports it
  }
  const common = readLines(path.join(gitDir, 'commondir'));
  if (common.some((line) => !inside(path.resolve(gitDir, line))))
    return refuse('commondir names a repository outside the scan root; history skipped');
  const objects = path.join(gitDir, 'objects');
  const alternates = readLines(path.join(objects, 'info', 'alternates'));
  if (alternates.some((line) => !inside(path.resolve(objects, line))))
    return refuse('objects/info/alternates names object stores outside the scan root; history skipped');
  if (includedConfigs(path.join(gitDir, 'config')).some((file) => !inside(path.resolve(gitDir, file))))
    return refuse('its git config includes a file outside the scan root; history skipped');
  return { ok: true };
}

/** `path` values of the config's `[include]` and `[includeIf …]` sections (`~/` paths are outside by definition). */
function includedConfigs(configFile: string): string[] {
  const paths: string[] = [];
  let including = false;
  for (const line of readLines(configFile)) {
    const section = /^\[\s*([A-Za-z]+)/.exec(line);
    if (section) including = /^include(?:if)?$/i.test(section[1]!);
    const value = including ? /^path\s*=\s*"?([^"]*)"?$/i.exec(line) : null;
    if (value) paths.push(value[1]!.startsWith('~') ? '/' : value[1]!);
  }
  return paths;
}

/** Non-empty, non-comment lines of a small text file; none when it is missing. */
function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  } catch {
    return [];
  }
}

/** The real path, resolving symlinks; a missing path resolves as far as it exists. */
function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realOrSelf(parent), path.basename(p));
  }
}
