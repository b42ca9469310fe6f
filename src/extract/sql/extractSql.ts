/**
 * The SQL a file holds, whatever its language: `.sql` scripts (schema, routines,
 * queries), C# (queries, EF migrations and model configuration, all from the
 * C# facts), JS/TS (driver calls the JS extractor found). Pure `(kind, text,
 * facts) → SqlFileFacts`, run beside the language extractor: no file is parsed
 * a second time here.
 */
import type { ExtractionProblem, FileFacts, JsSqlQuery } from '../../core/facts.js';
import type { FileKind } from '../../core/fileKinds.js';
import { analyzeQuery } from '../../sql/analyzeQuery.js';
import { extractCSharpQueries } from '../../sql/csharpQueries.js';
import { readMigrationFile } from '../../sql/ef/migrationFile.js';
import { readModelHints } from '../../sql/ef/modelHints.js';
import type { SqlFileFacts } from '../../core/facts/sql.js';
import { extractSqlScript } from '../../sql/sqlScript.js';
import { sqlQueriesByPattern } from '../js/sql/byPattern.js';

export interface SqlExtraction {
  sql?: SqlFileFacts;
  problems: ExtractionProblem[];
}

export function extractSqlFacts(kind: FileKind, text: string, facts: FileFacts | undefined): SqlExtraction {
  if (kind === 'sql') {
    const outcome = extractSqlScript(text);
    return { sql: outcome.facts, problems: outcome.problems };
  }
  if (kind === 'csharp') return fromCSharp(facts);
  if (kind === 'javascript' || kind === 'typescript') return fromJs(text, facts);
  return { problems: [] };
}

function fromCSharp(facts: FileFacts | undefined): SqlExtraction {
  if (facts?.kind !== 'csharp') return { problems: [] };
  const sql: SqlFileFacts = { tables: [], routines: [], queries: [] };
  const found = extractCSharpQueries(facts);
  sql.queries.push(...found.queries);
  const migration = readMigrationFile(facts);
  sql.tables.push(...migration.tables);
  if (migration.changes.length > 0) sql.changes = migration.changes;
  if (migration.efMigration) sql.efMigration = migration.efMigration;
  const hints = readModelHints(facts);
  if (hints.sets.length + hints.tables.length + hints.keys.length > 0) sql.ef = hints;
  return isEmpty(sql) ? { problems: found.problems } : { sql, problems: found.problems };
}

function fromJs(text: string, facts: FileFacts | undefined): SqlExtraction {
  // Minified and generated files are skipped before parsing and have no facts: their literal queries are still read by pattern.
  const found: JsSqlQuery[] = facts?.kind === 'js' ? facts.sqlQueries : sqlQueriesByPattern(text);
  if (found.length === 0) return { problems: [] };
  const sql: SqlFileFacts = { tables: [], routines: [], queries: [] };
  const problems: ExtractionProblem[] = [];
  for (const query of found) {
    const analysed = analyzeQuery(query.text, {
      dialect: query.dialect,
      api: query.api,
      line: query.line,
      column: query.column,
      dynamic: query.dynamic,
    });
    sql.queries.push(analysed.query);
    problems.push(...analysed.problems);
  }
  return { sql, problems };
}

function isEmpty(sql: SqlFileFacts): boolean {
  return sql.tables.length === 0 && sql.routines.length === 0 && sql.queries.length === 0 && !sql.ef && !sql.changes;
}
