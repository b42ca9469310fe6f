/**
 * DDL that removes or renames schema objects → schema changes, applied in
 * migration order: `DROP TABLE`, `DROP INDEX` (T-SQL `ix ON t` and `t.ix`,
 * PostgreSQL `[schema.]ix`), `ALTER TABLE … DROP COLUMN|CONSTRAINT|INDEX|KEY`,
 * `ALTER TABLE … RENAME [COLUMN|INDEX] … TO …`, `ALTER INDEX … RENAME TO` and
 * T-SQL's `EXEC sp_rename`. Temp tables are no schema and are skipped.
 */
import type { SqlDialect, SqlSchemaChange, SqlTableName } from '../core/facts/sql.js';
import { identifierOf, readDottedName, tokenize, type Token } from './lexer.js';
import { isTransientTable, tableNameOf } from './names.js';
import type { Statement } from './statements.js';

export function readSchemaChanges(statement: Statement, dialect: SqlDialect): SqlSchemaChange[] {
  const tokens = statement.tokens;
  const line = statement.line;
  const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i]!.value : '');
  if (word(0) === 'DROP' && word(1) === 'TABLE') return dropTables(tokens, line);
  if (word(0) === 'DROP' && word(1) === 'INDEX') return dropIndexes(tokens, line, dialect);
  if (word(0) === 'ALTER' && word(1) === 'TABLE') return alterTable(tokens, line);
  if (word(0) === 'ALTER' && word(1) === 'INDEX') return alterIndex(tokens, line);
  if ((word(0) === 'EXEC' || word(0) === 'EXECUTE') && isSpRename(tokens)) return spRename(tokens, line);
  return [];
}

/** `IF EXISTS` after the object keyword (`DROP TABLE IF EXISTS`, `DROP COLUMN IF EXISTS`). */
function skipIfExists(tokens: readonly Token[], at: number): number {
  return tokens[at]?.value === 'IF' && tokens[at + 1]?.value === 'EXISTS' ? at + 2 : at;
}

function nameAt(
  tokens: readonly Token[],
  at: number,
): { table: SqlTableName; parts: string[]; next: number } | undefined {
  const name = readDottedName(tokens, at);
  const table = name && tableNameOf(name.parts.filter(Boolean));
  return name && table ? { table, parts: name.parts, next: name.next } : undefined;
}

function dropTables(tokens: readonly Token[], line: number): SqlSchemaChange[] {
  const changes: SqlSchemaChange[] = [];
  let at = skipIfExists(tokens, 2);
  for (;;) {
    const name = nameAt(tokens, at);
    if (!name) break;
    if (!isTransientTable(name.table)) changes.push({ op: 'drop-table', table: name.table, line });
    if (tokens[name.next]?.text !== ',') break;
    at = name.next + 1;
  }
  return changes;
}

/** `DROP INDEX [IF EXISTS] [CONCURRENTLY] ix ON t[, ix2 ON t2]`, `DROP INDEX t.ix`, PostgreSQL `DROP INDEX [schema.]ix`. */
function dropIndexes(tokens: readonly Token[], line: number, dialect: SqlDialect): SqlSchemaChange[] {
  const changes: SqlSchemaChange[] = [];
  let at = 2;
  if (tokens[at]?.value === 'CONCURRENTLY') at++;
  at = skipIfExists(tokens, at);
  for (;;) {
    const name = readDottedName(tokens, at);
    if (!name) break;
    const parts = name.parts.filter(Boolean);
    let next = name.next;
    const index = parts[parts.length - 1]!;
    if (tokens[next]?.value === 'ON') {
      const target = nameAt(tokens, next + 1);
      if (target) changes.push({ op: 'drop-index', table: target.table, name: index, line });
      next = target ? target.next : next + 1;
    } else if (dialect !== 'postgresql' && parts.length >= 2) {
      // T-SQL's old `DROP INDEX table.index` (or `schema.table.index`).
      const table = tableNameOf(parts.slice(0, -1));
      changes.push({ op: 'drop-index', ...(table ? { table } : {}), name: index, line });
    } else changes.push({ op: 'drop-index', name: index, line });
    // T-SQL index options (`WITH (ONLINE = ON)`) end the list; a comma continues it.
    while (next < tokens.length && tokens[next]!.text !== ',') next++;
    if (tokens[next]?.text !== ',') break;
    at = next + 1;
  }
  return changes;
}

/** `ALTER TABLE t DROP COLUMN a, b`, `… DROP CONSTRAINT pk`, `… RENAME COLUMN a TO b`, `… RENAME TO u`, several actions by commas. */
function alterTable(tokens: readonly Token[], line: number): SqlSchemaChange[] {
  let at = 2;
  if (tokens[at]?.value === 'ONLY') at++;
  at = skipIfExists(tokens, at);
  const target = nameAt(tokens, at);
  if (!target || isTransientTable(target.table)) return [];
  const table = target.table;
  const changes: SqlSchemaChange[] = [];
  // Actions separated by top-level commas; T-SQL `DROP COLUMN a, b` lists names after one DROP.
  let depth = 0;
  let action: string | undefined;
  let i = target.next;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    if (depth > 0 || token.text === '(' || token.text === ')') {
      i++;
      continue;
    }
    const value = token.kind === 'word' ? token.value : '';
    if (value === 'DROP') {
      let j = i + 1;
      const kind = tokens[j]?.kind === 'word' ? tokens[j]!.value : '';
      if (kind === 'PRIMARY' || kind === 'FOREIGN' || kind === 'CHECK' || kind === 'PERIOD') {
        action = undefined;
        i = j + 1;
        continue;
      }
      if (['COLUMN', 'CONSTRAINT', 'INDEX', 'KEY'].includes(kind)) j++;
      j = skipIfExists(tokens, j);
      action = kind === 'CONSTRAINT' || kind === 'INDEX' || kind === 'KEY' ? 'drop-index' : 'drop-column';
      i = readDropped(tokens, j, action, table, line, changes);
      continue;
    }
    if (value === 'RENAME') {
      i = readRename(tokens, i + 1, table, line, changes);
      action = undefined;
      continue;
    }
    if (token.text === ',' && action) {
      // `DROP COLUMN a, b` (T-SQL): the next item is another name of the same action, unless an action keyword follows.
      const nextWord = tokens[i + 1]?.kind === 'word' ? tokens[i + 1]!.value : '';
      if (!['DROP', 'ADD', 'ALTER', 'RENAME', 'MODIFY', 'CHANGE', 'CONSTRAINT'].includes(nextWord)) {
        i = readDropped(tokens, skipIfExists(tokens, i + 1), action, table, line, changes);
        continue;
      }
    }
    if (value === 'ADD' || value === 'ALTER' || value === 'MODIFY') action = undefined;
    i++;
  }
  return changes;
}

function readDropped(
  tokens: readonly Token[],
  at: number,
  action: string,
  table: SqlTableName,
  line: number,
  changes: SqlSchemaChange[],
): number {
  const name = identifierOf(tokens[at]);
  if (name === undefined) return at + 1;
  changes.push(
    action === 'drop-index'
      ? { op: 'drop-index', table, name, line }
      : { op: 'drop-column', table, column: name, line },
  );
  return at + 1;
}

/** After `RENAME`: `TO u`, `COLUMN a TO b`, `a TO b` (column), `INDEX a TO b`, `KEY a TO b`. */
function readRename(
  tokens: readonly Token[],
  at: number,
  table: SqlTableName,
  line: number,
  changes: SqlSchemaChange[],
): number {
  if (tokens[at]?.value === 'TO' || tokens[at]?.value === 'AS') {
    const to = nameAt(tokens, at + 1);
    if (to) changes.push({ op: 'rename-table', table, to: to.table, line });
    return to ? to.next : at + 1;
  }
  const kind = tokens[at]?.kind === 'word' ? tokens[at]!.value : '';
  const isIndex = kind === 'INDEX' || kind === 'KEY' || kind === 'CONSTRAINT';
  if (isIndex || kind === 'COLUMN') at++;
  const from = identifierOf(tokens[at]);
  const to = tokens[at + 1]?.value === 'TO' ? identifierOf(tokens[at + 2]) : undefined;
  if (from === undefined || to === undefined) return at + 1;
  changes.push(
    isIndex
      ? { op: 'rename-index', table, name: from, to, line }
      : { op: 'rename-column', table, column: from, to, line },
  );
  return at + 3;
}

/** PostgreSQL `ALTER INDEX [IF EXISTS] [schema.]ix RENAME TO iy`. */
function alterIndex(tokens: readonly Token[], line: number): SqlSchemaChange[] {
  const name = readDottedName(tokens, skipIfExists(tokens, 2));
  if (!name || tokens[name.next]?.value !== 'RENAME' || tokens[name.next + 1]?.value !== 'TO') return [];
  const to = identifierOf(tokens[name.next + 2]);
  const parts = name.parts.filter(Boolean);
  return to ? [{ op: 'rename-index', name: parts[parts.length - 1]!, to, line }] : [];
}

function isSpRename(tokens: readonly Token[]): boolean {
  const name = readDottedName(tokens, 1);
  const last = name?.parts[name.parts.length - 1];
  return last?.toLowerCase() === 'sp_rename';
}

/**
 * `EXEC sp_rename 'dbo.T.Col', 'New', 'COLUMN'` (also `@objname = N'…'`): a
 * column, an index (`'INDEX'`), else an object — a table, or a constraint,
 * which the schema resolves when applying. A three-part name without a type is
 * a column or an index.
 */
function spRename(tokens: readonly Token[], line: number): SqlSchemaChange[] {
  const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.value);
  const [object, to, type] = strings;
  if (object === undefined || to === undefined) return [];
  const parts = nameParts(object);
  const kind = type?.toUpperCase();
  if (parts.length === 0 || !to.trim()) return [];
  const newName = nameParts(to).pop() ?? to;
  if (kind === 'INDEX' || kind === 'STATISTICS') {
    const table = parts.length >= 2 ? tableNameOf(parts.slice(0, -1)) : undefined;
    return [{ op: 'rename-index', ...(table ? { table } : {}), name: parts[parts.length - 1]!, to: newName, line }];
  }
  if (kind === 'COLUMN' || (kind === undefined && parts.length >= 3)) {
    const table = tableNameOf(parts.slice(0, -1));
    return table ? [{ op: 'rename-column', table, column: parts[parts.length - 1]!, to: newName, line }] : [];
  }
  const table = tableNameOf(parts);
  if (!table || isTransientTable(table)) return [];
  return [
    { op: 'rename-table', table, to: { ...(table.schema ? { schema: table.schema } : {}), name: newName }, line },
  ];
}

/** `[dbo].[T].[Col]` → its unquoted parts. */
function nameParts(text: string): string[] {
  const name = readDottedName(tokenize(text), 0);
  return name ? name.parts.filter(Boolean) : [];
}
