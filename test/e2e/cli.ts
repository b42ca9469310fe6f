/** Drives the real CLI (`node bin/assess.js`, built by `npm test`) as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/assess.js'), ...args], { cwd: projectRoot, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { ...process.env, NO_COLOR: '1', ASSESS_OFFLINE: '1', ASSESS_CACHE_DIR: path.join(tmpdir(), `assess-e2e-no-cache-${process.pid}`), ...env };
}
