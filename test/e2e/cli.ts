/** Drives the real CLI (`node bin/assess.js`, built by `npm test`) as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import type { ScanResult } from '../../src/core/result.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function assess(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [path.join(projectRoot, 'bin/assess.js'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: cliEnv(env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** As `assess`, without blocking this process: for tests whose servers run in it (the loopback registry). */
export function assessAsync(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/assess.js'), ...args], {
      cwd: projectRoot,
      env: cliEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // Offline with an empty cache unless a test says otherwise: no test reaches a real registry.
  return {
    ...process.env,
    NO_COLOR: '1',
    ASSESS_OFFLINE: '1',
    ASSESS_CACHE_DIR: path.join(tmpdir(), `assess-e2e-no-cache-${process.pid}`),
    ...env,
  };
}

export interface FixtureScan {
  /** Temporary folder holding the built estate and the result; remove it in `afterAll`. */
  work: string;
  estate: string;
  result: ScanResult;
  /** The terminal summary printed by the scan. */
  stdout: string;
}

/**
 * Builds a fixture estate into real git repositories in a temporary folder and
 * scans it through the CLI with `--json`; a scan that fails or warns on stderr throws.
 */
export function scanFixtureEstate(name: string, args: readonly string[] = []): FixtureScan {
  const work = mkdtempSync(path.join(tmpdir(), `assess-${name}-`));
  const estate = buildEstate(name, path.join(work, name)) as string;
  const out = path.join(work, 'result.json');
  const run = assess(['scan', estate, '--json', out, ...args]);
  if (run.status !== 0 || run.stderr !== '') throw new Error(`scan of ${name} exited ${run.status}: ${run.stderr}`);
  return { work, estate, result: JSON.parse(readFileSync(out, 'utf8')) as ScanResult, stdout: run.stdout };
}
