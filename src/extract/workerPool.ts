/**
 * Extraction across worker threads: files go out in small batches to whichever
 * worker is free, results come back by batch and are kept in input order, so
 * the output does not depend on scheduling.
 *
 * A worker failure never aborts the scan. A batch that fails as a whole — its
 * worker threw, died, or answered `failure` — is split and its files retried one
 * by one, so only the file that fails on its own becomes an `extract-failed`
 * diagnostic, and a dead worker is replaced. If workers keep dying without any
 * batch getting done (the worker cannot even start), they are given up on and
 * the files still to do are returned for extraction in the calling thread —
 * the same extraction `--jobs 1` does, so nothing is dropped.
 *
 * A watchdog covers what the per-file budget's own checks cannot stop (a parser
 * stuck in a loop that never asks the budget): the worker marks in shared memory
 * which file it is on, and one that stays on it past the watchdog's limit is terminated and
 * replaced; that file becomes an `extract-timeout` diagnostic and the rest of
 * its batch is done again.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describeError } from '../core/errors.js';
import type { FileEntry } from '../discover/walk.js';
import type { WorkerRequest, WorkerResponse } from './extractWorker.js';
import { PROGRESS, progressBuffer } from './workerProgress.js';
import { extractFailed, type FileResult } from './processFile.js';
import { DEFAULT_FILE_BUDGET_MS, extractTimeout } from './fileBudget.js';

const BATCH_SIZE = 24;
/** Worker deaths in a row, with no batch done in between, after which workers are given up on. */
const MAX_DEATHS_WITHOUT_PROGRESS = 4;

/** The compiled worker script; absent when running from TypeScript sources (tests). */
export function workerScript(): URL | undefined {
  const url = new URL('./extractWorker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * How long a worker may stay on one file: the budget's own checks stop a parse
 * at the budget, so this is a backstop, with room for a slow machine.
 */
export function watchdogLimitMs(budgetMs: number): number {
  return budgetMs + Math.max(budgetMs, 1000);
}

export interface PoolOutcome {
  /** By input index; undefined for the files listed in `unfinished`. */
  results: (FileResult | undefined)[];
  /** Input indices the workers did not get to because they were given up on, ascending. */
  unfinished: number[];
}

interface Task {
  id: number;
  indices: number[];
}

export async function extractInWorkers(
  files: readonly FileEntry[],
  options: {
    maxFileBytes: number;
    workers: number;
    script: URL | string;
    fileBudgetMs?: number;
    onFile?: (done: number) => void;
  },
): Promise<PoolOutcome> {
  const budgetMs = options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
  const limitMs = watchdogLimitMs(budgetMs);
  // A stuck file is stopped between the limit and a quarter of it later.
  const checkEveryMs = Math.max(10, Math.min(1000, Math.floor(limitMs / 4)));
  const results: (FileResult | undefined)[] = new Array(files.length);
  let taskIds = 0;
  const batches: Task[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const indices = Array.from({ length: Math.min(BATCH_SIZE, files.length - start) }, (_, k) => start + k);
    batches.push({ id: taskIds++, indices });
  }
  let nextBatch = 0;
  const retries: Task[] = []; // a stack: popped before new batches
  let completed = 0;
  let deathsInARow = 0;
  let abandoned = false;

  const hasWork = () => retries.length > 0 || nextBatch < batches.length;
  const take = (): Task | undefined => retries.pop() ?? (nextBatch < batches.length ? batches[nextBatch++] : undefined);
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    options.onFile?.(++completed);
  };
  const failTask = (task: Task, reason: string) => {
    if (task.indices.length === 1) {
      const index = task.indices[0]!;
      finish(index, { diagnostics: [extractFailed(files[index]!, reason)] });
      return;
    }
    for (let k = task.indices.length - 1; k >= 0; k--) retries.push({ id: taskIds++, indices: [task.indices[k]!] });
  };

  await new Promise<void>((resolve) => {
    let live = 0;
    const startWorker = () => {
      live++;
      const worker = new Worker(options.script);
      let current: Task | undefined;
      let crash: string | undefined;
      // A worker that dies before it is ready failed to start: no file is to blame for that.
      let ready = false;
      // What the worker marked (extractWorker.ts) and when the watchdog last saw it change.
      const progress = progressBuffer();
      let startedAtSend = 0;
      let seenStarted = 0;
      let seenAt = 0;
      const sendNext = () => {
        current = abandoned ? undefined : take();
        if (!current) {
          void worker.terminate();
          return;
        }
        startedAtSend = seenStarted = Atomics.load(progress, PROGRESS.started);
        seenAt = Date.now();
        worker.postMessage({
          batch: current.id,
          files: current.indices.map((i) => files[i]!),
          maxFileBytes: options.maxFileBytes,
          fileBudgetMs: budgetMs,
          progress,
        } satisfies WorkerRequest);
      };
      // Only once the worker is on a file of its batch (loading a parser is no file's doing).
      const watchdog = setInterval(() => {
        const task = current;
        if (!task) return;
        const started = Atomics.load(progress, PROGRESS.started);
        if (started !== seenStarted) {
          seenStarted = started;
          seenAt = Date.now();
          return;
        }
        if (started === startedAtSend || Date.now() - seenAt < limitMs) return;
        current = undefined; // this worker's exit is the watchdog's doing, not a death to retry
        const at = Atomics.load(progress, PROGRESS.index);
        const stuck = task.indices[at]!;
        finish(stuck, { diagnostics: [extractTimeout(files[stuck]!, budgetMs, 'stopped by the watchdog')] });
        const rest = task.indices.filter((i) => i !== stuck);
        if (rest.length > 0) retries.push({ id: taskIds++, indices: rest });
        void worker.terminate();
      }, checkEveryMs);
      worker.on('message', (response: WorkerResponse) => {
        if ('ready' in response) {
          ready = true;
          return;
        }
        const task = current;
        if (!task || response.batch !== task.id) return;
        if ('failure' in response) failTask(task, `its worker could not extract the batch: ${response.failure}`);
        else {
          deathsInARow = 0;
          for (const [k, result] of response.results.entries()) finish(task.indices[k]!, result);
        }
        sendNext();
      });
      worker.on('error', (error) => {
        crash = describeError(error);
      });
      worker.on('exit', (code) => {
        clearInterval(watchdog);
        live--;
        const task = current;
        current = undefined;
        if (task) {
          deathsInARow++;
          if (ready) failTask(task, `its worker stopped (${crash ?? `exit code ${code}`})`);
          else retries.push(task);
          if (deathsInARow >= MAX_DEATHS_WITHOUT_PROGRESS) abandoned = true;
        }
        if (!abandoned && hasWork()) startWorker();
        if (live === 0) resolve();
      });
      sendNext();
    };
    const count = Math.min(options.workers, batches.length);
    for (let i = 0; i < count; i++) startWorker();
    if (count === 0) resolve();
  });

  const unfinished: number[] = [];
  for (let i = 0; i < files.length; i++) if (results[i] === undefined) unfinished.push(i);
  return { results, unfinished };
}
