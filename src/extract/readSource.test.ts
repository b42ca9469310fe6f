import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileEntry } from '../discover/walk.js';
import { readSource } from './readSource.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(name: string, content?: string | Buffer): FileEntry {
  const absPath = path.join(dir, name);
  if (content !== undefined) writeFileSync(absPath, content);
  return {
    repo: 'r',
    path: name,
    absPath,
    size: content === undefined ? 0 : Buffer.byteLength(content),
    kind: 'csharp',
  };
}

describe('readSource', () => {
  it('reads text', () => {
    expect(readSource(entry('A.cs', 'class A {}'), 1024)).toMatchObject({
      ok: true,
      text: 'class A {}',
      encoding: 'utf-8',
    });
  });

  it('says when a listed file can no longer be read', () => {
    expect(readSource(entry('Gone.cs'), 1024)).toMatchObject({
      ok: false,
      code: 'unreadable-file',
      message: expect.stringContaining('ENOENT'),
    });
  });

  it('skips files over the cap, also when they grew after being listed', () => {
    expect(readSource(entry('Big.cs', 'x'.repeat(2048)), 1024)).toMatchObject({ ok: false, code: 'file-too-large' });
    const grown = { ...entry('Grown.cs', 'x'.repeat(2048)), size: 10 };
    expect(readSource(grown, 1024)).toMatchObject({ ok: false, code: 'file-too-large' });
  });

  it('skips binary content', () => {
    expect(readSource(entry('Bin.cs', Buffer.from([0x4d, 0x5a, 0, 1, 2, 0, 0, 9])), 1024)).toMatchObject({
      ok: false,
      code: 'binary-file',
    });
  });
});
