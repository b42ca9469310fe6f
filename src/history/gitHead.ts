/**
 * A repository's HEAD commit read from its own files, without starting git: a
 * warm scan checks every repository's HEAD against the cached one, and a git
 * process per repository cost more than the rest of that check. Only the plain
 * layout is read — `.git` a folder of this repository, HEAD a branch whose ref
 * is a loose file or a `packed-refs` line, or a detached commit id. Anything
 * else (a `.git` file, a worktree, reftable, a symbolic link, a FIFO, a ref
 * that names another ref) gives undefined and the caller asks git, so this
 * never answers where git might answer differently. Nothing is followed out of
 * the folder and nothing is executed.
 */
import { lstatSync } from 'node:fs';
import { readRegularFile } from '../core/regularFile.js';
import path from 'node:path';

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** HEAD and loose refs are one line; more is not a file git wrote. */
const MAX_REF_BYTES = 4096;
/** packed-refs holds every tag and branch; past this, git is asked instead. */
const MAX_PACKED_REFS_BYTES = 32 * 1024 * 1024;

export function readHeadFromFiles(repoDir: string): string | undefined {
  const gitDir = path.join(repoDir, '.git');
  if (!isPlainFolder(gitDir)) return undefined;
  // A worktree's refs live elsewhere; reftable keeps refs in a binary table.
  if (exists(path.join(gitDir, 'commondir')) || exists(path.join(gitDir, 'reftable'))) return undefined;
  const config = smallRegularFile(path.join(gitDir, 'config'), MAX_PACKED_REFS_BYTES);
  if (config === undefined || /refstorage/i.test(config)) return undefined;
  const head = smallRegularFile(path.join(gitDir, 'HEAD'), MAX_REF_BYTES)?.trim();
  if (head === undefined) return undefined;
  if (SHA.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref || !isSafeRefName(ref)) return undefined;
  return looseRef(gitDir, ref) ?? packedRef(gitDir, ref);
}

/** The loose ref's commit; undefined when it is absent or not a plain commit id. */
function looseRef(gitDir: string, ref: string): string | undefined {
  const parts = ref.split('/');
  let dir = gitDir;
  // Every folder on the way must be a real folder: a linked `refs/heads` could point anywhere.
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    if (!isPlainFolder(dir)) return undefined;
  }
  const text = smallRegularFile(path.join(dir, parts.at(-1)!), MAX_REF_BYTES)?.trim();
  return text !== undefined && SHA.test(text) ? text : undefined;
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const text = smallRegularFile(path.join(gitDir, 'packed-refs'), MAX_PACKED_REFS_BYTES);
  if (text === undefined) return undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space < 0 || line.slice(space + 1).trimEnd() !== ref) continue;
    const sha = line.slice(0, space);
    return SHA.test(sha) ? sha : undefined;
  }
  return undefined;
}

/** git's own rules, narrowed: no `..`, no empty or dot-led component, no `.lock`, nothing outside printable ASCII. */
function isSafeRefName(ref: string): boolean {
  if (!/^[\x21-\x7e]+$/.test(ref) || /[\\:?*[~^]/.test(ref) || ref.includes('..') || ref.includes('@{')) return false;
  return ref.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

function isPlainFolder(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * A regular file's text, opened without following a link and without blocking
 * (a FIFO planted as a ref would block a plain read for ever); undefined for
 * anything else, a missing file or one larger than `maxBytes`.
 */
function smallRegularFile(file: string, maxBytes: number): string | undefined {
  try {
    return readRegularFile(file, maxBytes).toString('utf8');
  } catch {
    return undefined;
  }
}
