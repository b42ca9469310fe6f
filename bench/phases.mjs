#!/usr/bin/env node
/**
 * Where a scan's time and memory go, phase by phase: runs the pipeline in this
 * process (no package registry, like --offline with an empty cache) and prints,
 * for each phase, its wall and CPU seconds and the process's peak RSS during it
 * (workers included; sampled every 50 ms).
 *
 *   npm run build && node bench/phases.mjs ROOT [--jobs N] [--history]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/src');
const { runScan } = await import(path.join(dist, 'scan/runScan.js'));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { jobs: { type: 'string' }, history: { type: 'boolean', default: false } },
});
if (!positionals[0]) {
  process.stderr.write('usage: node bench/phases.mjs ROOT [--jobs N] [--history]\n');
  process.exit(2);
}
const phases = [];
let current;
const sample = () => {
  if (current) current.peak = Math.max(current.peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 50);
const close = () => {
  if (!current) return;
  sample();
  const cpu = process.cpuUsage(current.cpu);
  current.wallS = (performance.now() - current.started) / 1000;
  current.cpuS = (cpu.user + cpu.system) / 1e6;
  phases.push(current);
};
const open = (phase) => {
  close();
  current = { phase, started: performance.now(), cpu: process.cpuUsage(), peak: process.memoryUsage().rss };
};
open('start');
const result = await runScan({
  root: positionals[0],
  maxFileBytes: 4 * 1024 * 1024,
  exclude: [],
  analyzerOptions: {},
  history: values.history ? undefined : false,
  ...(values.jobs ? { workers: Number(values.jobs) } : {}),
  onEvent: (event) => event.type === 'phase' && open(event.phase),
});
open('serialise');
const json = JSON.stringify(result);
close();
clearInterval(timer);
console.log(
  `${positionals[0]}: ${result.stats.files} files, ${result.stats.nodes} nodes, JSON ${(json.length / 1e6).toFixed(1)} MB`,
);
console.log(`${'phase'.padEnd(14)}${'wall s'.padStart(8)}${'cpu s'.padStart(8)}${'peak RSS MB'.padStart(13)}`);
for (const p of phases)
  console.log(
    `${p.phase.padEnd(14)}${p.wallS.toFixed(2).padStart(8)}${p.cpuS.toFixed(2).padStart(8)}${(p.peak / 2 ** 20).toFixed(0).padStart(13)}`,
  );
