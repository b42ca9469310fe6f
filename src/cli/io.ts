import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** What the CLI needs from the process, injectable for tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTTY: boolean;
  color: boolean;
}

export function processIO(): CliIO {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: Boolean(process.stdout.isTTY) && !noColor && process.env.FORCE_COLOR !== '0',
  };
}

/** An output file (result, report, baseline) that could not be written; exit code 3 with this one line. */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  constructor(
    readonly target: string,
    readonly code: string,
    detail: string,
  ) {
    super(`could not write ${target}: ${detail} (${code}); ${target} was not written`);
  }
}

/** Temporary files being written, removed if the process is interrupted before they are renamed. */
const pendingTemps = new Set<string>();

/**
 * Writes an output file so that it is never seen half-written: a temporary file
 * in the same folder (so the rename stays on one file system), flushed to disk,
 * then renamed over the target. On failure the temporary file is removed and a
 * previous file at the target is left as it was. A target that is no regular
 * file (`/dev/stdout`, a pipe) is written in place: there is nothing to rename over.
 *
 * Test-only: `ASSESS_TEST_WRITE_FAULT=<errno code>` (e.g. ENOSPC) fails the
 * write half-way with that code, as a full disk would.
 */
export function writeOutputFile(file: string, text: string): void {
  const target = path.resolve(file);
  try {
    if (isSpecialFile(target)) writeFileSync(target, text);
    else writeThroughTemp(target, Buffer.from(text, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
    throw new OutputWriteError(file, code, errnoText(error));
  }
}

function isSpecialFile(target: string): boolean {
  try {
    const stat = statSync(target);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

function writeThroughTemp(target: string, bytes: Buffer): void {
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pendingTemps.add(temp);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const fault = process.env.ASSESS_TEST_WRITE_FAULT;
    if (fault) {
      writeSync(fd, bytes, 0, bytes.length >> 1);
      throw Object.assign(new Error(`injected write failure (ASSESS_TEST_WRITE_FAULT=${fault})`), { code: fault });
    }
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EROFS') return 'read-only file system';
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\w+: /, '').replace(/, open '.*'$/, '');
}

const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * On SIGINT or SIGTERM: remove temporary output files, say so in one line and
 * exit 128 + the signal's number. Outputs are only ever renamed into place
 * complete, so an interrupted scan leaves none that looks complete.
 */
export function exitOnSignals(stderr: (text: string) => void): void {
  for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) {
    process.once(signal, () => {
      for (const temp of pendingTemps) rmSync(temp, { force: true });
      stderr(`assess: interrupted by ${signal}; the scan did not finish and wrote no further output\n`);
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}
