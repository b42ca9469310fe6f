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
    if (!stat.isFile() && !stat.isDirectory()) return refuse('.git is not a file or folder; history skipped');
    if (stat.isFile()) {
      const text = smallFile(dotGit);
      if (text === SPECIAL) return refuse('.git is too large for a gitdir pointer; history skipped');
      const pointer = /^gitdir:\s*(.+)$/m.exec(text ?? '');
      if (!pointer) return { ok: true }; // git itself reports the malformed file
      gitDir = path.resolve(repoDir, pointer[1]!.trim());
      if (!inside(gitDir)) return refuse('.git names a git folder outside the scan root; history skipped');
    }
  } catch {
    return { ok: true }; // unreadable: git reports it
  }
  // Read by this check and by every git command: a FIFO or device here would block either for ever.
  const files = {
    commondir: path.join(gitDir, 'commondir'),
    alternates: path.join(gitDir, 'objects', 'info', 'alternates'),
    config: path.join(gitDir, 'config'),
    HEAD: path.join(gitDir, 'HEAD'),
  };
  const texts: Partial<Record<keyof typeof files, string>> = {};
  for (const [name, file] of Object.entries(files) as [keyof typeof files, string][]) {
    const text = smallFile(file);
    if (text === SPECIAL)
      return refuse(`${name} is not a small regular file (a link, FIFO or device?); history skipped`);
    if (text !== undefined) texts[name] = text;
  }
  if (lines(texts.commondir).some((line) => !inside(path.resolve(gitDir, line))))
    return refuse('commondir names a repository outside the scan root; history skipped');
  const objects = path.join(gitDir, 'objects');
  if (lines(texts.alternates).some((line) => !inside(path.resolve(objects, line))))
    return refuse('objects/info/alternates names object stores outside the scan root; history skipped');
  if (includedConfigs(texts.config).some((file) => !inside(path.resolve(gitDir, file))))
    return refuse('its git config includes a file outside the scan root; history skipped');
  return { ok: true };
}

/** `path` values of the config's `[include]` and `[includeIf …]` sections (`~/` paths are outside by definition). */
function includedConfigs(config: string | undefined): string[] {
  const paths: string[] = [];
  let including = false;
  for (const line of lines(config)) {
    const section = /^\[\s*([A-Za-z]+)/.exec(line);
    if (section) including = /^include(?:if)?$/i.test(section[1]!);
    const value = including ? /^path\s*=\s*"?([^"]*)"?$/i.exec(line) : null;
    if (value) paths.push(value[1]!.startsWith('~') ? '/' : value[1]!);
  }
  return paths;
}

/** Non-empty, non-comment lines. */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const SPECIAL = Symbol('not a small regular file');
/** Git's own small files are far below this; more is a file made to exhaust memory. */
const MAX_GIT_FILE_BYTES = 1024 * 1024;

/** A small regular file's text; undefined when missing; SPECIAL for a link, FIFO, device or an oversized file. */
function smallFile(file: string): string | undefined | typeof SPECIAL {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile() || stat.size > MAX_GIT_FILE_BYTES) return SPECIAL;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
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
