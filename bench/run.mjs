#!/usr/bin/env node
/**
 * Scan benchmark: generates a synthetic estate (once per size) and scans it
 * RUNS times in this process with WORKERS extraction threads (default: one per
 * core), printing the median wall time, files/s, lines/s and peak RSS. History is
 * off (bench/history.mjs measures it); generated repos have no commits.
 * `node bench/run.mjs [repos] [projects] [files] [runs] [workers]`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEstate } from './generate.mjs';
import { runScan } from '../dist/src/scan/runScan.js';

const [repos = 40, projects = 3, files = 30, runs = 3, workers] = process.argv.slice(2).map(Number);
const target = path.join(tmpdir(), `assess-bench-${repos}x${projects}x${files}`);
const marker = path.join(target, '.bench.json');
let size;
if (existsSync(marker)) size = JSON.parse(readFileSync(marker, 'utf8'));
else {
  size = generateEstate(target, { repos, projects, files });
  writeFileSync(marker, JSON.stringify(size));
}
console.log(`workers: ${workers ?? 'default (one per core)'}`);
console.log(
  `estate: ${repos} repos × ${projects} projects × ${files} files = ${size.files} C# files, ${size.lines} lines (${target})`,
);

const times = [];
let last;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  last = await runScan({
    root: target,
    maxFileBytes: 4 * 1024 * 1024,
    exclude: [],
    analyzerOptions: {},
    history: false,
    ...(workers ? { workers } : {}),
  });
  times.push(performance.now() - started);
  console.log(`run ${i + 1}: ${(times[i] / 1000).toFixed(2)} s`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(`median: ${(median / 1000).toFixed(2)} s`);
console.log(
  `throughput: ${Math.round(size.files / (median / 1000))} files/s, ${Math.round(size.lines / (median / 1000))} lines/s`,
);
console.log(
  `graph: ${last.stats.nodes} nodes, ${last.stats.edges} edges, ${last.stats.findings} findings, ${last.stats.diagnostics} diagnostics`,
);
console.log(`peak RSS: ${peakMiB.toFixed(0)} MiB`);
