/**
 * Faults while a scan runs: interrupted by SIGINT or SIGTERM, or out of disk
 * space when writing its outputs. Neither leaves a file that looks complete:
 * outputs are written to a temporary file and renamed into place only whole.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS benchmark generator
import { generateEstate } from '../../bench/generate.mjs';
import { assess, projectRoot } from './cli.js';

let work: string;
let estate: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-faults-'));
  estate = path.join(work, 'estate');
  // 4 × 2 × 50 = 400 C# files: enough for the scan to use workers.
  generateEstate(estate, { repos: 4, projects: 2, files: 50, lines: 20 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function outputFolder(name: string): string {
  const folder = path.join(work, name);
  mkdirSync(folder);
  return folder;
}

/** Starts a scan that will sit on one file (an injected hang, a long budget), and signals it once it is under way. */
function interruptedScan(
  signal: 'SIGINT' | 'SIGTERM',
  out: string,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectRoot, 'bin/assess.js'),
        ...['scan', estate, '--jobs', '2', '--no-history', '--quiet', '--file-budget', '120000'],
        ...['--json', path.join(out, 'result.json'), '--html', path.join(out, 'report.html')],
      ],
      {
        env: {
          ...process.env,
          NO_COLOR: '1',
          ASSESS_OFFLINE: '1',
          ASSESS_TEST_EXTRACT_FAULT: 'hang:repo-002/src/Estate2.Identity0/Type3.cs',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
    // Well into extraction: a worker is spinning on the hung file by now, the others are done or waiting.
    setTimeout(() => child.kill(signal), 3000);
  });
}

describe('a scan interrupted mid-way', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('by %s exits %i with one line and leaves no output file', async (signal, code) => {
    const out = outputFolder(`interrupted-${signal}`);
    const run = await interruptedScan(signal, out);
    expect(run.stderr).toBe(`assess: interrupted by ${signal}; the scan did not finish and wrote no further output\n`);
    expect(run.status).toBe(code);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a full disk when writing the outputs', () => {
  it('is one clear line, exit 3, and no result or report left behind (nor a temporary file)', () => {
    const out = outputFolder('full-disk');
    const json = path.join(out, 'result.json');
    const run = assess(
      ['scan', estate, '--no-history', '--quiet', '--json', json, '--html', path.join(out, 'report.html')],
      { ASSESS_TEST_WRITE_FAULT: 'ENOSPC' },
    );
    expect(run.stderr).toBe(
      `assess: could not write ${json}: no space left on device (ENOSPC); ${json} was not written\n`,
    );
    expect(run.status).toBe(3);
    expect(readdirSync(out)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('on /dev/full as the --json target, too', () => {
    const run = assess(['scan', estate, '--no-history', '--quiet', '--json', '/dev/full']);
    expect(run.stderr).toBe(
      'assess: could not write /dev/full: no space left on device (ENOSPC); /dev/full was not written\n',
    );
    expect(run.status).toBe(3);
  });

  it('for `assess report` and `assess baseline`', () => {
    const out = outputFolder('full-disk-commands');
    const json = path.join(out, 'result.json');
    expect(assess(['scan', estate, '--no-history', '--quiet', '--json', json]).status).toBe(0);
    const html = path.join(out, 'report.html');
    const report = assess(['report', json, '--html', html], { ASSESS_TEST_WRITE_FAULT: 'ENOSPC' });
    expect([report.status, report.stderr]).toEqual([
      3,
      `assess: could not write ${html}: no space left on device (ENOSPC); ${html} was not written\n`,
    ]);
    const baseline = path.join(out, 'baseline.json');
    const written = assess(['baseline', estate, '--no-history', '--quiet', '-o', baseline], {
      ASSESS_TEST_WRITE_FAULT: 'EDQUOT',
    });
    expect(written.status).toBe(3);
    expect(written.stderr).toContain('disk quota exceeded (EDQUOT)');
    expect(readdirSync(out)).toEqual(['result.json']);
  });
});
