/**
 * The per-repository half of a scan: discover, extract (through the facts
 * cache), read history. What it gathers is everything the estate-wide half
 * (graph, analyzers) needs, so a shard can gather it for its repositories on
 * one machine and `assess merge` can run the estate-wide half over all of them.
 */
import path from 'node:path';
import type { ScanListener } from '../core/events.js';
import type { RepoModel } from '../core/model.js';
import type { Diagnostic } from '../core/result.js';
import { type FileEntry, type RepoEntry, type WalkOutcome, walkEstate } from '../discover/walk.js';
import { type EstateHistory, type HistorySettings, readEstateHistory } from '../history/index.js';
import { extractAll } from './extractAll.js';
import { closeFactsCache, type ExtractionCaches, openFactsCache } from './factsCachePhase.js';
import { openHistoryCache } from './historyCache.js';

export interface CollectOptions {
  root: string;
  maxFileBytes: number;
  /** Time budget of one file's extraction, in milliseconds. */
  fileBudgetMs?: number;
  workers?: number;
  exclude: readonly string[];
  /** Estate size guards: past them the scan stops after discovery. */
  maxFiles?: number;
  maxRepos?: number;
  /** History settings when a selected analyzer needs history and it was not turned off. */
  history?: HistorySettings;
  cacheDir?: string;
  onEvent?: ScanListener;
  /** Told of each extracted file whose result the facts cache could not keep (the result cache then keeps nothing). */
  onNotCached?: (entry: FileEntry) => void;
  /** Which of the discovered repositories to gather (a shard's); all when undefined. */
  selectRepos?: (repos: readonly RepoEntry[]) => RepoEntry[];
}

export interface EstateFacts {
  /** Absolute scan root. */
  root: string;
  /** Every discovered repository's path, in discovery order (a shard gathers some of them). */
  discovered: string[];
  /** The gathered repositories' files and facts, in discovery order. */
  repos: RepoModel[];
  /** Discovery and extraction diagnostics of the gathered repositories (and of the root, unless filtered). */
  diagnostics: Diagnostic[];
  /** The gathered repositories' history, when it was read. */
  history?: EstateHistory;
}

export type CollectPhase = 'discover' | 'extract';

/** The walk of a scan, before anything is extracted. */
export interface DiscoveredEstate {
  root: string;
  /** When the scan began (ms since the epoch), taken before any file was statted. */
  scanStarted: number;
  walked: WalkOutcome;
}

export function discoverEstate(options: CollectOptions): DiscoveredEstate {
  const root = path.resolve(options.root);
  // Before any file is statted: a file changed since (or just before) is never known by its stat alone.
  const scanStarted = Date.now();
  const walked = walkEstate(root, {
    exclude: options.exclude,
    ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}),
    ...(options.maxRepos !== undefined ? { maxRepos: options.maxRepos } : {}),
  });
  return { root, scanStarted, walked };
}

/** `discovered`: the walk when the caller already made it; `caches`: the caches it already opened. */
export async function collectFacts(
  options: CollectOptions,
  enter: (phase: CollectPhase) => void,
  walk?: DiscoveredEstate,
  caches?: ExtractionCaches,
): Promise<EstateFacts> {
  if (!walk) enter('discover');
  const { root, scanStarted, walked } = walk ?? discoverEstate(options);
  const selected = options.selectRepos ? options.selectRepos(walked.repos) : walked.repos;
  const names = new Set(selected.map((r) => r.name));
  // A shard keeps the diagnostics of its own repositories; those of the root belong to the first shard.
  const ownsRootDiagnostics = !options.selectRepos || selected === walked.repos || ownsRoot(walked.repos, selected);
  const discovered = new Set(walked.repos.map((r) => r.name));
  const walkDiagnostics = walked.diagnostics.filter((d) =>
    d.repo === undefined || !discovered.has(d.repo) ? ownsRootDiagnostics : names.has(d.repo),
  );
  options.onEvent?.({
    type: 'discovered',
    repos: selected.length,
    files: selected.reduce((n, r) => n + r.files.length, 0),
  });

  // git runs in child processes, so the logs are read while this process extracts files.
  const historyCache =
    options.history && options.cacheDir
      ? openHistoryCache(options.cacheDir, options.history, options.onEvent)
      : undefined;
  const pendingHistory = options.history
    ? readEstateHistory(selected, options.history, root, historyCache?.store, historyCache?.onRead)
    : undefined;

  enter('extract');
  const cache =
    caches ?? (options.cacheDir ? openFactsCache(options.cacheDir, root, scanStarted, options.onEvent) : undefined);
  const extracted = await extractAll(selected, {
    maxFileBytes: options.maxFileBytes,
    ...(options.fileBudgetMs !== undefined ? { fileBudgetMs: options.fileBudgetMs } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(cache ? { cache: cache.facts, statIndex: cache.stats } : {}),
    ...(options.onNotCached ? { onNotCached: options.onNotCached } : {}),
  });
  if (cache) closeFactsCache(cache, options.onEvent);
  const history = pendingHistory ? await pendingHistory : undefined;
  historyCache?.close();
  return {
    root,
    discovered: walked.repos.map((r) => r.path),
    repos: extracted.repos,
    diagnostics: [...walkDiagnostics, ...extracted.diagnostics],
    ...(history ? { history } : {}),
  };
}

/** The root's own diagnostics go with the shard holding the first repository (or with an empty estate). */
function ownsRoot(all: readonly RepoEntry[], selected: readonly RepoEntry[]): boolean {
  return all.length === 0 || selected.includes(all[0]!);
}
