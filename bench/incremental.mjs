#!/usr/bin/env node
/**
 * Incremental scan benchmark: on a generated estate, one cold scan (empty facts
 * cache), warm scans with nothing changed, and warm scans after 1% of the files
 * changed (a different 1% each run), each in a fresh process; prints median wall
 * time and peak RSS of each, the cache's size on disk, whether the warm results
 * equal the cold one (timings aside), and the issue's targets beside them.
 * History is off (the generated repositories have no commits).
 *
 *   npm run build && node bench/incremental.mjs [repos] [projects] [files] [runs]
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  // One scan in this fresh process: `--child <root> <cacheDir|-> <out.json>`.
  const [root, cacheDir, out] = process.argv.slice(3);
  const { runScan } = await import('../dist/src/scan/runScan.js');
  const { renderJson } = await import('../dist/src/report/json.js');
  const started = performance.now();
  const result = await runScan({
    root,
    maxFileBytes: 4 * 1024 * 1024,
    exclude: [],
    analyzerOptions: {},
    history: false,
    ...(cacheDir !== '-' ? { cacheDir } : {}),
  });
  const ms = performance.now() - started;
  writeFileSync(out, renderJson(result));
  process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { generateEstate } = await import('./generate.mjs');
const [repos = 40, projects = 3, files = 30, runs = 3] = process.argv.slice(2).map(Number);
const work = mkdtempSync(path.join(tmpdir(), 'assess-bench-incremental-'));
const estate = path.join(work, 'estate');
const cache = path.join(work, 'cache');
const size = generateEstate(estate, { repos, projects, files });
console.log(
  `estate: ${repos} repos × ${projects} projects × ${files} files = ${size.files} C# files, ${size.lines} lines`,
);

const scan = (name, cacheDir = cache) => {
  const out = path.join(work, `${name}.json`);
  const stats = JSON.parse(
    execFileSync(process.execPath, [here, '--child', estate, cacheDir, out], { encoding: 'utf8' }),
  );
  return {
    ...stats,
    json: readFileSync(out, 'utf8')
      .replace(/"elapsedMs": \d+/, '')
      .replace(/"generatedAt": "[^"]*"/, ''),
  };
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (label, samples, target) =>
  console.log(
    `${label.padEnd(26)} ${(median(samples.map((s) => s.ms)) / 1000).toFixed(2).padStart(7)} s  ${median(
      samples.map((s) => s.rssMiB),
    )
      .toFixed(0)
      .padStart(5)} MiB${target ? `   target ${target}` : ''}`,
  );

const uncached = scan('uncached', '-');
const cold = scan('cold');
const warm = Array.from({ length: runs }, (_, i) => scan(`warm-${i}`));
const csFiles = listFiles(estate).filter((f) => f.endsWith('.cs'));
const changedCount = Math.max(1, Math.round(csFiles.length / 100));
const changed = [];
for (let run = 0; run < runs; run++) {
  for (let k = 0; k < changedCount; k++) {
    const file = csFiles[(run * changedCount + k) % csFiles.length];
    appendFileSync(
      file,
      `\nnamespace Bench.Changed${run} { public class Edit${k} { public int Value { get; set; } } }\n`,
    );
  }
  changed.push(scan(`changed-${run}`));
}
const afterChange = scan('after-change-uncached', '-');

line('no cache', [uncached]);
line('cold (empty cache)', [cold]);
line('warm, nothing changed', warm, '< 3 s on the 207-repo estate');
line(`warm, 1% changed (${changedCount} files)`, changed, '< 5 s on the 207-repo estate');
console.log(`cache on disk: ${(du(cache) / 1024 / 1024).toFixed(1)} MiB in ${countFiles(cache)} entries`);
console.log(`warm result equals cold: ${warm.every((w) => w.json === cold.json)}`);
console.log(`warm after changes equals a scan without cache: ${changed.at(-1).json === afterChange.json}`);
rmSync(work, { recursive: true, force: true });

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === '.git' ? [] : listFiles(path.join(dir, e.name))) : [path.join(dir, e.name)],
  );
}
function du(dir) {
  return existsSync(dir) ? listFiles(dir).reduce((n, f) => n + statSync(f).size, 0) : 0;
}
function countFiles(dir) {
  return existsSync(dir) ? listFiles(dir).filter((f) => f.endsWith('.json')).length : 0;
}
