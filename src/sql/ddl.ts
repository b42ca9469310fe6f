/**
 * DDL statements → schema fragments. The real parser is tried first; when it
 * rejects the statement (T-SQL named inline constraints, CREATE INDEX options,
 * filegroups…) the tolerant reader takes over and the caller is told, so the
 * file gets one diagnostic saying how many statements needed it.
 */
import { andedLeaves } from './blocks.js';
import { columnName, toPredicate, type AstNode } from './conditions.js';
import { readDdl } from './ddlReader.js';
import type { SqlDialect, SqlFilterLeaf, SqlIndexDef, SqlTableDef } from './model.js';
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
  if (isCreateTable && statement.text.length < 50_000) {
    const parsed = parseSql(statement.text, dialect);
    const table = parsed.ok ? fromCreateTableAst(parsed.statements[0], statement.line) : undefined;
    if (table) return { table: withFilterLeaves(table, dialect), usedFallback: false };
  }
  const table = readDdl(statement.tokens, statement.line);
  // CREATE INDEX and ALTER TABLE go straight to the reader: the parser's T-SQL grammar has neither form.
  return table ? { table: withFilterLeaves(table, dialect), usedFallback: isCreateTable } : { usedFallback: false };
}

function fromCreateTableAst(ast: AstNode, line: number): SqlTableDef | undefined {
  if (!ast || ast.type !== 'create' || ast.keyword !== 'table') return undefined;
  const entry = ast.table?.[0];
  const table = entry && tableNameOf([entry.db, entry.schema, entry.table].filter((p: unknown): p is string => typeof p === 'string' && p.length > 0));
  if (!table) return undefined;
  const def: SqlTableDef = { table, declares: true, columns: [], indexes: [], line, source: 'sql' };
  for (const item of ast.create_definitions ?? []) {
    if (item.resource === 'column') {
      const name = columnName(item.column);
      if (!name) continue;
      const type = typeof item.definition?.dataType === 'string' ? item.definition.dataType.toLowerCase() : undefined;
      def.columns.push({ name, ...(type ? { type } : {}) });
      if (item.primary_key) def.indexes.push({ kind: 'primary-key', columns: [name], include: [] });
      if (item.unique || item.unique_or_primary === 'unique') def.indexes.push({ kind: 'unique', columns: [name], include: [] });
    } else if (item.resource === 'constraint' || item.resource === 'index') {
      const type = String(item.constraint_type ?? item.keyword ?? '').toLowerCase();
      const kind: SqlIndexDef['kind'] | undefined = type.includes('primary') ? 'primary-key' : type.includes('unique') ? 'unique' : item.resource === 'index' ? 'index' : undefined;
      if (!kind) continue;
      const columns = (item.definition ?? []).map((c: AstNode) => columnName(c) ?? (typeof c === 'string' ? c : undefined)).filter(Boolean) as string[];
      const name = item.constraint ?? item.index;
      def.indexes.push({ kind, columns, include: [], ...(typeof name === 'string' ? { name } : {}) });
    }
  }
  return def;
}

function withFilterLeaves(table: SqlTableDef, dialect: SqlDialect): SqlTableDef {
  for (const index of table.indexes) if (index.filter) index.filterLeaves = filterLeaves(index.filter, dialect);
  return table;
}

/** A filtered index's WHERE as AND-ed leaves; a query must repeat each to use the index. */
export function filterLeaves(filter: string, dialect: SqlDialect): SqlFilterLeaf[] {
  const parsed = parseSql(`SELECT 1 FROM t WHERE ${filter}`, dialect);
  if (!parsed.ok) return [];
  const where = parsed.statements[0]?.where;
  const tree = toPredicate(where, () => 0, () => undefined);
  return andedLeaves(tree).map((leaf) => ({ column: leaf.column, op: leaf.op, ...(leaf.value !== undefined ? { value: leaf.value } : {}) }));
}
