/**
 * The SQL a file holds, whatever its language: `.sql` scripts (schema, routines,
 * queries), C# (queries from call-site facts, EF migrations and model
 * configuration from the text), JS/TS (driver calls the JS extractor found).
 * Pure `(kind, path, text, facts) → SqlFileFacts`, run beside the language extractor.
 */
import type { ExtractionProblem, FileFacts, JsSqlQuery } from '../../core/facts.js';
import type { FileKind } from '../../core/fileKinds.js';
import { analyzeQuery } from '../../sql/analyzeQuery.js';
import { extractCSharpQueries } from '../../sql/csharpQueries.js';
import { maskCSharp } from '../../sql/ef/csharpText.js';
import { MIGRATION_TRIGGER, readMigrations } from '../../sql/ef/migrations.js';
import { MODEL_TRIGGER, readModelHints } from '../../sql/ef/modelHints.js';
import type { SqlFileFacts } from '../../core/facts/sql.js';
import { extractSqlScript } from '../../sql/sqlScript.js';
import { sqlQueriesByPattern } from '../js/sql/byPattern.js';

export interface SqlExtraction {
  sql?: SqlFileFacts;
  problems: ExtractionProblem[];
}

export function extractSqlFacts(kind: FileKind, filePath: string, text: string, facts: FileFacts | undefined): SqlExtraction {
  if (kind === 'sql') {
    const outcome = extractSqlScript(text);
    return { sql: outcome.facts, problems: outcome.problems };
  }
  if (kind === 'csharp') return fromCSharp(text, facts);
  if (kind === 'javascript' || kind === 'typescript') return fromJs(text, facts);
  return { problems: [] };
}

function fromCSharp(text: string, facts: FileFacts | undefined): SqlExtraction {
  const sql: SqlFileFacts = { tables: [], routines: [], queries: [] };
  const problems: ExtractionProblem[] = [];
  if (facts?.kind === 'csharp') {
    const found = extractCSharpQueries(facts);
    sql.queries.push(...found.queries);
    problems.push(...found.problems);
  }
  const migrations = MIGRATION_TRIGGER.test(text);
  const model = MODEL_TRIGGER.test(text);
  if (migrations || model) {
    const masked = maskCSharp(text);
    if (migrations) sql.tables.push(...readMigrations(text, masked));
    if (model) {
      const hints = readModelHints(text, masked);
      if (hints.sets.length + hints.tables.length + hints.keys.length > 0) sql.ef = hints;
    }
  }
  return isEmpty(sql) ? { problems } : { sql, problems };
}

function fromJs(text: string, facts: FileFacts | undefined): SqlExtraction {
  // Minified and generated files are skipped before parsing and have no facts: their literal queries are still read by pattern.
  const found: JsSqlQuery[] = facts?.kind === 'js' ? facts.sqlQueries : sqlQueriesByPattern(text);
  if (found.length === 0) return { problems: [] };
  const sql: SqlFileFacts = { tables: [], routines: [], queries: [] };
  const problems: ExtractionProblem[] = [];
  for (const query of found) {
    const analysed = analyzeQuery(query.text, { dialect: query.dialect, api: query.api, line: query.line, column: query.column, dynamic: query.dynamic });
    sql.queries.push(analysed.query);
    problems.push(...analysed.problems);
  }
  return { sql, problems };
}

function isEmpty(sql: SqlFileFacts): boolean {
  return sql.tables.length === 0 && sql.routines.length === 0 && sql.queries.length === 0 && !sql.ef;
}
