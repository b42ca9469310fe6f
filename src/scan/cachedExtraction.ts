/**
 * Extraction through the facts cache: every file is hashed — or, when its stat
 * is the one recorded with its hash (the stat index), not even read — the
 * cached facts of unchanged files are taken as they are, and only the misses go
 * to the extractors (the worker pool). A result is cached only when it is
 * clean — never a file whose extraction failed (a dying worker, an injected
 * test fault) or whose content changed between hashing and extraction.
 */
import { lstatSync, type Stats } from 'node:fs';
import type { FactsCache, FactsKeyParts } from '../cache/factsCache.js';
import type { StatIndex } from '../cache/statIndex.js';
import { readRegularFile } from '../core/regularFile.js';
import type { FileEntry } from '../discover/walk.js';
import { extractorVersion } from '../extract/extractorVersions.js';
import { injectedFault } from '../extract/faultInjection.js';
import { contentHashOf, type ExtractedFacts, type FileResult } from '../extract/processFile.js';

export type ExtractionCache = FactsCache<ExtractedFacts>;

export interface ThroughCacheOptions {
  /** Content hashes known from each file's stat; every file is read and hashed without it. */
  stats?: StatIndex;
  /** Told of each extracted file whose result could not be cached (failed, or changed while read). */
  onNotCached?: (entry: FileEntry) => void;
}

/** Extracts `entries` (in input order) with `extract` for the files the cache does not hold. */
export async function extractThroughCache(
  entries: readonly FileEntry[],
  cache: ExtractionCache,
  maxFileBytes: number,
  extract: (misses: readonly FileEntry[], onMissDone: (done: number) => void) => Promise<FileResult[]>,
  progress: (done: number) => void,
  options: ThroughCacheOptions = {},
): Promise<FileResult[]> {
  const { stats, onNotCached } = options;
  const results: (FileResult | undefined)[] = new Array(entries.length);
  const keys: (FactsKeyParts | undefined)[] = new Array(entries.length);
  const misses: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    keys[i] = keyOf(entry, maxFileBytes, stats);
    const cached = keys[i] && cache.get(keys[i]!, { repo: entry.repo, file: entry.path });
    if (cached) results[i] = cached;
    else misses.push(i);
  }
  const hits = entries.length - misses.length;
  if (hits > 0) progress(hits);

  const extracted = await extract(
    misses.map((i) => entries[i]!),
    (done) => progress(hits + done),
  );
  misses.forEach((index, k) => {
    const result = extracted[k]!;
    results[index] = result;
    const key = keys[index];
    if (key && isCacheable(entries[index]!, result, key)) cache.set(key, result);
    else onNotCached?.(entries[index]!);
  });
  return results as FileResult[];
}

/** The key of a file's facts, or undefined when it cannot be read here (the extractor reports why). */
function keyOf(entry: FileEntry, maxFileBytes: number, stats: StatIndex | undefined): FactsKeyParts | undefined {
  if (entry.size > maxFileBytes) return undefined;
  const contentHash = contentHashOfEntry(entry, maxFileBytes, stats);
  if (contentHash === undefined) return undefined;
  return { contentHash, extractor: extractorVersion(entry.kind), path: entry.path, maxFileBytes };
}

/** sha256 of the file's bytes (through the stat index when given); undefined when unreadable or past the cap. */
export function contentHashOfEntry(entry: FileEntry, maxFileBytes: number, stats?: StatIndex): string | undefined {
  if (entry.size > maxFileBytes) return undefined;
  return stats ? hashThroughStat(entry, maxFileBytes, stats) : hashOfFile(entry, maxFileBytes);
}

function hashOfFile(entry: FileEntry, maxFileBytes: number): string | undefined {
  try {
    return contentHashOf(readRegularFile(entry.absPath, maxFileBytes));
  } catch {
    return undefined; // gone, replaced by a link or past the cap: reading it for extraction says why
  }
}

/** The recorded hash when the file's stat is unchanged; else the file is hashed and its stat recorded. */
function hashThroughStat(entry: FileEntry, maxFileBytes: number, stats: StatIndex): string | undefined {
  const stat = statOf(entry.absPath);
  if (!stat?.isFile()) return hashOfFile(entry, maxFileBytes);
  const known = stat.size <= maxFileBytes ? stats.hashOf(entry.repo, entry.path, stat) : undefined;
  if (known !== undefined) return known;
  const hash = hashOfFile(entry, maxFileBytes);
  if (hash !== undefined) stats.record(entry.repo, entry.path, stat, hash);
  return hash;
}

function statOf(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined; // gone or unreadable: reading it says why
  }
}

function isCacheable(entry: FileEntry, result: FileResult, key: FactsKeyParts): boolean {
  // The bytes extracted must be the bytes hashed: a file edited mid-scan is extracted again next time.
  if (result.contentHash !== key.contentHash) return false;
  if (injectedFault(entry) !== undefined) return false;
  return !result.diagnostics.some((d) => d.code === 'extract-failed' || d.code === 'unreadable-file');
}
