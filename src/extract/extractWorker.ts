/**
 * Worker thread: extracts the batches of files the pool sends, one at a time,
 * and answers with their results in the same order.
 */
import { parentPort } from 'node:worker_threads';
import type { FileEntry } from '../discover/walk.js';
import { loadParsers, processFile, yieldToEventLoop, type FileResult } from './processFile.js';
import type { Parsers } from './extractFile.js';

export interface WorkerRequest {
  batch: number;
  files: FileEntry[];
  maxFileBytes: number;
}

export interface WorkerResponse {
  batch: number;
  results: FileResult[];
}

let parsers: Parsers = {};

parentPort?.on('message', (request: WorkerRequest) => {
  void handle(request);
});

async function handle(request: WorkerRequest): Promise<void> {
  const missing = request.files.filter(
    (f) => (f.kind === 'csharp' && !parsers.csharp) || (f.kind === 'tsconfig' && !parsers.typescript),
  );
  if (missing.length > 0) parsers = { ...parsers, ...(await loadParsers(missing)) };
  const results: FileResult[] = [];
  for (const file of request.files) {
    results.push(processFile(file, request.maxFileBytes, parsers));
    if (file.kind === 'csharp') await yieldToEventLoop();
  }
  parentPort!.postMessage({ batch: request.batch, results } satisfies WorkerResponse);
}
