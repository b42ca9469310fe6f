/**
 * Regressions found by the extractor fuzzer (test/fuzz): brackets nested a few
 * hundred deep overflowed the stack of Babel and of TypeScript's JSON reader;
 * the SQL parser is just as recursive. Such text is now not parsed, with a
 * diagnostic, the same in every thread.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileKind } from '../core/fileKinds.js';
import { bracketDepth } from '../core/nesting.js';
import type { Parsers } from './extractFile.js';
import { loadParsers, processFile } from './processFile.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-nesting-'));
let parsers: Parsers;
beforeAll(async () => {
  parsers = await loadParsers([{ repo: 'r', path: 'tsconfig.json', absPath: '', size: 0, kind: 'tsconfig' }]);
});

function run(file: string, kind: FileKind, text: string) {
  const absPath = path.join(dir, path.basename(file));
  writeFileSync(absPath, text);
  return processFile({ repo: 'r', path: file, absPath, size: Buffer.byteLength(text), kind }, 1 << 20, parsers);
}

const NOT_PARSED = 'brackets nest more than 200 deep, past what the parser can take; not parsed';

describe('brackets nested past the parsers’ stack', () => {
  it('a tsconfig.json with 356 CDATA openers spliced in is reported unreadable, not a crash', () => {
    // The fuzzer's shrunk counterexample: `<![CDATA[` × 356 inside a tsconfig.
    const text = `{\n  "compilerOptions": { "strict": true, "paths": ${'<![CDATA['.repeat(356)} }\n}\n`;
    expect(run('web/tsconfig.json', 'tsconfig', text).diagnostics).toEqual([
      {
        code: 'file-too-deep',
        severity: 'warning',
        message: `tsconfig.json nested too deep to read, compiler defaults used: ${NOT_PARSED}`,
        repo: 'r',
        file: 'web/tsconfig.json',
      },
    ]);
  });

  it('a TypeScript file with 454 nested array openers is a parse diagnostic, not a stack overflow', () => {
    const text = `export const grid = ${'['.repeat(454)}1${']'.repeat(454)};\nexport function size() { return 1; }\n`;
    const result = run('src/grid.ts', 'typescript', text);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['js-too-deep', `nested too deep to parse (${NOT_PARSED}); only SQL text found by pattern is kept`],
    ]);
  });

  it('SQL nested 800 parentheses deep is not handed to the SQL parser', () => {
    const text = `SELECT Id FROM dbo.Orders WHERE Total > ${'('.repeat(800)}1${')'.repeat(800)};\n`;
    const result = run('db/report.sql', 'sql', text);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining(`SQL not understood (${NOT_PARSED})`),
    ]);
    expect(result.extracted?.sql?.queries[0]?.blocks[0]?.accesses).toMatchObject([{ table: { name: 'Orders' } }]);
  });

  it('ordinary nesting is parsed as before', () => {
    const text = `export const m = ${'['.repeat(150)}1${']'.repeat(150)};\n`;
    expect(run('src/matrix.ts', 'typescript', text).diagnostics).toEqual([]);
    expect(bracketDepth('f(a[0], { b: (c) })')).toBe(3);
    expect(bracketDepth(')))(((')).toBe(3);
  });
});
