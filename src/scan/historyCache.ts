/**
 * The cache of each repository's history (`<cache dir>/history-v1/`), keyed by
 * the repository's folder and the options that change what is read (window,
 * ticket pattern); the HEAD it was read at is inside the entry, so a scan after
 * new commits reads only those (src/history/incremental.ts).
 */
import path from 'node:path';
import { EntryStore } from '../cache/entryStore.js';
import type { ScanListener } from '../core/events.js';
import type { CachedRepoHistory, HistoryReadKind, HistorySettings, HistoryStore } from '../history/index.js';

/** Bump when what the history reader keeps of a commit changes. */
const FORMAT = 'assess-history-1';

export function openHistoryCache(
  cacheDir: string,
  settings: HistorySettings,
  onEvent?: ScanListener,
): { store: HistoryStore; onRead: (repo: string, read: HistoryReadKind) => void; close(): void } {
  const entries = new EntryStore<CachedRepoHistory>({
    dir: path.join(cacheDir, 'history-v1'),
    format: FORMAT,
    onIgnored: (file, reason) =>
      onEvent?.({ type: 'debug', message: `history cache: ignored ${file}: ${reason}; it will be rewritten` }),
  });
  const options = JSON.stringify({ window: settings.window, ticketPattern: settings.ticketPattern });
  const keyOf = (repoDir: string) => `${repoDir}\n${options}`;
  const reads: Record<HistoryReadKind, number> = { cached: 0, incremental: 0, full: 0 };
  return {
    store: {
      get: (repoDir) => {
        const value = entries.get(keyOf(repoDir));
        return value && typeof value.head === 'string' && Array.isArray(value.history?.commits) ? value : undefined;
      },
      set: (repoDir, value) => entries.set(keyOf(repoDir), value),
    },
    onRead: (_repo, read) => {
      reads[read]++;
    },
    close: () => {
      const pruned = entries.prune(30);
      onEvent?.({
        type: 'debug',
        message: `history cache: ${reads.cached} unchanged, ${reads.incremental} read since the cached HEAD, ${reads.full} read in full, ${pruned} pruned`,
      });
    },
  };
}
