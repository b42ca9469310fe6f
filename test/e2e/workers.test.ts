/** Extraction in worker threads gives exactly the result of extraction in one thread. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS benchmark generator
import { generateEstate } from '../../bench/generate.mjs';
import { assess } from './cli.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-workers-'));
  // 6 × 3 × 25 = 450 C# files: above the threshold where workers start.
  generateEstate(path.join(work, 'estate'), { repos: 6, projects: 3, files: 25, lines: 40 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('extraction workers', () => {
  it('give byte-identical results to a single thread', () => {
    const outputs = ['1', '3'].map((jobs) => {
      const out = path.join(work, `jobs-${jobs}.json`);
      const run = assess([
        'scan',
        path.join(work, 'estate'),
        '--jobs',
        jobs,
        '--no-cache',
        '--no-history',
        '--quiet',
        '--json',
        out,
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return readFileSync(out, 'utf8');
    });
    expect(JSON.parse(outputs[0]!).stats.types).toBe(450);
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '').replace(/"elapsedMs": \d+/, '');
    expect(strip(outputs[1]!)).toBe(strip(outputs[0]!));
  });

  it('rejects a bad --jobs value', () => {
    expect(assess(['scan', work, '--jobs', '0']).status).toBe(2);
  });
});
