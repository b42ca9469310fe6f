/**
 * The last whole result of a scan (`<cache dir>/result-v1/`), one entry per
 * scan root and options (the slot), holding the hash of every input it was made
 * from. A scan whose inputs hash the same is served the stored result; any
 * other overwrites the slot, so the folder holds one result per root and
 * options, not one per change. What the inputs are is the caller's
 * (src/scan/resultKey.ts); this module only keeps and compares.
 */
import path from 'node:path';
import type { ScanResult } from '../core/result.js';
import { EntryStore, type EntryStoreStats } from './entryStore.js';

export const RESULT_CACHE_FOLDER = 'result-v1';
const FORMAT = 'assess-result-1';

export interface StoredResult {
  /** sha256 (hex) of every input of the scan. */
  inputs: string;
  result: ScanResult;
  /** The registry answers the result used, to be checked again before it is served. */
  registry?: { usages: unknown[]; fingerprint: string };
}

export class ResultCache {
  private readonly store: EntryStore<StoredResult>;

  constructor(cacheDir: string, onIgnored?: (file: string, reason: string) => void) {
    this.store = new EntryStore({
      dir: path.join(cacheDir, RESULT_CACHE_FOLDER),
      format: FORMAT,
      ...(onIgnored ? { onIgnored } : {}),
    });
  }

  get stats(): EntryStoreStats {
    return this.store.stats;
  }

  /** The stored result when its inputs are `inputs`; undefined otherwise (other inputs, absent, damaged). */
  get(slot: string, inputs: string): StoredResult | undefined {
    const stored = this.store.get(slot);
    if (!stored || stored.inputs !== inputs || !isResult(stored.result)) return undefined;
    if (stored.registry && (!Array.isArray(stored.registry.usages) || typeof stored.registry.fingerprint !== 'string'))
      return undefined;
    return stored;
  }

  set(slot: string, stored: StoredResult): void {
    this.store.set(slot, stored);
  }

  prune(maxAgeDays: number, now?: number): number {
    return this.store.prune(maxAgeDays, now);
  }
}

function isResult(value: unknown): value is ScanResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Partial<Record<keyof ScanResult, unknown>>;
  return (
    typeof result.schemaVersion !== 'undefined' &&
    typeof result.generatedAt === 'string' &&
    typeof result.stats === 'object' &&
    result.stats !== null &&
    Array.isArray(result.findings) &&
    Array.isArray(result.diagnostics)
  );
}
