/**
 * A failing extractor or worker never aborts a scan: the file it was on becomes
 * an `extract-failed` diagnostic naming the file and the extractor, and every
 * other file is extracted as usual. Faults are injected into one named file
 * through the test-only ASSESS_TEST_EXTRACT_FAULT hook.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS benchmark generator
import { generateEstate } from '../../bench/generate.mjs';
import type { ScanResult } from '../../src/core/result.js';
import { assess } from './cli.js';

const TARGET = 'repo-001/src/Estate1.Billing1/Type7.cs';
let work: string;
let estate: string;

function scan(
  env: Record<string, string> = {},
  args: readonly string[] = ['--jobs', '2'],
): { status: number; stderr: string; result?: ScanResult } {
  const out = path.join(work, `result-${[...Object.values(env), ...args].join('-').replace(/\W/g, '_')}.json`);
  const run = assess(['scan', estate, '--no-cache', '--no-history', '--quiet', '--json', out, ...args], env);
  return {
    status: run.status,
    stderr: run.stderr,
    ...(run.status === 0 ? { result: JSON.parse(readFileSync(out, 'utf8')) as ScanResult } : {}),
  };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-extract-failures-'));
  estate = path.join(work, 'estate');
  // 4 × 2 × 50 = 400 C# files: enough for the scan to use workers.
  generateEstate(estate, { repos: 4, projects: 2, files: 50, lines: 20 });
  // A vendored script probing jQuery for a default export: once read as an HTTP verb, it crashed the worker.
  const js = path.join(estate, 'repo-000', 'Scripts');
  mkdirSync(js, { recursive: true });
  writeFileSync(
    path.join(js, 'bootstrap.js'),
    "(function ($) {\n  var jq = $.hasOwnProperty('default') ? $['default'] : $;\n  jq.get('/api/ping');\n})(jQuery);\n",
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('extraction failures with --jobs 2', () => {
  it('a clean scan of the estate has no extract-failed diagnostic', () => {
    const run = scan();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.result!.stats.types).toBe(400);
    expect(run.result!.diagnostics.filter((d) => d.code === 'extract-failed')).toEqual([]);
  });

  it.each(['throw', 'uncloneable', 'exit', 'uncaught'])(
    'a file whose extraction fails by "%s" is reported and skipped',
    (mode) => {
      const run = scan({ ASSESS_TEST_EXTRACT_FAULT: `${mode}:${TARGET}` });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const failed = run.result!.diagnostics.filter((d) => d.code === 'extract-failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ repo: 'repo-001', file: 'src/Estate1.Billing1/Type7.cs', severity: 'error' });
      expect(failed[0]!.message).toContain('csharp extractor');
      // Only the one file is missing: the other 399 types are all there.
      expect(run.result!.stats.types).toBe(399);
    },
  );
});

describe('a file over the per-file budget', () => {
  it.each([
    ['hang', ['--jobs', '2'], 'stopped by the watchdog'],
    ['slow', ['--jobs', '2'], 'C# parser'],
    ['slow', ['--jobs', '1'], 'C# parser'],
  ])(
    'a file that is "%s" with %j is stopped, reported as extract-timeout (%s), and the scan goes on',
    (mode, jobs, step) => {
      const run = scan({ ASSESS_TEST_EXTRACT_FAULT: `${mode}:${TARGET}` }, [...jobs, '--file-budget', '300']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const stopped = run.result!.diagnostics.filter((d) => d.code.startsWith('extract-'));
      expect(stopped).toEqual([
        {
          code: 'extract-timeout',
          severity: 'error',
          message: `extraction stopped (csharp extractor, ${step}): over the 300 ms per-file budget (--file-budget); the file's facts are missing`,
          repo: 'repo-001',
          file: 'src/Estate1.Billing1/Type7.cs',
        },
      ]);
      expect(run.result!.stats.types).toBe(399);
    },
  );

  it('takes its budget from the configuration file, and rejects a budget that is not a number of milliseconds', () => {
    writeFileSync(path.join(estate, 'assess.config.json'), JSON.stringify({ fileBudget: 300 }));
    try {
      const run = scan({ ASSESS_TEST_EXTRACT_FAULT: `hang:${TARGET}` });
      expect(run.status).toBe(0);
      expect(run.result!.diagnostics.filter((d) => d.code === 'extract-timeout')).toHaveLength(1);
    } finally {
      rmSync(path.join(estate, 'assess.config.json'));
    }
    const bad = assess(['scan', estate, '--no-history', '--quiet', '--file-budget', '10s']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('assess: --file-budget: expected milliseconds from 1 to 3600000, got 10s\n');
  });
});

describe('an output that cannot be written', () => {
  it('is named in one line, and exits 3', () => {
    const run = assess(['scan', path.join(work, 'estate'), '--no-history', '--quiet', '--json', work]);
    // --json pointing at a folder fails while writing the report.
    expect(run.status).toBe(3);
    expect(run.stderr).toBe(`assess: could not write ${work}: it is a folder (EISDIR); ${work} was not written\n`);
  });
});
