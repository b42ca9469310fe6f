/**
 * The extractor fuzzer (harness.mjs) in CI: a fixed seed and a bounded number
 * of cases over every extractor, so it runs in `npm test` in seconds and fails
 * the same way every time. `npm run fuzz` runs many more (seed and count as
 * arguments). A failure prints fast-check's shrunk counterexample: replay it
 * with `npm run fuzz -- --seed <seed>`, and add a regression test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyFile } from '../../src/discover/classify.js';
import { loadParsers, processFile } from '../../src/extract/processFile.js';
import { projectRoot } from '../e2e/cli.js';
// @ts-expect-error plain JS, shared with `npm run fuzz`
import { extractorProperty } from './harness.mjs';
// @ts-expect-error plain JS, shared with `npm run fuzz`
import { loadSeeds } from './seeds.mjs';

const SEED = 20261203;
const RUNS = 800;
const dir = mkdtempSync(path.join(tmpdir(), 'assess-fuzz-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every extractor, on mutated fixture sources', () => {
  it(`returns facts or a diagnostic, never throws and stays within the budget (${RUNS} cases, seed ${SEED})`, async () => {
    const seeds = loadSeeds(projectRoot, classifyFile) as { kind: string; path: string }[];
    const kinds = new Set(seeds.map((s) => s.kind));
    // Every extractor has seeds: a kind dropping out of the fixtures would silently go unfuzzed.
    expect([...kinds].sort()).toEqual([
      'config',
      'csharp',
      'javascript',
      'msbuild-project',
      'msbuild-props',
      'npm-lockfile',
      'nuget-lock',
      'package-json',
      'packages-config',
      'proto',
      'solution',
      'sql',
      'tsconfig',
      'typescript',
    ]);
    const parsers = await loadParsers(
      seeds.map((s) => ({ repo: 'fuzz', path: s.path, absPath: '', size: 0, kind: s.kind as never })),
    );
    let cases = 0;
    // The default budget: under a loaded CI machine a case of a few KB has taken 4 s (`npm run fuzz` uses 2 s).
    const target = { processFile, parsers, dir, budgetMs: 10_000 };
    fc.assert(
      extractorProperty(target, seeds, () => cases++),
      { seed: SEED, numRuns: RUNS },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  });
});
