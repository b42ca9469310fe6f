#!/usr/bin/env node
/**
 * Top self-time functions of V8 CPU profiles (`node --cpu-prof`), summed over
 * every profile given (one per thread), as `ms  %  function  file:line`.
 *
 *   node bench/lib/profileTop.mjs [--top 10] [--by-file] PROFILE.cpuprofile…
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 10;
const byFile = args[0] === '--by-file' ? Boolean(args.shift()) : false;
const self = new Map();
let total = 0;
for (const file of args) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const frame = node.callFrame;
    const file = frame.url.replace(/^.*\/(dist|node_modules)\//, '$1/');
    const key = byFile
      ? file || frame.functionName
      : `${frame.functionName || '(anonymous)'}  ${path.basename(frame.url || '')}:${frame.lineNumber + 1}`;
    const ms = (deltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
process.stdout.write(`total sampled ${(total / 1000).toFixed(1)} s\n`);
for (const [key, ms] of rows)
  process.stdout.write(
    `${(ms / 1000).toFixed(2).padStart(8)} s ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}\n`,
  );
