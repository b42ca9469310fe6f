/**
 * Worker thread: extracts the batches of files the pool sends, one at a time,
 * and answers with their results in the same order. A batch that fails as a
 * whole is answered with `failure`; a result that cannot be cloned back is
 * replaced by that file's `extract-failed` diagnostic, so one file never costs
 * the others their results.
 */
import { parentPort } from 'node:worker_threads';
import { describeError } from '../core/errors.js';
import type { FileEntry } from '../discover/walk.js';
import type { Parsers } from './extractFile.js';
import { injectedFault, spinForever } from './faultInjection.js';
import { markStarted } from './workerProgress.js';
import { extractFailed, type FileResult, loadParsers, processFile, yieldToEventLoop } from './processFile.js';

export interface WorkerRequest {
  batch: number;
  files: FileEntry[];
  maxFileBytes: number;
  fileBudgetMs: number;
  /** Shared with the pool's watchdog (workerProgress.ts). */
  progress: Int32Array;
}

export type WorkerResponse =
  | { ready: true }
  | { batch: number; results: FileResult[] }
  | { batch: number; failure: string };

let parsers: Parsers = {};

// Loaded: from here on, a death of this worker is the doing of the file it was on.
parentPort?.postMessage({ ready: true } satisfies WorkerResponse);

parentPort?.on('message', (request: WorkerRequest) => {
  void handle(request).then(
    (results) => send(request, results),
    (error: unknown) => parentPort!.postMessage({ batch: request.batch, failure: describeError(error) }),
  );
});

async function handle(request: WorkerRequest): Promise<FileResult[]> {
  const missing = request.files.filter(
    (f) => (f.kind === 'csharp' && !parsers.csharp) || (f.kind === 'tsconfig' && !parsers.typescript),
  );
  if (missing.length > 0) parsers = { ...parsers, ...(await loadParsers(missing)) };
  const results: FileResult[] = [];
  for (const [index, file] of request.files.entries()) {
    markStarted(request.progress, index);
    await injectWorkerFault(file);
    results.push(processFile(file, request.maxFileBytes, parsers, request.fileBudgetMs));
    if (file.kind === 'csharp') await yieldToEventLoop();
  }
  return results;
}

function send(request: WorkerRequest, results: FileResult[]): void {
  try {
    parentPort!.postMessage({ batch: request.batch, results } satisfies WorkerResponse);
  } catch (error) {
    // Only now, on the rare failure, find which results cannot cross the thread boundary.
    const reason = `its result could not be sent back from the worker (${describeError(error)})`;
    const sendable = results.map((result, i) =>
      isCloneable(result) ? result : failedResult(request.files[i]!, reason),
    );
    parentPort!.postMessage({ batch: request.batch, results: sendable } satisfies WorkerResponse);
  }
}

function isCloneable(result: FileResult): boolean {
  try {
    structuredClone(result);
    return true;
  } catch {
    return false;
  }
}

function failedResult(entry: FileEntry, reason: string): FileResult {
  return { diagnostics: [extractFailed(entry, reason)] };
}

/** Test-only faults that take the whole worker down (see faultInjection.ts). */
async function injectWorkerFault(file: FileEntry): Promise<void> {
  const fault = injectedFault(file);
  if (fault === 'exit') process.exit(70);
  if (fault === 'hang') spinForever();
  if (fault === 'uncaught')
    await new Promise<never>(() =>
      setImmediate(() => {
        throw new Error('injected uncaught worker error (ASSESS_TEST_EXTRACT_FAULT)');
      }),
    );
}
