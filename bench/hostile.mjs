#!/usr/bin/env node
/**
 * Peak memory and time of a scan of the hostile estate (fixtures/hostile/build.mjs):
 * history on, WORKERS extraction threads, a file-size cap of CAP (default 64MB, so
 * the 5 MB minified file and the 50 MB statement are read rather than skipped).
 * Prints wall time, peak RSS of this process (its worker threads included) and
 * what the scan reported; not a test, its figures go in the notes.
 * `node bench/hostile.mjs [cap] [workers]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHostileEstate } from '../fixtures/hostile/build.mjs';
import { parseSize } from '../dist/src/config/schema.js';
import { runScan } from '../dist/src/scan/runScan.js';

const args = process.argv.slice(2);
if (args[0] === '--scan') await scanAndReport(args[1], args[2], args[3]);
else {
  const [cap = '64MB', workers = '2'] = args;
  // The scan runs in a child process of its own, so its peak RSS is not the builder's.
  const work = mkdtempSync(path.join(tmpdir(), 'assess-bench-hostile-'));
  try {
    const built = buildHostileEstate(work);
    console.log(`hostile estate: ${built.cases.length} cases (${built.cases.join(', ')})`);
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--scan', built.root, cap, workers], {
      stdio: 'inherit',
    });
    console.log(`markers written: ${readdirSync(built.markers).length}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function scanAndReport(root, cap, workers) {
  const started = performance.now();
  const result = await runScan({
    root,
    maxFileBytes: parseSize(cap),
    workers: Number(workers),
    exclude: [],
    analyzerOptions: {},
    packages: {
      offline: true,
      cacheDir: path.join(root, '..', 'cache'),
      registryTimeoutMs: 1000,
      env: {},
      homeDir: root,
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const byCode = new Map();
  for (const d of result.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  console.log(
    `scan: ${result.stats.repos} repos, ${result.stats.files} files; cap ${cap}, ${workers} workers, history on`,
  );
  console.log(
    `wall ${seconds.toFixed(2)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (worker threads included)`,
  );
  console.log(`diagnostics: ${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')}`);
}
