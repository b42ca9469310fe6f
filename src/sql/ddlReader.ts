/**
 * The tolerant DDL reader: `CREATE TABLE` columns and constraints, `CREATE
 * INDEX` (UNIQUE, CLUSTERED, INCLUDE, filtered WHERE), `ALTER TABLE … ADD
 * [CONSTRAINT] PRIMARY KEY/UNIQUE` and added columns — from tokens, for the
 * T-SQL the parser rejects (named inline constraints, index options, filegroups).
 */
import { identifierOf, readDottedName, type Token } from './lexer.js';
import type { SqlColumnDef, SqlIndexDef, SqlTableDef } from '../core/facts/sql.js';
import { tableNameOf } from './names.js';

const MODIFIERS = new Set([
  'CLUSTERED',
  'NONCLUSTERED',
  'HASH',
  'COLUMNSTORE',
  'CONCURRENTLY',
  'ONLINE',
  'FULLTEXT',
  'SPATIAL',
  'BITMAP',
]);

/** Reads one DDL statement; undefined when it is not one this reader knows. */
export function readDdl(tokens: readonly Token[], line: number): SqlTableDef | undefined {
  const words = tokens.map((t) => (t.kind === 'word' ? t.value : ''));
  if (words[0] === 'CREATE' && words[1] === 'TABLE') return readCreateTable(tokens, 2, line);
  // PolyBase/Synapse `CREATE EXTERNAL TABLE`: a table without indexes.
  if (words[0] === 'CREATE' && words[1] === 'EXTERNAL' && words[2] === 'TABLE') return readCreateTable(tokens, 3, line);
  if (words[0] === 'CREATE' || (words[0] === 'ALTER' && words[1] !== 'TABLE')) {
    const indexAt = words.indexOf('INDEX');
    if (
      indexAt > 0 &&
      indexAt < 6 &&
      words.slice(1, indexAt).every((w) => w === 'UNIQUE' || w === 'OR' || w === 'REPLACE' || MODIFIERS.has(w))
    ) {
      const index = readCreateIndex(tokens, indexAt, words.slice(1, indexAt).includes('UNIQUE'), line);
      if (index && words.slice(1, indexAt).includes('COLUMNSTORE')) for (const i of index.indexes) i.columnstore = true;
      return index;
    }
    return undefined;
  }
  if (words[0] === 'ALTER' && words[1] === 'TABLE') return readAlterTable(tokens, line);
  return undefined;
}

function readCreateTable(tokens: readonly Token[], start: number, line: number): SqlTableDef | undefined {
  let at = start;
  if (tokens[at]?.value === 'IF' && tokens[at + 1]?.value === 'NOT' && tokens[at + 2]?.value === 'EXISTS') at += 3;
  const name = readDottedName(tokens, at);
  const table = name && tableNameOf(name.parts.filter(Boolean));
  if (!name || !table) return undefined;
  const def: SqlTableDef = { table, declares: true, columns: [], indexes: [], line, source: 'sql' };
  if (tokens[name.next]?.text !== '(') return def;
  for (const item of splitTopLevel(tokens, name.next)) readTableItem(item, def);
  return def;
}

function readTableItem(item: Token[], def: SqlTableDef): void {
  const head = item[0];
  if (!head) return;
  const word = head.kind === 'word' ? head.value : '';
  if (
    [
      'CONSTRAINT',
      'PRIMARY',
      'UNIQUE',
      'INDEX',
      'KEY',
      'FOREIGN',
      'CHECK',
      'PERIOD',
      'FULLTEXT',
      'SPATIAL',
      'EXCLUDE',
    ].includes(word)
  ) {
    const index = readConstraint(item, 0);
    if (index) def.indexes.push(index);
    return;
  }
  const column = identifierOf(head);
  if (column === undefined) return;
  const type = item[1]?.kind === 'word' && item[1].value !== 'AS' ? item[1].text.toLowerCase() : undefined;
  const max = type !== undefined && item[2]?.value === '(' && item[3]?.value === 'MAX';
  const columnDef: SqlColumnDef = { name: column, ...(type ? { type } : {}), ...(max ? { max: true as const } : {}) };
  def.columns.push(columnDef);
  // Inline `PRIMARY KEY` / `UNIQUE`, possibly named with CONSTRAINT.
  for (let i = 1; i < item.length; i++) {
    const value = item[i]!.value;
    if (value === 'PRIMARY' && item[i + 1]?.value === 'KEY')
      def.indexes.push({ kind: 'primary-key', columns: [column], include: [], ...constraintName(item, i) });
    else if (value === 'UNIQUE' && item[i - 1]?.kind !== 'symbol')
      def.indexes.push({ kind: 'unique', columns: [column], include: [], ...constraintName(item, i) });
  }
}

function constraintName(item: readonly Token[], at: number): { name?: string } {
  const name = item[at - 2]?.value === 'CONSTRAINT' ? identifierOf(item[at - 1]) : undefined;
  return name ? { name } : {};
}

/** `[CONSTRAINT n] PRIMARY KEY [CLUSTERED] (cols)`, `UNIQUE [KEY] [n] (cols)`, `INDEX n [NONCLUSTERED] (cols)`, `KEY n (cols)`. */
function readConstraint(item: readonly Token[], start: number): SqlIndexDef | undefined {
  let at = start;
  let name: string | undefined;
  if (item[at]?.value === 'CONSTRAINT') {
    name = identifierOf(item[at + 1]);
    at += 2;
  }
  const word = item[at]?.value;
  let kind: SqlIndexDef['kind'];
  if (word === 'PRIMARY') kind = 'primary-key';
  else if (word === 'UNIQUE') kind = 'unique';
  else if (word === 'INDEX' || word === 'KEY') kind = 'index';
  else return undefined;
  const open = item.findIndex((t, i) => i > at && t.text === '(');
  if (open < 0) return undefined;
  if (!name) {
    const candidate = item
      .slice(at + 1, open)
      .find(
        (t) =>
          (t.kind === 'quoted' || t.kind === 'word') &&
          !['KEY', 'INDEX', 'CLUSTERED', 'NONCLUSTERED', 'USING', 'BTREE', 'HASH'].includes(t.value),
      );
    name = identifierOf(candidate);
  }
  const columns = columnList(item, open);
  const index: SqlIndexDef = { kind, columns: columns.list, include: [], ...(name ? { name } : {}) };
  if (item[columns.next]?.value === 'INCLUDE' && item[columns.next + 1]?.text === '(')
    index.include = columnList(item, columns.next + 1).list;
  return index;
}

function readCreateIndex(
  tokens: readonly Token[],
  indexAt: number,
  unique: boolean,
  line: number,
): SqlTableDef | undefined {
  let at = indexAt + 1;
  if (tokens[at]?.value === 'CONCURRENTLY') at++;
  if (tokens[at]?.value === 'IF' && tokens[at + 1]?.value === 'NOT') at += 3;
  const name = tokens[at]?.value === 'ON' ? undefined : identifierOf(tokens[at]);
  if (name !== undefined) at++;
  if (tokens[at]?.value !== 'ON') return undefined;
  at++;
  if (tokens[at]?.value === 'ONLY') at++;
  const target = readDottedName(tokens, at);
  const table = target && tableNameOf(target.parts.filter(Boolean));
  if (!target || !table) return undefined;
  at = target.next;
  if (tokens[at]?.value === 'USING') at += 2;
  if (tokens[at]?.text !== '(') return undefined;
  const columns = columnList(tokens, at);
  const index: SqlIndexDef = {
    kind: unique ? 'unique' : 'index',
    columns: columns.list,
    include: [],
    line,
    ...(name ? { name } : {}),
  };
  at = columns.next;
  if (tokens[at]?.value === 'INCLUDE' && tokens[at + 1]?.text === '(') {
    const include = columnList(tokens, at + 1);
    index.include = include.list;
    at = include.next;
  }
  if (tokens[at]?.value === 'WHERE') {
    const end = tokens.findIndex(
      (t, i) => i > at && t.kind === 'word' && (t.value === 'WITH' || t.value === 'ON' || t.value === 'TABLESPACE'),
    );
    const filterTokens = tokens.slice(at + 1, end < 0 ? tokens.length : end);
    if (filterTokens.length > 0)
      index.filter = filterTokens
        .map((t) => t.text)
        .join(' ')
        .replace(/\s+([.)])/g, '$1')
        .replace(/([.(])\s+/g, '$1');
  }
  return { table, declares: false, columns: [], indexes: [index], line, source: 'sql' };
}

function readAlterTable(tokens: readonly Token[], line: number): SqlTableDef | undefined {
  const target = readDottedName(tokens, 2);
  const table = target && tableNameOf(target.parts.filter(Boolean));
  if (!target || !table) return undefined;
  const def: SqlTableDef = { table, declares: false, columns: [], indexes: [], line, source: 'sql' };
  let at = target.next;
  while (at < tokens.length && tokens[at]!.value !== 'ADD') {
    // `ALTER COLUMN`, `DROP …`, `NOCHECK CONSTRAINT …`: nothing that adds a key.
    if (['ALTER', 'DROP', 'NOCHECK', 'SWITCH', 'SET', 'REBUILD', 'ENABLE', 'DISABLE'].includes(tokens[at]!.value))
      return def;
    at++;
  }
  if (tokens[at]?.value !== 'ADD') return def;
  // `ADD a, CONSTRAINT b …` — items separated by top-level commas.
  const items: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens.slice(at + 1)) {
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (token.text === ',' && depth === 0) items.push([]);
    else items[items.length - 1]!.push(token);
  }
  for (const item of items) {
    if (item.length === 0) continue;
    const index = readConstraint(item, 0);
    if (index) def.indexes.push(index);
    else if (!['CONSTRAINT', 'FOREIGN', 'CHECK', 'DEFAULT'].includes(item[0]!.value)) readTableItem(item, def);
  }
  return def;
}

/** Items of a parenthesised, comma-separated list starting at `open`. */
function splitTopLevel(tokens: readonly Token[], open: number): Token[][] {
  const items: Token[][] = [[]];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (token.text === ')') {
      depth--;
      if (depth === 0) break;
    } else if (token.text === ',' && depth === 1) {
      items.push([]);
      continue;
    }
    items[items.length - 1]!.push(token);
  }
  return items.filter((item) => item.length > 0);
}

/** `(a ASC, [b] DESC)` → names; expressions (`lower(email)`) are kept as written. */
function columnList(tokens: readonly Token[], open: number): { list: string[]; next: number } {
  const list: string[] = [];
  let depth = 0;
  let i = open;
  let current: Token[] = [];
  const flush = () => {
    const named =
      current.length >= 1 && (current.length === 1 || ['ASC', 'DESC'].includes(current[current.length - 1]!.value))
        ? identifierOf(current[0])
        : undefined;
    if (named !== undefined) list.push(named);
    else if (current.length > 0) list.push(current.map((t) => t.text).join(''));
    current = [];
  };
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '(') {
      depth++;
      if (depth === 1) continue;
    }
    if (token.text === ')') {
      depth--;
      if (depth === 0) {
        flush();
        return { list, next: i + 1 };
      }
    }
    if (token.text === ',' && depth === 1) flush();
    else current.push(token);
  }
  flush();
  return { list, next: i };
}
