/**
 * `--since <rev>`: the files changed since a revision, per repository, through
 * the same hardened git as the history pass (the repositories are untrusted).
 * Repositories that do not know the revision contribute nothing: a check on one
 * repository of the estate names that repository's revision.
 */
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { RepoSummary } from '../core/result.js';
import { hardenedGit } from '../history/safeGit.js';

export interface ChangedFiles {
  /** `repo/file` paths changed since the revision (committed, staged, in the work tree, or new). */
  files: Set<string>;
  /** The same, by repository and repo-relative path. */
  changed: { repo: string; file: string }[];
  /** Repositories that know the revision. */
  repos: string[];
}

export async function changedFilesSince(
  root: string,
  repos: readonly Pick<RepoSummary, 'name' | 'path' | 'git'>[],
  revision: string,
): Promise<ChangedFiles> {
  if (revision.startsWith('-') || /\s/.test(revision)) throw new UsageError(`--since: not a git revision: ${revision}`);
  const files = new Set<string>();
  const changedFiles: { repo: string; file: string }[] = [];
  const known: string[] = [];
  for (const repo of repos) {
    if (!repo.git) continue;
    const git = hardenedGit(path.join(root, repo.path));
    const commit = await git.raw(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => '');
    if (commit.trim() === '') continue;
    known.push(repo.name);
    const changed = await git.raw([
      'diff',
      '--no-textconv',
      '--no-ext-diff',
      '--no-color',
      '--name-only',
      '-M',
      commit.trim(),
      '--',
    ]);
    const untracked = await git.raw(['ls-files', '--others', '--exclude-standard']);
    for (const line of `${changed}\n${untracked}`.split('\n')) {
      const file = line.trim();
      if (file === '' || files.has(`${repo.name}/${file}`)) continue;
      files.add(`${repo.name}/${file}`);
      changedFiles.push({ repo: repo.name, file });
    }
  }
  if (known.length === 0) throw new UsageError(`--since: no repository of the estate knows the revision ${revision}`);
  return { files, changed: changedFiles, repos: known };
}
