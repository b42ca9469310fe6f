import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileKind } from '../core/fileKinds.js';
import { processFile } from './processFile.js';

// Counts Babel parses, passing every call through (parse.ts requires the same module object).
const parses = { count: 0 };
const babel = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');
const realParse = babel.parse;
vi.spyOn(babel, 'parse').mockImplementation((...args: Parameters<typeof realParse>) => {
  parses.count++;
  return realParse(...args);
});

const dir = mkdtempSync(path.join(tmpdir(), 'assess-process-'));
function processText(file: string, kind: FileKind, text: string) {
  const absPath = path.join(dir, path.basename(file));
  writeFileSync(absPath, text);
  return processFile({ repo: 'r', path: file, absPath, size: Buffer.byteLength(text), kind }, 1 << 20, {});
}

describe('a JS/TS file holding SQL', () => {
  beforeEach(() => {
    parses.count = 0;
  });

  it('is parsed once: its facts and its queries come out of the same walk', () => {
    const result = processText(
      'src/orders.ts',
      'typescript',
      `
import { Pool } from 'pg';
import { audit } from './audit';
const BY_CUSTOMER = 'SELECT id, total FROM orders WHERE customer_id = $1';
export async function ordersOf(pool: Pool, customer: number) {
  audit('orders');
  return pool.query(BY_CUSTOMER, [customer]);
}`,
    );
    expect(parses.count).toBe(1);
    expect(result.extracted?.facts).toMatchObject({
      kind: 'js',
      imports: [{ specifier: 'pg' }, { specifier: './audit' }],
    });
    expect(result.extracted?.sql?.queries).toMatchObject([
      {
        api: 'pg.query',
        dialect: 'postgresql',
        line: 4,
        dynamic: false,
        parsed: true,
        blocks: [{ accesses: [{ table: { name: 'orders' }, mode: 'read' }] }],
      },
    ]);
  });

  it('is not parsed when minified, yet its literal queries are read by pattern', () => {
    const bundle = `/*! bundle */\n${'var a=1;'.repeat(200)}const r=require("mysql2");c.query("SELECT id FROM users WHERE email = ?",[e]);${'var b=2;'.repeat(200)}\n`;
    const result = processText('dist/app.js', 'javascript', bundle);
    expect(parses.count).toBe(0);
    expect(result.diagnostics.map((d) => d.code)).toContain('js-minified-skipped');
    expect(result.extracted?.sql?.queries).toMatchObject([{ api: 'mysql.query', dialect: 'mysql', line: 2 }]);
  });

  it('gives no SQL when it has no string starting with an SQL keyword', () => {
    const result = processText(
      'src/view.jsx',
      'javascript',
      `export const Search = ({ query }) => <input value={query.text} onChange={() => api.query(query)} />;`,
    );
    expect(result.extracted?.facts).toMatchObject({ kind: 'js', sqlQueries: [] });
    expect(result.extracted?.sql).toBeUndefined();
  });
});

describe('a file nested deeper than its parser can recurse', () => {
  it('is file-too-deep, a warning naming the file, not an internal extract-failed error', async () => {
    const { ts: typescript } = await import('ts-morph');
    const text = `{"compilerOptions":{"paths":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    const absPath = path.join(dir, 'tsconfig.json');
    writeFileSync(absPath, text);
    const entry = { repo: 'r', path: 'web/tsconfig.json', absPath, size: text.length, kind: 'tsconfig' as const };
    const result = processFile(entry, 1 << 20, { typescript });
    expect(result.diagnostics).toMatchObject([
      { code: 'file-too-deep', severity: 'warning', repo: 'r', file: 'web/tsconfig.json' },
    ]);
    // A shallow config is read as usual.
    writeFileSync(absPath, '{"compilerOptions":{"strict":true}}');
    expect(processFile({ ...entry, size: 35 }, 1 << 20, { typescript }).diagnostics).toEqual([]);
  });
});
