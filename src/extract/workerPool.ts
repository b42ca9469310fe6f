/**
 * Extraction across worker threads: files go out in small batches to whichever
 * worker is free, results come back by batch and are kept in input order, so
 * the output does not depend on scheduling.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileEntry } from '../discover/walk.js';
import type { FileResult } from './processFile.js';
import type { WorkerRequest, WorkerResponse } from './extractWorker.js';

const BATCH_SIZE = 24;

/** The compiled worker script; absent when running from TypeScript sources (tests). */
export function workerScript(): URL | undefined {
  const url = new URL('./extractWorker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}

export async function extractInWorkers(
  files: readonly FileEntry[],
  options: { maxFileBytes: number; workers: number; script: URL; onFile?: (index: number) => void },
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const batches: { start: number; files: FileEntry[] }[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE)
    batches.push({ start, files: files.slice(start, start + BATCH_SIZE) });
  let next = 0;
  let completed = 0;

  const workers = Array.from({ length: Math.min(options.workers, batches.length) }, () => new Worker(options.script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const batch = next++;
              worker.postMessage({
                batch,
                files: batches[batch]!.files,
                maxFileBytes: options.maxFileBytes,
              } satisfies WorkerRequest);
            };
            worker.on('message', (response: WorkerResponse) => {
              const { start } = batches[response.batch]!;
              response.results.forEach((result, i) => {
                results[start + i] = result;
                options.onFile?.(++completed);
              });
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`extraction worker exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
