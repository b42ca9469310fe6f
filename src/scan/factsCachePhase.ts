/** Opening and closing the facts cache and the stat index around extraction; what they did goes out as debug events. */
import { FactsCache, PRUNE_AFTER_DAYS } from '../cache/factsCache.js';
import { StatIndex } from '../cache/statIndex.js';
import type { ScanListener } from '../core/events.js';
import type { ExtractionCache } from './cachedExtraction.js';

export interface ExtractionCaches {
  facts: ExtractionCache;
  stats: StatIndex;
}

/** `root`: the scan root (it scopes the stat index); `scanStarted`: ms since the epoch, before the walk. */
export function openFactsCache(
  cacheDir: string,
  root: string,
  scanStarted: number,
  onEvent?: ScanListener,
): ExtractionCaches {
  const ignored = (what: string) => (file: string, reason: string) =>
    onEvent?.({ type: 'debug', message: `${what}: ignored ${file}: ${reason}; it will be rewritten` });
  return {
    facts: new FactsCache(cacheDir, ignored('facts cache')),
    stats: new StatIndex(cacheDir, root, scanStarted, ignored('stat index')),
  };
}

export function closeFactsCache(caches: ExtractionCaches, onEvent?: ScanListener): void {
  caches.stats.close();
  const pruned = caches.facts.prune();
  const prunedStats = caches.stats.prune(PRUNE_AFTER_DAYS);
  const { hits, misses, ignored, writes, failedWrites } = caches.facts.stats;
  onEvent?.({
    type: 'debug',
    message: `facts cache: ${hits} hits, ${misses} misses (${ignored} ignored), ${writes} written, ${failedWrites} failed writes, ${pruned} pruned`,
  });
  const { byStat, hashed } = caches.stats.counts;
  onEvent?.({
    type: 'debug',
    message: `stat index: ${byStat} files known by their stat, ${hashed} read and hashed, ${caches.stats.stats.writes} repositories written, ${prunedStats} pruned`,
  });
}
