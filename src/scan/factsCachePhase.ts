/** Opening and closing the facts cache around extraction; what it did goes out as debug events. */
import { FactsCache } from '../cache/factsCache.js';
import type { ScanListener } from '../core/events.js';
import type { ExtractionCache } from './cachedExtraction.js';

export function openFactsCache(cacheDir: string, onEvent?: ScanListener): ExtractionCache {
  return new FactsCache(cacheDir, (file, reason) =>
    onEvent?.({ type: 'debug', message: `facts cache: ignored ${file}: ${reason}; it will be rewritten` }),
  );
}

export function closeFactsCache(cache: ExtractionCache, onEvent?: ScanListener): void {
  const pruned = cache.prune();
  const { hits, misses, ignored, writes, failedWrites } = cache.stats;
  onEvent?.({
    type: 'debug',
    message: `facts cache: ${hits} hits, ${misses} misses (${ignored} ignored), ${writes} written, ${failedWrites} failed writes, ${pruned} pruned`,
  });
}
