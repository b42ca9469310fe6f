import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileEntry } from '../discover/walk.js';
import { extractInWorkers } from './workerPool.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, source: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
}

const files: FileEntry[] = Array.from({ length: 60 }, (_, i) => ({
  repo: 'r',
  path: `src/f${i}.cs`,
  absPath: path.join(dir, `f${i}.cs`),
  size: 1,
  kind: 'csharp',
}));

describe('extractInWorkers', () => {
  it('gives up on workers that cannot start and hands every file back for extraction in this thread', async () => {
    const broken = script('broken.mjs', "throw new Error('cannot start');\n");
    const outcome = await extractInWorkers(files, { maxFileBytes: 1 << 20, workers: 2, script: broken });
    expect(outcome.unfinished).toEqual(files.map((_, i) => i));
    expect(outcome.results.filter(Boolean)).toEqual([]);
  });

  it('retries the rest of a batch whose worker died, and reports only the file it died on', async () => {
    // Answers each file with an empty result, and dies on f30 wherever it comes.
    const dying = script(
      'dying.mjs',
      `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ batch, files }) => {
  if (files.some((f) => f.path === 'src/f30.cs')) process.exit(9);
  parentPort.postMessage({ batch, results: files.map(() => ({ diagnostics: [] })) });
});
`,
    );
    const seen: number[] = [];
    const outcome = await extractInWorkers(files, {
      maxFileBytes: 1 << 20,
      workers: 2,
      script: dying,
      onFile: (done) => seen.push(done),
    });
    expect(outcome.unfinished).toEqual([]);
    expect(seen).toEqual(files.map((_, i) => i + 1));
    const failed = outcome.results.flatMap((r, i) => (r!.diagnostics.length > 0 ? [[i, r!.diagnostics]] : []));
    expect(failed).toEqual([
      [
        30,
        [
          {
            code: 'extract-failed',
            severity: 'error',
            message:
              "extraction failed (csharp extractor): its worker stopped (exit code 9); the file's facts are missing",
            repo: 'r',
            file: 'src/f30.cs',
          },
        ],
      ],
    ]);
  });

  it('terminates a worker stuck on one file past the watchdog limit, reports that file and does the rest', async () => {
    // Marks which file it is on, as the real worker does (workerProgress.ts), and spins for ever on f30.
    const stuck = script(
      'stuck.mjs',
      `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ batch, files, progress }) => {
  for (const [i, f] of files.entries()) {
    Atomics.store(progress, 1, i);
    Atomics.add(progress, 0, 1);
    if (f.path === 'src/f30.cs') for (;;) {}
  }
  parentPort.postMessage({ batch, results: files.map(() => ({ diagnostics: [] })) });
});
`,
    );
    const outcome = await extractInWorkers(files, {
      maxFileBytes: 1 << 20,
      workers: 2,
      script: stuck,
      fileBudgetMs: 50,
    });
    expect(outcome.unfinished).toEqual([]);
    expect(outcome.results.every(Boolean)).toBe(true);
    const reported = outcome.results.flatMap((r, i) => (r!.diagnostics.length > 0 ? [[i, r!.diagnostics]] : []));
    expect(reported).toEqual([
      [
        30,
        [
          {
            code: 'extract-timeout',
            severity: 'error',
            message:
              "extraction stopped (csharp extractor, stopped by the watchdog): over the 50 ms per-file budget (--file-budget); the file's facts are missing",
            repo: 'r',
            file: 'src/f30.cs',
          },
        ],
      ],
    ]);
  });

  it('leaves alone a worker that moves from file to file past the limit, and one still loading its parser', async () => {
    // Busy for longer than the limit (1,050 ms at this budget) before its first file, then 60 ms a file:
    // each batch of 24 takes ~2.5 s, no file ~1 s.
    const slow = script(
      'slow.mjs',
      `import { parentPort } from 'node:worker_threads';
const spin = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ batch, files, progress }) => {
  spin(1200);
  for (const [i] of files.entries()) {
    Atomics.store(progress, 1, i);
    Atomics.add(progress, 0, 1);
    spin(60);
  }
  parentPort.postMessage({ batch, results: files.map(() => ({ diagnostics: [] })) });
});
`,
    );
    const outcome = await extractInWorkers(files.slice(0, 30), {
      maxFileBytes: 1 << 20,
      workers: 2,
      script: slow,
      fileBudgetMs: 50,
    });
    expect(outcome.unfinished).toEqual([]);
    expect(outcome.results.map((r) => r!.diagnostics)).toEqual(files.slice(0, 30).map(() => []));
  });
});
