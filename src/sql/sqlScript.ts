/**
 * A `.sql` file → schema fragments, routines and queries. Batches split on GO;
 * `CREATE/ALTER PROCEDURE|VIEW|FUNCTION|TRIGGER` batches become a routine whose
 * body statements are one query (api `procedure`, `view`, …); DDL becomes schema;
 * other DML is a script query (ad-hoc reports, data fixes) — except seed
 * `INSERT … VALUES`, which is no query the estate sends.
 */
import type { ExtractionProblem } from '../core/facts.js';
import { addStatement, isPlainInsert, normaliseText, type QueryOrigin } from './analyzeQuery.js';
import { readDdlStatement } from './ddl.js';
import { readSchemaChanges } from './ddlChanges.js';
import { readDottedName } from './lexer.js';
import { markLocalTables, tablesCreatedBy } from './localTables.js';
import type { SqlDialect, SqlFileFacts, SqlQueryFacts, SqlRoutineDef, SqlTableName } from '../core/facts/sql.js';
import { displayName, tableNameOf } from './names.js';
import { dialectShown } from './sniff.js';
import { MAX_STATEMENT_TOKENS, splitBatches, splitStatements, type Statement } from './statements.js';
import { ownEntry } from '../core/ownEntry.js';

export { detectDialect } from './sniff.js';

const ROUTINE_KINDS: Record<string, SqlRoutineDef['kind']> = {
  PROCEDURE: 'procedure',
  PROC: 'procedure',
  VIEW: 'view',
  FUNCTION: 'function',
  TRIGGER: 'trigger',
};

export interface SqlScriptOutcome {
  facts: SqlFileFacts;
  problems: ExtractionProblem[];
}

function truncatedStatement(statement: Statement): ExtractionProblem {
  return {
    code: 'sql-statement-too-large',
    severity: 'info',
    message: `statement of ${statement.text.length} characters: only its first ${MAX_STATEMENT_TOKENS} tokens were read (${statement.omittedTokens} more skipped)`,
    line: statement.line,
  };
}

export function extractSqlScript(text: string): SqlScriptOutcome {
  const shown = dialectShown(text);
  const dialect = shown ?? 'transactsql';
  const facts: SqlFileFacts = { tables: [], routines: [], queries: [], ...(shown ? { dialect: shown } : {}) };
  const problems: ExtractionProblem[] = [];
  let fallbacks = 0;
  const scriptStatements: Statement[] = [];
  const scriptQueries: SqlQueryFacts[] = [];
  for (const batch of splitBatches(text)) {
    const statements = splitStatements(batch.text, batch);
    for (const statement of statements) if (statement.omittedTokens) problems.push(truncatedStatement(statement));
    const routine = routineHeader(statements[0]);
    if (routine) {
      facts.routines.push({ ...routine.def, line: statements[0]!.line });
      facts.queries.push(
        routineQuery(routine.def, statements.slice(1), routine.bodyStart, statements[0]!, dialect, problems),
      );
      continue;
    }
    scriptStatements.push(...statements);
    for (const statement of statements) {
      const dropped = droppedRoutines(statement);
      if (dropped.length > 0) {
        facts.routineDrops ??= [];
        facts.routineDrops.push(...dropped);
      }
      // Drops and renames are applied in migration order when the estate's schemas are built.
      const changes = readSchemaChanges(statement, dialect);
      if (changes.length > 0) {
        facts.changes ??= [];
        facts.changes.push(...changes);
      }
      if (['CREATE', 'ALTER'].includes(statement.keyword)) {
        const outcome = readDdlStatement(statement, dialect);
        if (outcome.table) facts.tables.push(outcome.table);
        if (outcome.usedFallback) fallbacks++;
        continue;
      }
      if (changes.length > 0) continue;
      if (!['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'MERGE', 'EXEC', 'EXECUTE'].includes(statement.keyword))
        continue;
      // Seed data in deployment scripts and dumps is not a query the estate sends.
      if (isPlainInsert(statement)) continue;
      const origin: QueryOrigin = { dialect, api: 'script', line: statement.line, column: 1, dynamic: false };
      const query = emptyQuery(statement.text, origin);
      addStatement(query, { ...statement, line: 1 }, origin, problems);
      facts.queries.push(query);
      scriptQueries.push(query);
    }
  }
  const created = tablesCreatedBy(scriptStatements, dialect);
  for (const query of scriptQueries) markLocalTables(query, created);
  if (fallbacks > 0) {
    problems.push({
      code: 'sql-ddl-fallback',
      severity: 'info',
      message: `${fallbacks} CREATE TABLE statement(s) the SQL parser rejected were read by the tolerant DDL reader`,
    });
  }
  return { facts, problems };
}

/** `DROP PROC[EDURE]|FUNCTION|VIEW|TRIGGER [IF EXISTS] a, b`: the routines dropped. */
function droppedRoutines(statement: Statement): { name: SqlTableName; line: number }[] {
  const tokens = statement.tokens;
  if (statement.keyword !== 'DROP' || !ownEntry(ROUTINE_KINDS, tokens[1]?.value ?? '')) return [];
  let at = 2;
  if (tokens[at]?.value === 'IF' && tokens[at + 1]?.value === 'EXISTS') at += 2;
  const dropped: { name: SqlTableName; line: number }[] = [];
  for (;;) {
    const name = readDottedName(tokens, at);
    const table = name && tableNameOf(name.parts.filter(Boolean));
    if (!name || !table) break;
    dropped.push({ name: table, line: statement.line });
    if (tokens[name.next]?.text !== ',') break;
    at = name.next + 1;
  }
  return dropped;
}

/** `CREATE [OR ALTER] PROC[EDURE] name …` (or ALTER): the routine and where its body starts (the first token after its own). */
function routineHeader(
  first: Statement | undefined,
): { def: Omit<SqlRoutineDef, 'line'>; bodyStart: number } | undefined {
  if (!first || !['CREATE', 'ALTER'].includes(first.keyword)) return undefined;
  const tokens = first.tokens;
  let at = 1;
  if (tokens[at]?.value === 'OR' && (tokens[at + 1]?.value === 'ALTER' || tokens[at + 1]?.value === 'REPLACE')) at += 2;
  const kind = ownEntry(ROUTINE_KINDS, tokens[at]?.value ?? '');
  if (!kind) return undefined;
  const name = readDottedName(tokens, at + 1);
  const table = name && tableNameOf(name.parts.filter(Boolean));
  if (!table) return undefined;
  return { def: { name: table, kind }, bodyStart: name.next };
}

function routineQuery(
  def: Omit<SqlRoutineDef, 'line'>,
  rest: Statement[],
  bodyStart: number,
  header: Statement,
  dialect: SqlDialect,
  problems: ExtractionProblem[],
): SqlQueryFacts {
  const origin: QueryOrigin = {
    dialect,
    api: def.kind,
    line: header.line,
    column: 1,
    dynamic: false,
    routine: displayName(def.name),
  };
  // A view's or inline function's SELECT follows `AS` inside the header statement itself.
  const headerBody = header.tokens.slice(bodyStart);
  const body: Statement[] = [];
  // `@Permanent AS BIT` declares a parameter; the body's AS follows the parameters and options (`WITH RECOMPILE AS`).
  const asAt = headerBody.findIndex((t, i) => t.value === 'AS' && !headerBody[i - 1]?.text.startsWith('@'));
  if (asAt >= 0 && asAt + 1 < headerBody.length) {
    const start = headerBody[asAt + 1]!;
    const text = header.text.slice(start.start - header.tokens[0]!.start);
    body.push(...splitStatements(text, { offset: 0, line: header.line + start.line - header.tokens[0]!.line }));
  }
  body.push(...rest);
  const query = emptyQuery([header.text, ...rest.map((s) => s.text)].join('\n'), origin);
  const statements = unwrapReturns(body);
  for (const statement of statements)
    addStatement(query, { ...statement, line: statement.line - header.line + 1 }, origin, problems);
  markLocalTables(query, tablesCreatedBy(statements, dialect));
  return query;
}

/** `RETURN (SELECT …)` of inline table functions: the parenthesised SELECT is the statement. */
function unwrapReturns(statements: Statement[]): Statement[] {
  return statements.flatMap((s) => {
    if (s.keyword !== 'RETURN' || s.tokens[1]?.text !== '(') return [s];
    const inner = s.text.slice(
      s.tokens[1]!.end - s.tokens[0]!.start,
      s.tokens[s.tokens.length - 1]!.text === ')'
        ? s.tokens[s.tokens.length - 1]!.start - s.tokens[0]!.start
        : undefined,
    );
    return splitStatements(inner, { offset: s.offset, line: s.line });
  });
}

function emptyQuery(text: string, origin: QueryOrigin): SqlQueryFacts {
  return {
    text: normaliseText(text),
    dialect: origin.dialect,
    dynamic: false,
    line: origin.line,
    column: origin.column,
    api: origin.api,
    ...(origin.routine ? { routine: origin.routine } : {}),
    blocks: [],
    selectStar: false,
    parsed: true,
  };
}
