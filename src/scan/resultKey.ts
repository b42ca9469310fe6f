/**
 * Every input of a scan's result, hashed, before anything is extracted: the
 * tool's own code (toolFingerprint.ts), the options, the scan's day (analyzers
 * judge ages and end-of-life dates by it), every repository and file found (its
 * path, kind, size and content hash, through the stat index), the walk's
 * diagnostics and, when history is read, each repository's HEAD, shallow state,
 * `.mailmap` and git-folder verdict. Registry answers are not known before the
 * graph is built; the result cache checks them again before serving
 * (resultCachePhase.ts). Where an input cannot be pinned down — a HEAD that only
 * git can read, an option that is not plain data — there is no key and the scan
 * runs in full.
 */
import { createHash, type Hash } from 'node:crypto';
import { readRegularFile } from '../core/regularFile.js';
import path from 'node:path';
import type { StatIndex } from '../cache/statIndex.js';
import { checkGitDirBoundary } from '../history/gitDirBoundary.js';
import { readHeadFromFiles } from '../history/gitHead.js';
import { isShallow } from '../history/readRepoHistory.js';
import type { RepoEntry } from '../discover/walk.js';
import { contentHashOfEntry } from './cachedExtraction.js';
import type { DiscoveredEstate } from './collectFacts.js';
import { toolFingerprint } from './toolFingerprint.js';

export interface ResultKeyInputs {
  /** Every option that changes the result, as plain data (see `canonical`). */
  options: unknown;
  maxFileBytes: number;
  /** Whether history is read (then each repository's git state is an input). */
  readsHistory: boolean;
  /** The scan's day, `YYYY-MM-DD` (UTC). */
  day: string;
  /** Why this scan has no key although its options are plain data. */
  refuse?: string;
}

export interface ResultKey {
  /** Where the result lives: root and options. */
  slot: string;
  /** sha256 of every input. */
  inputs: string;
  /** The HEADs read for the key (of the repositories whose history is read), to check no commit landed meanwhile. */
  heads: readonly { repo: RepoEntry; head: string }[];
}

export class NoResultKey extends Error {}

/** The key, or the reason there is none. */
export function resultKeyOf(
  given: ResultKeyInputs,
  discovered: DiscoveredEstate,
  stats: StatIndex,
): ResultKey | NoResultKey {
  if (given.refuse) return new NoResultKey(given.refuse);
  let options: string;
  try {
    options = canonical(given.options);
  } catch (error) {
    return error instanceof NoResultKey ? error : new NoResultKey(String(error));
  }
  const slot = `${discovered.root}\n${options}`;
  const hash = createHash('sha256');
  hash.update(`${toolFingerprint()}\n${given.day}\n${slot}\n`);
  hash.update(`${JSON.stringify(discovered.walked.diagnostics)}\n`);
  for (const repo of discovered.walked.repos) {
    hash.update(`repo\0${repo.name}\0${repo.path}\0${repo.git}\n`);
    for (const file of repo.files) {
      const content = contentHashOfEntry(file, given.maxFileBytes, stats) ?? '-';
      hash.update(`${file.path}\0${file.kind}\0${file.size}\0${content}\n`);
    }
  }
  const heads = given.readsHistory ? gitStates(discovered, hash) : [];
  if (heads instanceof NoResultKey) return heads;
  return { slot, inputs: hash.digest('hex'), heads };
}

/** Whether every HEAD read for the key is still where it was. */
export function headsUnmoved(key: ResultKey): boolean {
  return key.heads.every(({ repo, head }) => readHeadFromFiles(repo.absPath) === head);
}

function gitStates(discovered: DiscoveredEstate, hash: Hash): ResultKey['heads'] | NoResultKey {
  const heads: { repo: RepoEntry; head: string }[] = [];
  for (const repo of discovered.walked.repos.filter((r) => r.git)) {
    const verdict = checkGitDirBoundary(repo.name, repo.absPath, discovered.root);
    hash.update(`git\0${repo.name}\0${JSON.stringify(verdict)}\n`);
    if (!verdict.ok) continue;
    const head = readHeadFromFiles(repo.absPath);
    if (head === undefined) return new NoResultKey(`the HEAD of ${repo.name} can only be read by git`);
    const mailmap = regularFileHash(path.join(repo.absPath, '.mailmap'));
    if (mailmap === SPECIAL) return new NoResultKey(`the .mailmap of ${repo.name} is not a regular file`);
    hash.update(`${head}\0${isShallow(repo.absPath)}\0${mailmap ?? '-'}\n`);
    heads.push({ repo, head });
  }
  return heads;
}

/**
 * JSON with sorted keys of plain data only: a RegExp is its source and flags, a
 * Date its ISO time; anything else that is not plain data (a function, a Map, a
 * class instance) has no faithful text, so there is no key.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NoResultKey(`option value ${value} is not plain data`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (value instanceof RegExp)
    return `{"$regexp":${JSON.stringify(value.source)},"flags":${JSON.stringify(value.flags)}}`;
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  throw new NoResultKey(`an option is not plain data (${typeof value})`);
}

const SPECIAL = Symbol('not a regular file');
const MAX_MAILMAP_BYTES = 4 * 1024 * 1024;

/** sha256 of a regular file; undefined when absent; SPECIAL for a link, FIFO, device or an oversized file. */
function regularFileHash(file: string): string | undefined | typeof SPECIAL {
  try {
    return createHash('sha256').update(readRegularFile(file, MAX_MAILMAP_BYTES)).digest('hex');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : SPECIAL;
  }
}
