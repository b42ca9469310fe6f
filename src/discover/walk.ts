/**
 * Walks the scan root once: finds the repositories (folders with `.git`, or bare
 * folders of code) and their files, honouring `.gitignore` and skipping build
 * output. Symlinks are never followed, so loops and links out of the root cannot
 * be entered; each one is reported.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { ScanLimitError } from '../core/errors.js';
import type { Diagnostic } from '../core/result.js';
import type { FileKind } from '../core/fileKinds.js';
import { classifyFile } from './classify.js';
import { isIgnored, makeIgnoreLayer, type IgnoreLayer } from './ignoreRules.js';
import { isBuildOutputDir } from './buildOutput.js';

export interface RepoEntry {
  /** Display name and id part: path from the root with `/`, or the root's own name. */
  name: string;
  /** Path relative to the scan root, `.` for the root. */
  path: string;
  absPath: string;
  git: boolean;
  files: FileEntry[];
}

export interface FileEntry {
  repo: string;
  /** Repo-relative path with `/`. */
  path: string;
  absPath: string;
  size: number;
  kind: FileKind;
}

export interface WalkOptions {
  /** Extra gitignore-style patterns, relative to each repository root. */
  exclude?: readonly string[];
  /** The walk stops with a `ScanLimitError` as soon as it finds more than this many files to scan. */
  maxFiles?: number;
  /** As `maxFiles`, for repositories. */
  maxRepos?: number;
}

export interface WalkOutcome {
  repos: RepoEntry[];
  diagnostics: Diagnostic[];
}

/** A folder entry whose name is known to be valid UTF-8. */
type Entry = Dirent<string>;

/** The repository being walked, or the estate area above repositories (no entry). */
interface Scope {
  entry?: RepoEntry;
  /** Folder that ignore patterns and relative paths are relative to. */
  baseAbs: string;
  ignores: IgnoreLayer[];
}

export function walkEstate(root: string, options: WalkOptions = {}): WalkOutcome {
  const absRoot = path.resolve(root);
  const diagnostics: Diagnostic[] = [];
  const gitRepos: RepoEntry[] = [];
  // Files found outside any git repository, keyed by their top-level folder ('' = root).
  const looseByTopDir = new Map<string, FileEntry[]>();
  const excludes = (options.exclude ?? []).join('\n');
  let fileCount = 0;
  const countFile = () => {
    if (options.maxFiles !== undefined && ++fileCount > options.maxFiles)
      throw new ScanLimitError(
        `more than ${options.maxFiles} files to scan under ${absRoot} (--max-files); nothing was extracted. Raise the limit, or narrow the scan with --exclude or a smaller root`,
      );
  };
  const checkRepos = (count: number) => {
    if (options.maxRepos !== undefined && count > options.maxRepos)
      throw new ScanLimitError(
        `more than ${options.maxRepos} repositories under ${absRoot} (--max-repos); nothing was extracted. Raise the limit, or scan a smaller root`,
      );
  };

  const newScope = (baseAbs: string, entry?: RepoEntry): Scope => ({
    entry,
    baseAbs,
    ignores: excludes ? [makeIgnoreLayer('', excludes)] : [],
  });
  const startRepo = (absDir: string): Scope => {
    const rel = toPosix(path.relative(absRoot, absDir)) || '.';
    const name = rel === '.' ? path.basename(absRoot) : rel;
    return newScope(absDir, { name, path: rel, absPath: absDir, git: true, files: [] });
  };

  const visit = (absDir: string, scope: Scope): void => {
    const entries = readEntries(absDir, diagnostics, scope, absRoot);
    if (!entries) return;
    if (entries.some((e) => e.name === '.git')) {
      scope = startRepo(absDir);
      gitRepos.push(scope.entry!);
      checkRepos(gitRepos.length);
    }
    const repo = scope.entry;
    const relDir = toPosix(path.relative(scope.baseAbs, absDir));
    // Only a regular .gitignore is read: a link could lead out of the root, a FIFO or device never end.
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) addGitignore(scope, absDir, relDir, diagnostics);

    for (const dirent of entries) {
      const absPath = path.join(absDir, dirent.name);
      const relPath = relDir ? `${relDir}/${dirent.name}` : dirent.name;
      if (dirent.isSymbolicLink()) {
        diagnostics.push({
          code: 'symlink-skipped',
          severity: 'info',
          message: 'symbolic link not followed',
          ...where(scope, relPath),
        });
        continue;
      }
      if (dirent.isDirectory()) {
        if (dirent.name === '.git') continue;
        if (isBuildOutputDir(absDir, dirent.name, entries)) continue;
        if (isIgnored(scope.ignores, `${relPath}/`)) continue;
        visit(absPath, scope);
        continue;
      }
      const kind = classifyFile(dirent.name);
      if (!kind) continue;
      if (isIgnored(scope.ignores, relPath)) continue;
      if (!dirent.isFile()) {
        // A FIFO would block its reader forever, a device never end: named like code, they are reported, not opened.
        diagnostics.push({
          code: 'special-file-skipped',
          severity: 'warning',
          message: 'not a regular file (a FIFO, socket or device); not read',
          ...where(scope, relPath),
        });
        continue;
      }
      countFile();
      const size = fileSize(absPath);
      if (repo) {
        repo.files.push({ repo: repo.name, path: relPath, absPath, size, kind });
      } else {
        const rootRel = toPosix(path.relative(absRoot, absPath));
        const slash = rootRel.indexOf('/');
        const top = slash < 0 ? '' : rootRel.slice(0, slash);
        const list = looseByTopDir.get(top) ?? [];
        list.push({ repo: '', path: rootRel, absPath, size, kind });
        looseByTopDir.set(top, list);
      }
    }
    if (relDir !== '') popGitignore(scope, relDir);
  };

  visit(absRoot, newScope(absRoot));
  const repos = [...gitRepos, ...bareRepos(absRoot, gitRepos.length > 0, looseByTopDir, diagnostics)];
  checkRepos(repos.length);
  repos.sort((a, b) => compare(a.name, b.name));
  for (const repo of repos) repo.files.sort((a, b) => compare(a.path, b.path));
  return { repos, diagnostics };
}

/**
 * Code outside any git repository: the whole root is one repository when no git
 * repository exists; otherwise each top-level folder of loose code is one.
 */
function bareRepos(
  absRoot: string,
  hasGitRepos: boolean,
  looseByTopDir: Map<string, FileEntry[]>,
  diagnostics: Diagnostic[],
): RepoEntry[] {
  if (!hasGitRepos) {
    const files = [...looseByTopDir.values()].flat();
    const name = path.basename(absRoot);
    if (files.length === 0) return [{ name, path: '.', absPath: absRoot, git: false, files: [] }];
    return [{ name, path: '.', absPath: absRoot, git: false, files: files.map((f) => ({ ...f, repo: name })) }];
  }
  const repos: RepoEntry[] = [];
  for (const [top, files] of looseByTopDir) {
    if (top === '') {
      for (const file of files) {
        diagnostics.push({
          code: 'outside-repository',
          severity: 'info',
          message: 'file lies at the estate root, outside any repository; not scanned',
          file: file.path,
        });
      }
      continue;
    }
    const absPath = path.join(absRoot, top);
    const prefix = `${top}/`;
    repos.push({
      name: top,
      path: top,
      absPath,
      git: false,
      files: files.map((f) => ({ ...f, repo: top, path: f.path.slice(prefix.length) })),
    });
  }
  return repos;
}

function readEntries(absDir: string, diagnostics: Diagnostic[], scope: Scope, absRoot: string): Entry[] | undefined {
  try {
    // Names as bytes: a name that is not UTF-8 would come back with U+FFFD and name no file.
    const raw = readdirSync(absDir, { withFileTypes: true, encoding: 'buffer' });
    const entries: Entry[] = [];
    for (const dirent of raw) {
      const name = dirent.name.toString('utf8');
      if (!isUtf8(dirent.name)) {
        const base = scope.entry ? scope.baseAbs : absRoot;
        diagnostics.push({
          code: 'file-name-not-utf8',
          severity: 'warning',
          message: `${dirent.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (shown with replacement characters); skipped`,
          ...where(scope, toPosix(path.relative(base, path.join(absDir, name)))),
        });
        continue;
      }
      entries.push(Object.assign(dirent, { name }) as unknown as Entry);
    }
    return entries.sort((a, b) => compare(a.name, b.name));
  } catch (error) {
    const base = scope.entry ? scope.baseAbs : absRoot;
    diagnostics.push({
      code: 'unreadable-directory',
      severity: 'warning',
      message: `directory could not be read: ${errorCode(error)}`,
      ...where(scope, toPosix(path.relative(base, absDir))),
    });
    return undefined;
  }
}

function addGitignore(scope: Scope, absDir: string, relDir: string, diagnostics: Diagnostic[]): void {
  let patterns: string;
  try {
    patterns = readFileSync(path.join(absDir, '.gitignore'), 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') {
      diagnostics.push({
        code: 'unreadable-gitignore',
        severity: 'warning',
        message: `.gitignore could not be read: ${errorCode(error)}`,
        ...where(scope, relDir ? `${relDir}/.gitignore` : '.gitignore'),
      });
    }
    return;
  }
  scope.ignores.push(makeIgnoreLayer(relDir, patterns));
}

function popGitignore(scope: Scope, relDir: string): void {
  const last = scope.ignores[scope.ignores.length - 1];
  if (last && last.base === relDir) scope.ignores.pop();
}

/** Diagnostic location: repo-relative inside a repository, root-relative above them. */
function where(scope: Scope, relPath: string): { repo?: string; file: string } {
  return scope.entry ? { repo: scope.entry.name, file: relPath } : { file: relPath };
}

function fileSize(absPath: string): number {
  try {
    return statSync(absPath).size;
  } catch {
    return -1; // read later reports the real error
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
