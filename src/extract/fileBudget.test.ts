import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileKind } from '../core/fileKinds.js';
import { fileBudgetSpent, withFileBudget } from '../core/fileBudget.js';
import { MAX_PARSED_STATEMENT_CHARS, parseSql } from '../sql/sqlParser.js';
import type { Parsers } from './extractFile.js';
import { loadParsers, processFile } from './processFile.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-budget-'));
let parsers: Parsers;

function run(file: string, kind: FileKind, text: string, budgetMs: number) {
  const absPath = path.join(dir, path.basename(file));
  writeFileSync(absPath, text);
  const entry = { repo: 'r', path: file, absPath, size: Buffer.byteLength(text), kind };
  const started = performance.now();
  const result = processFile(entry, 64 << 20, parsers, budgetMs);
  return { result, ms: performance.now() - started };
}

// ~3 MB of ordinary C#: tree-sitter takes seconds over it, far past a 20 ms budget.
const bigCSharp = Array.from(
  { length: 40_000 },
  (_, i) => `public class Ledger${i} { public decimal Post(decimal amount) { return amount * ${i}; } }`,
).join('\n');

beforeAll(async () => {
  parsers = await loadParsers([{ repo: 'r', path: 'a.cs', absPath: '', size: 0, kind: 'csharp' }]);
});

describe('the per-file budget', () => {
  it('stops tree-sitter mid-parse and reports the file as extract-timeout', () => {
    const { result, ms } = run('src/Ledger.cs', 'csharp', bigCSharp, 20);
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'extract-timeout',
        severity: 'error',
        message:
          "extraction stopped (csharp extractor, C# parser): over the 20 ms per-file budget (--file-budget); the file's facts are missing",
        repo: 'r',
        file: 'src/Ledger.cs',
      },
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('leaves the parser fit for the next file after a halted parse', () => {
    run('src/Ledger.cs', 'csharp', bigCSharp, 20);
    // A halted tree-sitter parser resumes the old text unless reset: this file's facts would be the old one's.
    const { result } = run('src/Invoice.cs', 'csharp', 'namespace Billing { public class Invoice { } }\n', 10_000);
    expect(result.diagnostics).toEqual([]);
    expect(result.extracted?.facts).toMatchObject({ kind: 'csharp', types: [{ name: 'Invoice' }] });
  });

  it('stops a SQL script between statements once the budget is spent', () => {
    const script = Array.from(
      { length: 4000 },
      (_, i) => `UPDATE dbo.Ledger SET Amount = Amount + ${i}, Memo = 'entry ${i}' WHERE Id = ${i} AND Closed = 0;`,
    ).join('\nGO\n');
    const { result, ms } = run('db/seed.sql', 'sql', script, 30);
    expect(result.diagnostics.map((d) => [d.code, d.message.includes('SQL parser')])).toEqual([
      ['extract-timeout', true],
    ]);
    expect(ms).toBeLessThan(2000);
  });

  it('does not hand the SQL parser a statement over the cap (a DDL script read by tokens instead)', () => {
    const columns = Array.from({ length: MAX_PARSED_STATEMENT_CHARS / 10 }, (_, i) => `Col${i} int NULL`).join(', ');
    const ddl = `CREATE TABLE dbo.Wide (Id int NOT NULL, ${columns})`;
    expect(parseSql(ddl, 'transactsql')).toEqual({
      ok: false,
      error: `statement of ${ddl.length} characters is over the 100000-character parse cap; not parsed`,
    });
    const { result } = run('db/wide.sql', 'sql', `${ddl};\n`, 10_000);
    const [table] = result.extracted?.sql?.tables ?? [];
    expect(table?.columns).toHaveLength(MAX_PARSED_STATEMENT_CHARS / 10 + 1);
  });

  it('does not stop a file within its budget', () => {
    const { result } = run('src/Small.cs', 'csharp', bigCSharp.split('\n').slice(0, 20).join('\n'), 10_000);
    expect(result.diagnostics).toEqual([]);
  });

  it('is only in force inside withFileBudget, and restores the outer budget', () => {
    expect(fileBudgetSpent()).toBe(false);
    withFileBudget(0, () => {
      const started = performance.now();
      while (performance.now() - started < 2);
      expect(fileBudgetSpent()).toBe(true);
      withFileBudget(60_000, () => expect(fileBudgetSpent()).toBe(false));
      expect(fileBudgetSpent()).toBe(true);
    });
    expect(fileBudgetSpent()).toBe(false);
  });

  it('stops a fault-injected runaway SQL extraction at the SQL parser (ASSESS_TEST_EXTRACT_FAULT=slow)', async () => {
    vi.stubEnv('ASSESS_TEST_EXTRACT_FAULT', 'slow:r/db/report.sql');
    vi.resetModules();
    try {
      const fresh = await import('./processFile.js');
      const text = 'SELECT Id, Total FROM dbo.Orders WHERE CustomerId = @customer;\n';
      const absPath = path.join(dir, 'report.sql');
      writeFileSync(absPath, text);
      const entry = { repo: 'r', path: 'db/report.sql', absPath, size: text.length, kind: 'sql' as const };
      const result = fresh.processFile(entry, 1 << 20, {}, 50);
      expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
        [
          'extract-timeout',
          "extraction stopped (sql extractor, SQL parser): over the 50 ms per-file budget (--file-budget); the file's facts are missing",
        ],
      ]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
