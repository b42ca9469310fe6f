/**
 * One discovered file → its extraction result and diagnostics: read, decode,
 * extract. The unit of work that runs in-process or in a worker thread.
 */
import { createHash } from 'node:crypto';
import { describeError } from '../core/errors.js';
import type { Diagnostic } from '../core/result.js';
import type { FileFacts } from '../core/facts.js';
import type { SqlFileFacts } from '../core/facts/sql.js';
import type { FileEntry } from '../discover/walk.js';
import { readSource } from './readSource.js';
import { extractFile, parsersNeeded, type Parsers } from './extractFile.js';
import { extractSqlFacts } from './sql/extractSql.js';
import { loadTypeScript } from './tsconfig/loadTypeScript.js';
import { injectedFault, spinUntilBudgetSpent } from './faultInjection.js';
import { DEFAULT_FILE_BUDGET_MS, extractTimeout, FileBudgetExceeded, withFileBudget } from './fileBudget.js';

export interface FileResult {
  /** Absent when the file could not be read at all. */
  extracted?: ExtractedFacts;
  diagnostics: Diagnostic[];
  /** sha256 (hex) of the bytes extracted, when the file was read: what the facts cache keys them by. */
  contentHash?: string;
}

export interface ExtractedFacts {
  loc: number;
  facts?: FileFacts;
  sql?: SqlFileFacts;
}

export function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Never throws: whatever goes wrong with one file becomes its `extract-failed`
 * diagnostic, and an extraction stopped at `budgetMs` its `extract-timeout`.
 */
export function processFile(
  entry: FileEntry,
  maxFileBytes: number,
  parsers: Parsers,
  budgetMs: number = DEFAULT_FILE_BUDGET_MS,
): FileResult {
  try {
    return processFileOrThrow(entry, maxFileBytes, parsers, budgetMs);
  } catch (error) {
    return { diagnostics: [extractFailed(entry, describeError(error))] };
  }
}

/** The diagnostic for a file whose extraction failed, naming the extractor that failed. */
export function extractFailed(entry: FileEntry, reason: string): Diagnostic {
  return {
    code: 'extract-failed',
    severity: 'error',
    message: `extraction failed (${entry.kind} extractor): ${reason}; the file's facts are missing`,
    repo: entry.repo,
    file: entry.path,
  };
}

function processFileOrThrow(entry: FileEntry, maxFileBytes: number, parsers: Parsers, budgetMs: number): FileResult {
  const at = { repo: entry.repo, file: entry.path };
  const read = readSource(entry, maxFileBytes);
  if (!read.ok) return { diagnostics: [{ code: read.code, severity: 'warning', message: read.message, ...at }] };
  const diagnostics: Diagnostic[] = [];
  const contentHash = contentHashOf(read.bytes);
  if (read.encoding === 'windows-1252') {
    diagnostics.push({
      code: 'legacy-encoding',
      severity: 'info',
      message: 'not valid UTF-8; decoded as Windows-1252',
      ...at,
    });
  }
  try {
    const fault = injectedFault(entry);
    if (fault === 'throw') throw new Error('injected extractor failure (ASSESS_TEST_EXTRACT_FAULT)');
    const { outcome, sql } = withFileBudget(budgetMs, () => {
      if (fault === 'slow') spinUntilBudgetSpent();
      const outcome = extractFile(entry.kind, entry.path, read.text, parsers);
      // Queries and schema ride on the same read (and, for C#, the same facts).
      return { outcome, sql: extractSqlFacts(entry.kind, read.text, outcome.facts) };
    });
    // A function is what a prototype lookup once leaked into facts; the worker cannot send it back.
    if (fault === 'uncloneable') Object.assign(outcome, { facts: { ...outcome.facts, injected: () => undefined } });
    for (const problem of [...outcome.problems, ...sql.problems]) {
      diagnostics.push({
        code: problem.code,
        severity: problem.severity,
        message: problem.message,
        ...at,
        ...(problem.line !== undefined ? { line: problem.line } : {}),
      });
    }
    return {
      extracted: {
        loc: outcome.loc,
        ...(outcome.facts ? { facts: outcome.facts } : {}),
        ...(sql.sql ? { sql: sql.sql } : {}),
      },
      diagnostics,
      contentHash,
    };
  } catch (error) {
    const failure =
      error instanceof FileBudgetExceeded
        ? extractTimeout(entry, error.budgetMs, error.step)
        : extractFailed(entry, describeError(error));
    return { diagnostics: [...diagnostics, failure], contentHash };
  }
}

/** Loads the parsers the given files need: heavy ones (tree-sitter, TypeScript) only when used. */
export async function loadParsers(entries: readonly FileEntry[]): Promise<Parsers> {
  const needed = parsersNeeded(entries.map((e) => e.kind));
  const parsers: Parsers = {};
  if (needed.has('csharp')) {
    const { loadCSharpParser } = await import('./csharp/extractCSharp.js');
    parsers.csharp = await loadCSharpParser();
  }
  if (needed.has('typescript')) parsers.typescript = loadTypeScript();
  return parsers;
}

/** tree-sitter frees a tree's native memory only between event-loop turns. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
