/**
 * EF6 and EF Core migrations → schema fragments, read from the C# text. The
 * C# call-site facts carry string arguments but not lambdas, and a migration's
 * keys live in lambdas (`.PrimaryKey(t => t.Id)`, `x => new { x.A, x.B }`), so
 * this is a tolerant text reader run only on files that call `CreateTable`,
 * `CreateIndex`, `AddPrimaryKey` or `AddUniqueConstraint`.
 */
import type { SqlColumnDef, SqlIndexDef, SqlTableDef, SqlTableName } from '../../core/facts/sql.js';
import { filterLeaves } from '../ddl.js';
import { parseTableName } from '../names.js';
import { argument, findCalls, maskCSharp, lambdaMembers, matchParen, splitArguments, stringList, stringValue, type CallText } from './csharpText.js';

export const MIGRATION_TRIGGER = /\b(CreateTable|CreateIndex|AddPrimaryKey|AddUniqueConstraint|AddColumn)\s*\(/;

export function readMigrations(text: string, masked: string): SqlTableDef[] {
  const tables: SqlTableDef[] = [];
  for (const call of findCalls(text, masked, 'CreateTable')) {
    const def = readCreateTable(text, masked, call);
    if (def) tables.push(def);
  }
  for (const call of findCalls(text, masked, 'CreateIndex')) {
    const args = splitArguments(call.args);
    // EF Core: CreateIndex(name, table, column(s), schema, unique, filter); EF6: CreateIndex(table, column(s), unique, name).
    const efCore = args.some((a) => a.name === 'table');
    const tableArg = efCore ? tableName(stringValue(argument(args, 1, 'table')), stringValue(argument(args, 3, 'schema'))) : tableName(stringValue(argument(args, 0, 'table')));
    const cols = stringList(argument(args, efCore ? 2 : 1, 'column', 'columns'));
    if (!tableArg || cols.length === 0) continue;
    const unique = argument(args, efCore ? 4 : 2, 'unique') === 'true';
    const name = stringValue(argument(args, efCore ? 0 : 3, 'name'));
    const filter = efCore ? stringValue(argument(args, 5, 'filter')) : undefined;
    const index: SqlIndexDef = { kind: unique ? 'unique' : 'index', columns: cols, include: [], line: call.line, ...(name ? { name } : {}), ...(filter ? { filter, filterLeaves: filterLeaves(filter) } : {}) };
    tables.push({ table: tableArg, declares: false, columns: [], indexes: [index], line: call.line, source: 'ef-migration' });
  }
  for (const [method, kind] of [['AddPrimaryKey', 'primary-key'], ['AddUniqueConstraint', 'unique']] as const) {
    for (const call of findCalls(text, masked, method)) {
      const args = splitArguments(call.args);
      const efCore = args.some((a) => a.name === 'table');
      const table = efCore ? tableOf(args, 1) : tableName(stringValue(argument(args, 0, 'table')));
      const columns = stringList(argument(args, efCore ? 2 : 1, 'column', 'columns'));
      if (!table || columns.length === 0) continue;
      tables.push({ table, declares: false, columns: [], indexes: [{ kind, columns, include: [], line: call.line }], line: call.line, source: 'ef-migration' });
    }
  }
  for (const call of findCalls(text, masked, 'AddColumn')) {
    const args = splitArguments(call.args);
    const efCore = args.some((a) => a.name === 'table');
    const table = efCore ? tableOf(args, 1) : tableName(stringValue(argument(args, 0, 'table')));
    const column = stringValue(argument(args, efCore ? 0 : 1, 'name', 'column'));
    if (table && column) tables.push({ table, declares: false, columns: [{ name: column }], indexes: [], line: call.line, source: 'ef-migration' });
  }
  return tables;
}

function readCreateTable(text: string, masked: string, call: CallText): SqlTableDef | undefined {
  const args = splitArguments(call.args);
  const efCore = args.some((a) => a.name === 'columns' || a.name === 'constraints');
  const table = efCore ? tableOf(args, 0, 'name') : tableName(stringValue(argument(args, 0, 'name')));
  if (!table) return undefined;
  const def: SqlTableDef = { table, declares: true, columns: readColumns(argument(args, 1, 'columns')), indexes: [], line: call.line, source: 'ef-migration' };
  if (efCore) {
    const constraints = argument(args, 3, 'constraints') ?? '';
    for (const [method, kind] of [['PrimaryKey', 'primary-key'], ['UniqueConstraint', 'unique']] as const) {
      for (const inner of findCalls(constraints, maskCSharp(constraints), method)) {
        const innerArgs = splitArguments(inner.args);
        def.indexes.push({ kind, columns: lambdaMembers(argument(innerArgs, 1, 'columns')), include: [], ...nameOf(stringValue(argument(innerArgs, 0, 'name'))) });
      }
    }
    return def;
  }
  // EF6: a fluent chain after the call: .PrimaryKey(t => t.Id).Index(t => t.Email, unique: true)…
  let at = call.end;
  for (;;) {
    const chained = /^\s*\.\s*(\w+)\s*\(/.exec(masked.slice(at, at + 200));
    if (!chained) break;
    const open = at + chained[0].length - 1;
    const end = matchParen(masked, open);
    const chainArgs = splitArguments(text.slice(open + 1, end - 1));
    if (chained[1] === 'PrimaryKey') def.indexes.push({ kind: 'primary-key', columns: lambdaMembers(argument(chainArgs, 0, 'keyExpression')), include: [], ...nameOf(stringValue(argument(chainArgs, 1, 'name'))) });
    if (chained[1] === 'Index') {
      const unique = /^true$/.test(argument(chainArgs, 2, 'unique') ?? '');
      def.indexes.push({ kind: unique ? 'unique' : 'index', columns: lambdaMembers(argument(chainArgs, 0, 'indexExpression')), include: [], ...nameOf(stringValue(argument(chainArgs, 1, 'name'))) });
    }
    at = end;
  }
  return def;
}

/** `new { Id = c.Int(…), Email = table.Column<string>(…) }` → columns with their CLR-ish type. */
function readColumns(expression: string | undefined): SqlColumnDef[] {
  if (!expression) return [];
  const body = /new\s*\{([\s\S]*)\}/.exec(expression)?.[1] ?? '';
  return splitArguments(body)
    .map((a) => /^\s*(\w+)\s*=\s*\w+\s*\.\s*(\w+)(?:\s*<\s*([\w?.]+)\s*>)?/.exec(a.value))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, type: (m[3] ?? m[2]!).replace('?', '').toLowerCase() }));
}

function tableOf(args: ReturnType<typeof splitArguments>, position: number, ...names: string[]): SqlTableName | undefined {
  const name = stringValue(argument(args, position, ...(names.length > 0 ? names : ['table'])));
  const schema = stringValue(argument(args, -1, 'schema'));
  return tableName(name, schema);
}

function tableName(name: string | undefined, schema?: string): SqlTableName | undefined {
  if (!name) return undefined;
  const parsed = parseTableName(name);
  if (!parsed) return undefined;
  return schema && !parsed.schema ? { schema, name: parsed.name } : parsed;
}

function nameOf(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}
