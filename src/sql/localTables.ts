/**
 * Tables a script or routine makes for itself: `CREATE [TEMPORARY] TABLE x`,
 * `SELECT … INTO x`, `CREATE TABLE x AS SELECT`, and the new name of `ALTER
 * TABLE a RENAME TO x`. Its own queries that use them name no table missing
 * from the estate, even where the table is gone once the script ends (dropped,
 * or temporary) and so is absent from the schema built from all scripts.
 */
import type { SqlDialect, SqlQueryFacts, SqlTableName } from '../core/facts/sql.js';
import { readDottedName, type Token } from './lexer.js';
import { tableKey, tableNameOf } from './names.js';
import type { Statement } from './statements.js';

/** The keys (`tableKey`) of the tables `statements` create or rename to. */
export function tablesCreatedBy(statements: readonly Statement[], dialect: SqlDialect): Set<string> {
  const created = new Set<string>();
  for (const statement of statements) {
    for (const table of createdIn(statement)) created.add(tableKey(table, dialect));
  }
  return created;
}

/** Records on `query` which of the tables it uses are in `created` (only those: a dump creates thousands). */
export function markLocalTables(query: SqlQueryFacts, created: ReadonlySet<string>): void {
  if (created.size === 0) return;
  const local = new Set<string>();
  for (const block of query.blocks) {
    for (const access of block.accesses) {
      const key = tableKey(access.table, query.dialect);
      if (created.has(key)) local.add(key);
    }
  }
  if (local.size > 0) query.localTables = [...local].sort();
}

function createdIn(statement: Statement): SqlTableName[] {
  const tokens = statement.tokens;
  if (statement.keyword === 'CREATE') {
    const table = createTableName(tokens);
    return table ? [table] : [];
  }
  if (statement.keyword === 'ALTER') {
    const table = renamedTo(tokens);
    return table ? [table] : [];
  }
  if (statement.keyword === 'SELECT' || statement.keyword === 'WITH') return selectIntoTargets(tokens);
  return [];
}

/** `CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMPORARY|TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name`. */
function createTableName(tokens: readonly Token[]): SqlTableName | undefined {
  let at = 1;
  if (tokens[at]?.value === 'OR' && tokens[at + 1]?.value === 'REPLACE') at += 2;
  while (['GLOBAL', 'LOCAL', 'TEMPORARY', 'TEMP', 'UNLOGGED'].includes(tokens[at]?.value ?? '')) at++;
  if (tokens[at]?.value !== 'TABLE') return undefined;
  at++;
  if (tokens[at]?.value === 'IF' && tokens[at + 1]?.value === 'NOT' && tokens[at + 2]?.value === 'EXISTS') at += 3;
  return nameAt(tokens, at);
}

/** `ALTER TABLE [IF EXISTS] [ONLY] a RENAME TO b`: b, in a's schema when unqualified. */
function renamedTo(tokens: readonly Token[]): SqlTableName | undefined {
  if (tokens[1]?.value !== 'TABLE') return undefined;
  let at = 2;
  if (tokens[at]?.value === 'IF' && tokens[at + 1]?.value === 'EXISTS') at += 2;
  if (tokens[at]?.value === 'ONLY') at++;
  const old = readDottedName(tokens, at);
  if (!old || tokens[old.next]?.value !== 'RENAME' || tokens[old.next + 1]?.value !== 'TO') return undefined;
  const to = nameAt(tokens, old.next + 2);
  const from = tableNameOf(old.parts.filter(Boolean));
  if (!to) return undefined;
  return to.schema || !from?.schema ? to : { schema: from.schema, name: to.name };
}

/** `SELECT … INTO x FROM …` at the statement's own depth (never `INSERT INTO`, which writes an existing table). */
function selectIntoTargets(tokens: readonly Token[]): SqlTableName[] {
  const targets: SqlTableName[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '(') depth++;
    else if (token.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && token.value === 'INTO' && token.kind === 'word') {
      const previous = tokens[i - 1]?.value;
      if (previous === 'INSERT' || previous === 'MERGE') continue;
      const table = nameAt(tokens, i + 1);
      if (table) targets.push(table);
    }
  }
  return targets;
}

function nameAt(tokens: readonly Token[], at: number): SqlTableName | undefined {
  const name = readDottedName(tokens, at);
  return name ? tableNameOf(name.parts.filter(Boolean)) : undefined;
}
