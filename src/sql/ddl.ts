/**
 * DDL statements → schema fragments. The real parser is tried first; when it
 * rejects the statement (T-SQL named inline constraints, CREATE INDEX options,
 * filegroups…) the tolerant reader takes over and the caller is told, so the
 * file gets one diagnostic saying how many statements needed it.
 */
import { columnName, type AstNode } from './conditions.js';
import { identifierOf, tokenize } from './lexer.js';
import { readDdl } from './ddlReader.js';
import type { SqlDialect, SqlFilterLeaf, SqlIndexDef, SqlTableDef } from '../core/facts/sql.js';
import { tableNameOf } from './names.js';
import { parseSql } from './sqlParser.js';
import type { Statement } from './statements.js';

export interface DdlOutcome {
  table?: SqlTableDef;
  /** The parser rejected it and the tolerant reader read it. */
  usedFallback: boolean;
}

export function readDdlStatement(statement: Statement, dialect: SqlDialect): DdlOutcome {
  const isCreateTable = statement.keyword === 'CREATE' && statement.tokens[1]?.value === 'TABLE';
  if (isCreateTable && statement.text.length < 50_000 && !parserRejects(statement, dialect)) {
    const parsed = parseSql(statement.text, dialect);
    const table = parsed.ok ? fromCreateTableAst(parsed.statements[0], statement.line) : undefined;
    if (table) return { table: withFilterLeaves(table), usedFallback: false };
  }
  const table = readDdl(statement.tokens, statement.line);
  // CREATE INDEX and ALTER TABLE go straight to the reader: the parser's T-SQL grammar has neither form.
  return table ? { table: withFilterLeaves(table), usedFallback: isCreateTable } : { usedFallback: false };
}

/**
 * T-SQL the parser is known to reject (measured: inline named constraints, FOREIGN
 * KEY/REFERENCES). A failing PEG parse is the slowest kind, so those go straight
 * to the reader — this halves the time of a schema dump.
 */
function parserRejects(statement: Statement, dialect: SqlDialect): boolean {
  if (dialect !== 'transactsql') return false;
  const tokens = statement.tokens;
  return tokens.some(
    (t, i) =>
      t.value === 'FOREIGN' ||
      t.value === 'REFERENCES' ||
      (t.value === 'CONSTRAINT' && tokens[i - 1]?.text !== ',' && tokens[i - 1]?.text !== '('),
  );
}

function fromCreateTableAst(ast: AstNode, line: number): SqlTableDef | undefined {
  if (ast?.type !== 'create' || ast.keyword !== 'table') return undefined;
  const entry = ast.table?.[0];
  const table =
    entry &&
    tableNameOf(
      [entry.db, entry.schema, entry.table].filter((p: unknown): p is string => typeof p === 'string' && p.length > 0),
    );
  if (!table) return undefined;
  const def: SqlTableDef = { table, declares: true, columns: [], indexes: [], line, source: 'sql' };
  for (const item of ast.create_definitions ?? []) {
    if (item.resource === 'column') {
      const name = columnName(item.column);
      if (!name) continue;
      const type = typeof item.definition?.dataType === 'string' ? item.definition.dataType.toLowerCase() : undefined;
      const max = String(item.definition?.length ?? '').toLowerCase() === 'max';
      def.columns.push({ name, ...(type ? { type } : {}), ...(max ? { max: true as const } : {}) });
      if (item.primary_key) def.indexes.push({ kind: 'primary-key', columns: [name], include: [] });
      if (item.unique || item.unique_or_primary === 'unique')
        def.indexes.push({ kind: 'unique', columns: [name], include: [] });
    } else if (item.resource === 'constraint' || item.resource === 'index') {
      const type = String(item.constraint_type ?? item.keyword ?? '').toLowerCase();
      const kind: SqlIndexDef['kind'] | undefined = type.includes('primary')
        ? 'primary-key'
        : type.includes('unique')
          ? 'unique'
          : item.resource === 'index'
            ? 'index'
            : undefined;
      if (!kind) continue;
      const columns = (item.definition ?? [])
        .map((c: AstNode) => columnName(c) ?? (typeof c === 'string' ? c : undefined))
        .filter(Boolean) as string[];
      const name = item.constraint ?? item.index;
      def.indexes.push({ kind, columns, include: [], ...(typeof name === 'string' ? { name } : {}) });
    }
  }
  return def;
}

function withFilterLeaves(table: SqlTableDef): SqlTableDef {
  for (const index of table.indexes) if (index.filter) index.filterLeaves = filterLeaves(index.filter);
  return table;
}

/**
 * A filtered index's WHERE as AND-ed leaves; a query must repeat each to use the
 * index. Filter grammar is restricted (comparisons, IS [NOT] NULL, IN, AND — no
 * OR, no functions), so tokens suffice; anything else yields no leaves, and an
 * index whose filter has no leaves is never assumed to serve a query.
 */
export function filterLeaves(filter: string): SqlFilterLeaf[] {
  const tokens = tokenize(filter).filter((t) => t.text !== '(' && t.text !== ')');
  const leaves: SqlFilterLeaf[] = [];
  let i = 0;
  while (i < tokens.length) {
    const column = identifierOf(tokens[i]);
    if (column === undefined) return [];
    let op = tokens[i + 1]?.text ?? '';
    let next = i + 2;
    if (
      '<>!='.includes(op) &&
      tokens[i + 2] &&
      '<>='.includes(tokens[i + 2]!.text) &&
      tokens[i + 2]!.kind === 'symbol'
    ) {
      op += tokens[i + 2]!.text;
      next++;
    }
    const upper = op.toUpperCase();
    if (upper === 'IS') {
      const negated = tokens[next]?.value === 'NOT';
      if (negated) next++;
      if (tokens[next]?.value !== 'NULL') return [];
      leaves.push({ column, op: negated ? 'not-null' : 'null', value: 'NULL' });
      next++;
    } else if (upper === 'IN') {
      while (next < tokens.length && tokens[next]!.value !== 'AND') next++;
      leaves.push({ column, op: 'in' });
    } else {
      const value = tokens[next];
      if (!value || (value.kind !== 'number' && value.kind !== 'string')) return [];
      const text = value.kind === 'string' ? `'${value.value}'` : value.text;
      leaves.push({
        column,
        op: op === '=' ? 'eq' : ['<', '>', '<=', '>='].includes(op) ? 'range' : 'other',
        value: text,
      });
      next++;
    }
    if (next < tokens.length && tokens[next]!.value !== 'AND') return [];
    i = next + 1;
  }
  return leaves;
}
