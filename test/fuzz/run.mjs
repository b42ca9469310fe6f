/**
 * `npm run fuzz -- [--seed N] [--runs N] [--budget MS] [--case '<replay JSON>']`: the extractor fuzzer
 * (harness.mjs) over many more cases than CI runs, on the build. Every case is
 * run (a failure does not stop the run); the first failure is then shrunk to a
 * smallest counterexample. Prints the cases run, the failures, the slowest case
 * and the duration; exits 1 when a case failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { caseArbitrary, checkCase, describeCase, extractorProperty } from './harness.mjs';
import { loadSeeds } from './seeds.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261203' },
    runs: { type: 'string', default: '20000' },
    budget: { type: 'string', default: '2000' },
    case: { type: 'string' },
  },
});
const seed = Number(values.seed);
const runs = Number(values.runs);
const budgetMs = Number(values.budget);

const { processFile, loadParsers } = await import(path.join(projectRoot, 'dist/src/extract/processFile.js'));
const { classifyFile } = await import(path.join(projectRoot, 'dist/src/discover/classify.js'));
const seeds = loadSeeds(projectRoot, classifyFile);
const dir = mkdtempSync(path.join(tmpdir(), 'assess-fuzz-'));
const target = {
  processFile,
  parsers: await loadParsers(seeds.map((s) => ({ ...s, absPath: '', size: 0, repo: '' }))),
  dir,
  budgetMs,
};

if (values.case) {
  // `--case '<replay JSON>'`: one case again, as printed by a run.
  const fuzzCase = JSON.parse(values.case);
  const outcome = checkCase(target, seeds, fuzzCase);
  console.log(
    `${describeCase(seeds, fuzzCase)}\n${Math.round(outcome.ms)} ms: ${outcome.problem ?? (outcome.timedOut ? 'stopped at the budget' : 'ok')}`,
  );
  rmSync(dir, { recursive: true, force: true });
  process.exit(outcome.problem ? 1 : 0);
}

const kinds = [...new Set(seeds.map((s) => s.kind))];
console.log(
  `fuzz: seed ${seed}, ${runs} cases, budget ${budgetMs} ms, ${seeds.length} seed files of ${kinds.length} kinds (${kinds.join(', ')})`,
);
const started = performance.now();
const failures = [];
let slowest = { ms: -1 };
const timeouts = [];
let done = 0;
try {
  for (const fuzzCase of fc.sample(caseArbitrary(seeds), { seed, numRuns: runs })) {
    const outcome = checkCase(target, seeds, fuzzCase);
    done++;
    if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, fuzzCase };
    if (outcome.problem) failures.push({ fuzzCase, problem: outcome.problem });
    else if (outcome.timedOut) timeouts.push({ fuzzCase, ms: outcome.ms });
    if (done % 2000 === 0)
      console.log(`  ${done} cases, ${failures.length} failed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // tree-sitter frees a tree's native memory only between event-loop turns.
    if (done % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `cases run: ${done} in ${seconds} s; failures: ${failures.length}; stopped at the budget (extract-timeout): ${timeouts.length}`,
  );
  for (const t of timeouts.slice(0, 5))
    console.log(`  stopped: ${describeCase(seeds, t.fuzzCase)}\n    replay: ${JSON.stringify(t.fuzzCase)}`);
  console.log(`slowest case: ${slowest.ms.toFixed(0)} ms — ${describeCase(seeds, slowest.fuzzCase)}`);
  const distinct = new Map();
  for (const f of failures) if (!distinct.has(f.problem.split('\n')[0])) distinct.set(f.problem.split('\n')[0], f);
  for (const [problem, f] of [...distinct].slice(0, 10))
    console.log(
      `FAILED: ${problem}\n  case: ${describeCase(seeds, f.fuzzCase)}\n  replay: ${JSON.stringify(f.fuzzCase)}`,
    );
  if (failures.length > 0) {
    const shrunk = fc.check(extractorProperty(target, seeds), { seed, numRuns: 1, examples: [[failures[0].fuzzCase]] });
    if (shrunk.failed)
      console.log(`smallest counterexample of the first failure: ${JSON.stringify(shrunk.counterexample?.[0])}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
