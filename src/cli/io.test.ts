import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { OutputWriteError, writeOutputFile } from './io.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.ASSESS_TEST_WRITE_FAULT;
});

function caught(write: () => void): OutputWriteError {
  try {
    write();
  } catch (error) {
    if (error instanceof OutputWriteError) return error;
    throw error;
  }
  throw new Error('expected the write to fail');
}

describe('writeOutputFile', () => {
  it('writes the whole text, creating the folder, and leaves no temporary file', () => {
    const target = path.join(dir, 'fresh', 'result.json');
    writeOutputFile(target, '{"ok":true}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}\n');
    expect(readdirSync(path.dirname(target))).toEqual(['result.json']);
  });

  it('on a full disk removes its temporary file and leaves no file at the target', () => {
    const folder = path.join(dir, 'full');
    process.env.ASSESS_TEST_WRITE_FAULT = 'ENOSPC';
    const error = caught(() => writeOutputFile(path.join(folder, 'result.json'), 'x'.repeat(10_000)));
    expect(error.message).toBe(
      `could not write ${path.join(folder, 'result.json')}: no space left on device (ENOSPC); ${path.join(folder, 'result.json')} was not written`,
    );
    expect(error.code).toBe('ENOSPC');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('on a full disk leaves a previous file at the target as it was, not half-overwritten', () => {
    const target = path.join(dir, 'previous', 'report.html');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, '<html>earlier</html>');
    process.env.ASSESS_TEST_WRITE_FAULT = 'ENOSPC';
    caught(() => writeOutputFile(target, '<html>new</html>'.repeat(1000)));
    expect(readFileSync(target, 'utf8')).toBe('<html>earlier</html>');
    expect(readdirSync(path.dirname(target))).toEqual(['report.html']);
  });

  it('refuses a folder as the target without touching it', () => {
    const target = path.join(dir, 'a-folder');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    const error = caught(() => writeOutputFile(target, 'x'));
    expect(error.code).toBe('EISDIR');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it.runIf(existsSync('/dev/full'))('writes a device in place and reports its error (/dev/full)', () => {
    const error = caught(() => writeOutputFile('/dev/full', 'x'.repeat(100_000)));
    expect(error.message).toBe(
      'could not write /dev/full: no space left on device (ENOSPC); /dev/full was not written',
    );
  });
});
