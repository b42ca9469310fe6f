/**
 * Measured child processes: each run starts `node bench/lib/timed.mjs` so the
 * wall time, CPU time (user + system, every thread) and peak RSS are the
 * tool's own, not the benchmark's. Medians over runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const timed = path.join(path.dirname(fileURLToPath(import.meta.url)), 'timed.mjs');

/** One run of SCRIPT ARGS; resolves to `{ wallMs, cpuMs, rssMB, stdout, code }`. */
export function runOnce(script, args, { cwd, env } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'assess-bench-run-'));
  const usageFile = path.join(work, 'usage.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [timed, usageFile, script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      try {
        const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
        resolve({
          wallMs,
          cpuMs: usage.userMs + usage.systemMs,
          rssMB: usage.maxRssKB / 1024,
          stdout: Buffer.concat(out).toString(),
          stderr: Buffer.concat(err).toString(),
          code,
        });
      } catch (error) {
        reject(new Error(`${path.basename(script)} ${args.join(' ')}: exit ${code}\n${Buffer.concat(err)}\n${error}`));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}

/** RUNS runs; the median of each figure (figures of one run do not always come from the same run). */
export async function measure(script, args, { runs = 3, before, ...options } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i);
    results.push(await runOnce(script, args, options));
  }
  const med = (key) => median(results.map((r) => r[key]));
  const failed = results.find((r) => r.code !== 0);
  return { wallMs: med('wallMs'), cpuMs: med('cpuMs'), rssMB: med('rssMB'), runs: results, failed };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
