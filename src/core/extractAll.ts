/**
 * Reads and extracts every discovered file once. Files that cannot be read, or
 * whose extraction fails, become diagnostics; the scan always goes on.
 */
import type { Diagnostic } from './result.js';
import type { ExtractedFile, RepoModel } from './model.js';
import type { RepoEntry } from '../discover/walk.js';
import type { ScanListener } from './events.js';
import { readSource } from '../extract/readSource.js';
import { extractFile, parsersNeeded, type Parsers } from '../extract/extractFile.js';
import { extractSqlFacts } from '../extract/sql/extractSql.js';

export interface ExtractAllOptions {
  maxFileBytes: number;
  onEvent?: ScanListener;
}

export async function extractAll(
  repos: readonly RepoEntry[],
  options: ExtractAllOptions,
): Promise<{ repos: RepoModel[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const parsers = await loadParsers(repos);
  const total = repos.reduce((n, r) => n + r.files.length, 0);
  let done = 0;
  const models: RepoModel[] = [];
  for (const repo of repos) {
    const files: ExtractedFile[] = [];
    for (const entry of repo.files) {
      done++;
      const read = readSource(entry, options.maxFileBytes);
      if (!read.ok) {
        diagnostics.push({ code: read.code, severity: 'warning', message: read.message, repo: repo.name, file: entry.path });
        continue;
      }
      if (read.encoding === 'windows-1252') {
        diagnostics.push({
          code: 'legacy-encoding',
          severity: 'info',
          message: 'not valid UTF-8; decoded as Windows-1252',
          repo: repo.name,
          file: entry.path,
        });
      }
      try {
        const outcome = extractFile(entry.kind, entry.path, read.text, parsers);
        const sql = extractSqlFacts(entry.kind, entry.path, read.text, outcome.facts);
        for (const problem of [...outcome.problems, ...sql.problems]) {
          diagnostics.push({
            code: problem.code,
            severity: problem.severity,
            message: problem.message,
            repo: repo.name,
            file: entry.path,
            ...(problem.line !== undefined ? { line: problem.line } : {}),
          });
        }
        files.push({ repo: repo.name, path: entry.path, kind: entry.kind, loc: outcome.loc, ...(outcome.facts ? { facts: outcome.facts } : {}), ...(sql.sql ? { sql: sql.sql } : {}) });
      } catch (error) {
        diagnostics.push({
          code: 'extract-failed',
          severity: 'error',
          message: `extraction failed: ${error instanceof Error ? error.message : String(error)}`,
          repo: repo.name,
          file: entry.path,
        });
      }
      options.onEvent?.({ type: 'file-done', repo: repo.name, done, total });
      // tree-sitter frees a tree's native memory only between event-loop turns.
      if (entry.kind === 'csharp') await yieldToEventLoop();
    }
    models.push({ name: repo.name, path: repo.path, git: repo.git, files });
  }
  return { repos: models, diagnostics };
}

async function loadParsers(repos: readonly RepoEntry[]): Promise<Parsers> {
  const needed = parsersNeeded(repos.flatMap((r) => r.files.map((f) => f.kind)));
  const parsers: Parsers = {};
  if (needed.has('csharp')) {
    const { loadCSharpParser } = await import('../extract/csharp/extractCSharp.js');
    parsers.csharp = await loadCSharpParser();
  }
  return parsers;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
