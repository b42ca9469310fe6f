/**
 * Reads and extracts every discovered file once — in worker threads when the
 * estate is large enough to pay for them. Files that cannot be read, or whose
 * extraction fails, become diagnostics; the scan always goes on.
 */
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../core/result.js';
import type { ExtractedFile, RepoModel } from '../core/model.js';
import type { FileEntry, RepoEntry } from '../discover/walk.js';
import type { ScanListener } from '../core/events.js';
import type { FileKind } from '../core/fileKinds.js';
import { loadParsers, processFile, yieldToEventLoop, type FileResult } from '../extract/processFile.js';
import { extractInWorkers, workerScript } from '../extract/workerPool.js';
import type { StatIndex } from '../cache/statIndex.js';
import { type ExtractionCache, extractThroughCache } from './cachedExtraction.js';
import { DEFAULT_FILE_BUDGET_MS } from '../extract/fileBudget.js';

export interface ExtractAllOptions {
  maxFileBytes: number;
  /** Per-file time budget in milliseconds (fileBudget.ts). */
  fileBudgetMs?: number;
  /** Worker threads; 1 extracts in this thread. Default: one per core, at most 8. */
  workers?: number;
  onEvent?: ScanListener;
  /** The facts cache: only files it does not hold are extracted. */
  cache?: ExtractionCache;
  /** With the cache: content hashes known from each file's stat, so unchanged files are not read. */
  statIndex?: StatIndex;
  /** Told of each extracted file whose result the cache could not keep. */
  onNotCached?: (entry: FileEntry) => void;
}

/** Below this many files, starting workers (each loads tree-sitter) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

export async function extractAll(
  repos: readonly RepoEntry[],
  options: ExtractAllOptions,
): Promise<{ repos: RepoModel[]; diagnostics: Diagnostic[] }> {
  const entries = repos.flatMap((r) => r.files);
  const progress = (done: number) =>
    options.onEvent?.({ type: 'file-done', repo: entries[done - 1]?.repo ?? '', done, total: entries.length });
  // The main thread only waits while workers extract, so one worker per core.
  const workers = options.workers ?? Math.min(8, availableParallelism());
  const script = workerScript();
  const limits = { maxFileBytes: options.maxFileBytes, fileBudgetMs: options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS };
  const extract = (files: readonly FileEntry[], onDone: (done: number) => void) =>
    script && workers > 1 && files.length >= MIN_FILES_FOR_WORKERS
      ? extractBesideWorkers(files, { ...limits, workers, script }, onDone)
      : extractInThisThread(files, limits, onDone);
  const results = options.cache
    ? await extractThroughCache(entries, options.cache, options.maxFileBytes, extract, progress, {
        ...(options.statIndex ? { stats: options.statIndex } : {}),
        ...(options.onNotCached ? { onNotCached: options.onNotCached } : {}),
      })
    : await extract(entries, progress);

  const diagnostics: Diagnostic[] = [];
  const models: RepoModel[] = [];
  let index = 0;
  for (const repo of repos) {
    const files: ExtractedFile[] = [];
    for (const entry of repo.files) {
      const result = results[index++]!;
      diagnostics.push(...result.diagnostics);
      if (result.extracted) files.push({ repo: repo.name, path: entry.path, kind: entry.kind, ...result.extracted });
    }
    models.push({ name: repo.name, path: repo.path, git: repo.git, files });
  }
  return { repos: models, diagnostics };
}

/**
 * tsconfig files are read with TypeScript, which the graph stage loads in this thread anyway: they
 * are extracted here while the workers parse, so no worker spends its start loading the compiler.
 */
const THIS_THREAD_KINDS: ReadonlySet<FileKind> = new Set(['tsconfig']);

async function extractBesideWorkers(
  entries: readonly FileEntry[],
  pool: FileLimits & { workers: number; script: URL },
  progress: (done: number) => void,
): Promise<FileResult[]> {
  const here: number[] = [];
  const there: number[] = [];
  for (const [i, entry] of entries.entries()) (THIS_THREAD_KINDS.has(entry.kind) ? here : there).push(i);
  let doneHere = 0;
  let doneThere = 0;
  // Started first: the workers boot and parse while this thread reads its share.
  const inWorkers = extractWithWorkers(
    there.map((i) => entries[i]!),
    pool,
    (n) => {
      doneThere = n;
      progress(doneHere + doneThere);
    },
  );
  const own = await extractInThisThread(
    here.map((i) => entries[i]!),
    pool,
    (n) => {
      doneHere = n;
      progress(doneHere + doneThere);
    },
  );
  const theirs = await inWorkers;
  const results = new Array<FileResult>(entries.length);
  here.forEach((index, k) => {
    results[index] = own[k]!;
  });
  there.forEach((index, k) => {
    results[index] = theirs[k]!;
  });
  return results;
}

/** In workers; what they could not do (they kept dying) is done in this thread, so no file is dropped. */
async function extractWithWorkers(
  entries: readonly FileEntry[],
  pool: FileLimits & { workers: number; script: URL },
  progress: (done: number) => void,
): Promise<FileResult[]> {
  const outcome = await extractInWorkers(entries, { ...pool, onFile: progress });
  if (outcome.unfinished.length === 0) return outcome.results as FileResult[];
  const done = entries.length - outcome.unfinished.length;
  const rest = await extractInThisThread(
    outcome.unfinished.map((i) => entries[i]!),
    pool,
    (n) => progress(done + n),
  );
  outcome.unfinished.forEach((index, k) => {
    outcome.results[index] = rest[k]!;
  });
  return outcome.results as FileResult[];
}

interface FileLimits {
  maxFileBytes: number;
  fileBudgetMs: number;
}

/** No watchdog here: a parser that never asks the budget cannot be stopped in this thread. */
async function extractInThisThread(
  entries: readonly FileEntry[],
  limits: FileLimits,
  progress: (done: number) => void,
): Promise<FileResult[]> {
  const parsers = await loadParsers(entries);
  const results: FileResult[] = [];
  for (const entry of entries) {
    results.push(processFile(entry, limits.maxFileBytes, parsers, limits.fileBudgetMs));
    progress(results.length);
    if (entry.kind === 'csharp') await yieldToEventLoop();
  }
  return results;
}
