/**
 * The on-disk cache of per-file facts (`<cache dir>/facts-v1/`). An entry is
 * keyed by everything that decides a file's extraction: the sha256 of its
 * content, the extractor version of its kind, its repo-relative path (JS facts
 * and diagnostics name it) and the options that change facts (the size cap).
 * The repository's name is not part of the key: diagnostics are stored without
 * it and given the current one on read, so moving a repository keeps its entries.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/result.js';
import { EntryStore, type EntryStoreStats } from './entryStore.js';

export const FACTS_CACHE_FOLDER = 'facts-v1';
const FORMAT = 'assess-facts-1';
/** Entries no scan used for this long are removed. */
export const PRUNE_AFTER_DAYS = 30;

/** What a file's extraction gave, as cached: its diagnostics without repo and file. */
export interface CachedFileResult<Extracted> {
  extracted?: Extracted;
  diagnostics: Omit<Diagnostic, 'repo' | 'file'>[];
}

export interface FactsKeyParts {
  /** sha256 (hex) of the file's bytes. */
  contentHash: string;
  /** `extractorVersion(kind)`. */
  extractor: string;
  /** Repo-relative path with `/`. */
  path: string;
  maxFileBytes: number;
}

export function factsKey(parts: FactsKeyParts): string {
  return `${parts.extractor}\n${parts.maxFileBytes}\n${parts.path}\n${parts.contentHash}`;
}

export class FactsCache<Extracted> {
  private readonly store: EntryStore<CachedFileResult<Extracted>>;

  constructor(cacheDir: string, onIgnored?: (file: string, reason: string) => void) {
    this.store = new EntryStore({
      dir: path.join(cacheDir, FACTS_CACHE_FOLDER),
      format: FORMAT,
      ...(onIgnored ? { onIgnored } : {}),
    });
  }

  get stats(): EntryStoreStats {
    return this.store.stats;
  }

  /** The cached result, its diagnostics naming `at` again; undefined on a miss. */
  get(
    parts: FactsKeyParts,
    at: { repo: string; file: string },
  ): { extracted?: Extracted; diagnostics: Diagnostic[] } | undefined {
    const cached = this.store.get(factsKey(parts));
    if (!cached || !Array.isArray(cached.diagnostics)) return undefined;
    return {
      ...(cached.extracted !== undefined ? { extracted: cached.extracted } : {}),
      // Fields in the order a fresh extraction writes them, so the JSON result is byte-identical.
      diagnostics: cached.diagnostics.map(({ code, severity, message, ...rest }) => ({
        code,
        severity,
        message,
        ...at,
        ...rest,
      })),
    };
  }

  set(parts: FactsKeyParts, result: { extracted?: Extracted; diagnostics: readonly Diagnostic[] }): void {
    this.store.set(factsKey(parts), {
      ...(result.extracted !== undefined ? { extracted: result.extracted } : {}),
      diagnostics: result.diagnostics.map(({ repo: _repo, file: _file, ...rest }) => rest),
    });
  }

  prune(now?: number): number {
    return this.store.prune(PRUNE_AFTER_DAYS, now);
  }
}
