/**
 * EF6 and EF Core migrations → schema fragments, from the call chains the C#
 * facts record for `CreateTable`, `CreateIndex`, `AddPrimaryKey`,
 * `AddUniqueConstraint` and `AddColumn` (with their arguments' shapes, so the
 * keys in lambdas — `.PrimaryKey(t => t.Id)`, `x => new { x.A, x.B }` — are there).
 */
import type { CSharpArgument, CSharpCallChain, CSharpExpression } from '../../core/facts.js';
import type { SqlColumnDef, SqlIndexDef, SqlTableDef, SqlTableName } from '../../core/facts/sql.js';
import { filterLeaves } from '../ddl.js';
import { parseTableName } from '../names.js';
import {
  argument,
  callsNamed,
  hasNamed,
  isTrue,
  lambdaCallsNamed,
  memberNames,
  stringList,
  stringValue,
  type ChainedCall,
} from './expressions.js';

export function readMigrations(chains: readonly CSharpCallChain[]): SqlTableDef[] {
  const tables: SqlTableDef[] = [];
  for (const found of callsNamed(chains, 'CreateTable')) {
    const def = readCreateTable(found);
    if (def) tables.push(def);
  }
  for (const { call } of callsNamed(chains, 'CreateIndex')) {
    const args = call.arguments;
    // EF Core: CreateIndex(name, table, column(s), schema, unique, filter); EF6: CreateIndex(table, column(s), unique, name).
    const efCore = hasNamed(args, 'table');
    const tableArg = efCore
      ? tableName(stringValue(argument(args, 1, 'table')), stringValue(argument(args, 3, 'schema')))
      : tableName(stringValue(argument(args, 0, 'table')));
    const cols = stringList(argument(args, efCore ? 2 : 1, 'column', 'columns'));
    if (!tableArg || cols.length === 0) continue;
    const unique = isTrue(argument(args, efCore ? 4 : 2, 'unique'));
    const name = stringValue(argument(args, efCore ? 0 : 3, 'name'));
    const filter = efCore ? stringValue(argument(args, 5, 'filter')) : undefined;
    const index: SqlIndexDef = {
      kind: unique ? 'unique' : 'index',
      columns: cols,
      include: [],
      line: call.line,
      ...(name ? { name } : {}),
      ...(filter ? { filter, filterLeaves: filterLeaves(filter) } : {}),
    };
    tables.push({
      table: tableArg,
      declares: false,
      columns: [],
      indexes: [index],
      line: call.line,
      source: 'ef-migration',
    });
  }
  for (const [method, kind] of [
    ['AddPrimaryKey', 'primary-key'],
    ['AddUniqueConstraint', 'unique'],
  ] as const) {
    for (const { call } of callsNamed(chains, method)) {
      const args = call.arguments;
      const efCore = hasNamed(args, 'table');
      const table = efCore ? tableOf(args, 1) : tableName(stringValue(argument(args, 0, 'table')));
      const columns = stringList(argument(args, efCore ? 2 : 1, 'column', 'columns'));
      if (!table || columns.length === 0) continue;
      tables.push({
        table,
        declares: false,
        columns: [],
        indexes: [{ kind, columns, include: [], line: call.line }],
        line: call.line,
        source: 'ef-migration',
      });
    }
  }
  for (const { call } of callsNamed(chains, 'AddColumn')) {
    const args = call.arguments;
    const efCore = hasNamed(args, 'table');
    const table = efCore ? tableOf(args, 1) : tableName(stringValue(argument(args, 0, 'table')));
    const column = stringValue(argument(args, efCore ? 0 : 1, 'name', 'column'));
    if (table && column)
      tables.push({
        table,
        declares: false,
        columns: [{ name: column }],
        indexes: [],
        line: call.line,
        source: 'ef-migration',
      });
  }
  return tables;
}

function readCreateTable({ call, after }: ChainedCall): SqlTableDef | undefined {
  const args = call.arguments;
  const efCore = hasNamed(args, 'columns', 'constraints');
  const table = efCore ? tableOf(args, 0, 'name') : tableName(stringValue(argument(args, 0, 'name')));
  if (!table) return undefined;
  const def: SqlTableDef = {
    table,
    declares: true,
    columns: readColumns(argument(args, 1, 'columns')),
    indexes: [],
    line: call.line,
    source: 'ef-migration',
  };
  if (efCore) {
    const constraints = argument(args, 3, 'constraints');
    for (const [method, kind] of [
      ['PrimaryKey', 'primary-key'],
      ['UniqueConstraint', 'unique'],
    ] as const) {
      for (const inner of lambdaCallsNamed(constraints, method)) {
        const innerArgs = inner.call.arguments;
        def.indexes.push({
          kind,
          columns: memberNames(argument(innerArgs, 1, 'columns')),
          include: [],
          ...nameOf(stringValue(argument(innerArgs, 0, 'name'))),
        });
      }
    }
    return def;
  }
  // EF6: a fluent chain after the call: .PrimaryKey(t => t.Id).Index(t => t.Email, unique: true)…
  for (const link of after) {
    const chainArgs = link.arguments;
    if (chainArgs === undefined) break; // a member access ends the fluent calls
    if (link.name === 'PrimaryKey')
      def.indexes.push({
        kind: 'primary-key',
        columns: memberNames(argument(chainArgs, 0, 'keyExpression')),
        include: [],
        ...nameOf(stringValue(argument(chainArgs, 1, 'name'))),
      });
    if (link.name === 'Index') {
      const unique = isTrue(argument(chainArgs, 2, 'unique'));
      def.indexes.push({
        kind: unique ? 'unique' : 'index',
        columns: memberNames(argument(chainArgs, 0, 'indexExpression')),
        include: [],
        ...nameOf(stringValue(argument(chainArgs, 1, 'name'))),
      });
    }
  }
  return def;
}

/** `c => new { Id = c.Int(…), Email = table.Column<string>(…) }` → columns with their CLR-ish type. */
function readColumns(expression: CSharpExpression | undefined): SqlColumnDef[] {
  const body = expression?.kind === 'lambda' ? expression.body : expression;
  if (body?.kind !== 'object') return [];
  const columns: SqlColumnDef[] = [];
  for (const { name, value } of body.members) {
    const first = value.kind === 'chain' ? value.links[0] : undefined;
    if (name === undefined || first === undefined) continue;
    // `Column<int?>` → int, `c.String()` → string.
    const type = first.typeArguments?.[0] ?? first.name;
    columns.push({ name, type: type.replace('?', '').toLowerCase() });
  }
  return columns;
}

function tableOf(args: readonly CSharpArgument[], position: number, ...names: string[]): SqlTableName | undefined {
  const name = stringValue(argument(args, position, ...(names.length > 0 ? names : ['table'])));
  const schema = stringValue(argument(args, -1, 'schema'));
  return tableName(name, schema);
}

export function tableName(name: string | undefined, schema?: string): SqlTableName | undefined {
  if (!name) return undefined;
  const parsed = parseTableName(name);
  if (!parsed) return undefined;
  return schema && !parsed.schema ? { schema, name: parsed.name } : parsed;
}

function nameOf(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}
