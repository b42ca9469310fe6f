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
import { internFacts, restoreFacts } from './internedStrings.js';

export const FACTS_CACHE_FOLDER = 'facts-v1';
/** 2: owner types, members, methods and receivers interned per entry (entries of format 1 are foreign, so rewritten). */
const FORMAT = 'assess-facts-2';
/** Entries no scan used for this long are removed. */
export const PRUNE_AFTER_DAYS = 30;

/** What a file's extraction gave, as cached: its diagnostics without repo and file. */
export interface CachedFileResult<Extracted> {
  extracted?: Extracted;
  diagnostics: Omit<Diagnostic, 'repo' | 'file'>[];
}

/** As stored: `extracted.facts` with its repeated strings as indexes into `strings`. */
interface StoredFileResult<Extracted> extends CachedFileResult<Extracted> {
  strings?: string[];
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
  private readonly store: EntryStore<StoredFileResult<Extracted>>;

  constructor(
    cacheDir: string,
    private readonly onIgnored?: (file: string, reason: string) => void,
  ) {
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
    if (!this.restored(parts, cached)) return undefined;
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
    const interned = factsOf(result.extracted) !== undefined ? internFacts(factsOf(result.extracted)) : undefined;
    const extracted =
      interned && interned.strings.length > 0 ? { ...result.extracted, facts: interned.facts } : result.extracted;
    this.store.set(factsKey(parts), {
      ...(extracted !== undefined ? { extracted: extracted as Extracted } : {}),
      diagnostics: result.diagnostics.map(({ repo: _repo, file: _file, ...rest }) => rest),
      ...(interned && interned.strings.length > 0 ? { strings: interned.strings } : {}),
    });
  }

  /** Puts the interned strings back; a bad table or index makes the entry untrusted (a miss). */
  private restored(parts: FactsKeyParts, cached: StoredFileResult<Extracted>): boolean {
    if (restoreFacts(factsOf(cached.extracted), cached.strings ?? [])) return true;
    this.store.stats.hits--;
    this.store.stats.misses++;
    this.store.stats.ignored++;
    this.onIgnored?.(parts.path, 'interned string table does not match the entry');
    return false;
  }

  prune(now?: number): number {
    return this.store.prune(PRUNE_AFTER_DAYS, now);
  }
}

function factsOf(extracted: unknown): unknown {
  return typeof extracted === 'object' && extracted !== null ? (extracted as { facts?: unknown }).facts : undefined;
}
