/**
 * `CREATE INDEX` statements that would serve an unserved access, written to be
 * run as they are:
 * - names quoted for the dialect (`[dbo].[User]`, `"public"."user"`, `` `user` ``);
 * - no key on a column no index can key (`(N)VARCHAR(MAX)`, `VARBINARY(MAX)`,
 *   `TEXT`, `NTEXT`, `IMAGE`, `XML`, spatial types), nor for a predicate no index
 *   can seek on (a function around the column, a leading wildcard: the
 *   non-sargable advice applies);
 * - equality columns first, then one range column (the shape one seek uses);
 * - a low-selectivity column (bit/boolean, a small status or flag) only as a
 *   trailing key column, never alone or leading;
 * - under OR every branch needs its own index: all or nothing.
 */
import type { SqlColumnDef, SqlDialect } from '../core/facts/sql.js';
import type { TableSchema } from '../core/sqlEstate.js';
import type { AccessVerdict } from './serve.js';

const DEFAULT_SCHEMA: Readonly<Record<SqlDialect, string>> = {
  transactsql: 'dbo',
  postgresql: 'public',
  mysql: '',
};
/** Key columns at most: wider keys rarely pay for their writes. */
const MAX_KEY_COLUMNS = 3;
/** Types that cannot be a (plain B-tree) key column in each engine; MySQL's need a prefix length we cannot choose. */
const UNKEYABLE_TYPES: Readonly<Record<SqlDialect, ReadonlySet<string>>> = {
  transactsql: new Set(['text', 'ntext', 'image', 'xml', 'geography', 'geometry', 'sql_variant']),
  postgresql: new Set(['json', 'xml']),
  mysql: new Set(['text', 'tinytext', 'mediumtext', 'longtext', 'blob', 'tinyblob', 'mediumblob', 'longblob', 'json']),
};
const MAX_CAPABLE_TYPES = new Set(['varchar', 'nvarchar', 'varbinary']);
const BOOLEAN_TYPES = new Set(['bit', 'bool', 'boolean']);
/** Names of flags and small enums (`IsDeleted`, `HasAccess`, `Status`, `PlanType`, `Enabled`), among columns of an enum's types. */
const FLAG_NAME =
  /^(?:is|has|can|should|allow)[A-Z_]|(?:^|_)(?:is|has)_|(?:status|state|type|kind|flag|enabled|disabled|deleted|active|archived)$/i;
/** Types an enum is stored as: small integers and short strings (`Status NVARCHAR(20)`). */
const ENUM_TYPES = new Set(['tinyint', 'smallint', 'int', 'integer', 'char', 'nchar', 'varchar', 'nvarchar']);

export function suggestIndexes(verdict: AccessVerdict): string[] {
  const { table, dialect } = verdict;
  const keyable = verdict.columns.filter(
    (c) => !verdict.unseekableColumns.includes(c) && isKeyable(columnOf(table, c), dialect),
  );
  if (keyable.length === 0) return [];
  if (verdict.anded) return suggestAnded(verdict, keyable);
  // `a = 1 AND (b = 2 OR c = 3)`: an index led by `a` serves the access; the OR then needs none.
  const anded = keyable.filter((c) => verdict.andedColumns.includes(c));
  if (anded.some((c) => !isLowSelectivity(c, columnOf(table, c)))) return suggestAnded(verdict, anded);
  // Each OR branch needs an index of its own; one branch left unserved still scans.
  if (keyable.length < verdict.columns.length) return [];
  if (keyable.some((c) => isLowSelectivity(c, columnOf(table, c)))) return [];
  return keyable.map((c) => createIndex(table, [c], dialect));
}

function suggestAnded(verdict: AccessVerdict, keyable: readonly string[]): string[] {
  const { table, dialect } = verdict;
  const selective = keyable.filter((c) => !isLowSelectivity(c, columnOf(table, c)));
  const low = keyable.filter((c) => !selective.includes(c));
  const equality = selective.filter((c) => verdict.equalityColumns.includes(c));
  const range = selective.filter((c) => !equality.includes(c));
  const leading = [...equality, ...range.slice(0, 1)].slice(0, MAX_KEY_COLUMNS);
  if (leading.length === 0) return [];
  return [createIndex(table, [...leading, ...low.slice(0, 1)], dialect)];
}

function createIndex(table: TableSchema, columns: readonly string[], dialect: SqlDialect): string {
  const { schema, name } = table.table;
  // MySQL has no `dbo`: a T-SQL schema's default owner a MySQL query resolved to is left out.
  const written = dialect === 'mysql' && schema?.toLowerCase() === 'dbo' ? undefined : schema;
  const owner = written ?? DEFAULT_SCHEMA[dialect];
  const target = owner ? `${quote(owner, dialect)}.${quote(name, dialect)}` : quote(name, dialect);
  const indexName = `IX_${[name, ...columns].join('_').replace(/\W+/g, '')}`;
  return `CREATE INDEX ${quote(indexName, dialect)} ON ${target} (${columns.map((c) => quote(c, dialect)).join(', ')});`;
}

/** Always quoted: reserved words (`User`, `Order`, `Key`) and odd names need it, and quoting never hurts. */
function quote(identifier: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'transactsql':
      return `[${identifier.replace(/]/g, ']]')}]`;
    case 'postgresql':
      return `"${identifier.replace(/"/g, '""')}"`;
    case 'mysql':
      return `\`${identifier.replace(/`/g, '``')}\``;
  }
}

function columnOf(table: TableSchema, column: string): SqlColumnDef | undefined {
  return table.columns.get(column.toLowerCase());
}

function isKeyable(column: SqlColumnDef | undefined, dialect: SqlDialect): boolean {
  const type = column?.type;
  if (!type) return true;
  const base = type.replace(/\(.*$/, '');
  if (UNKEYABLE_TYPES[dialect].has(base)) return false;
  return !(MAX_CAPABLE_TYPES.has(base) && (column.max || /\(\s*max\s*\)/i.test(type)));
}

/** A bit/boolean, or a flag or small status by its name and type: too few distinct values to seek on alone. */
export function isLowSelectivity(name: string, column: SqlColumnDef | undefined): boolean {
  const type = column?.type?.replace(/\(.*$/, '');
  if (type && BOOLEAN_TYPES.has(type)) return true;
  return FLAG_NAME.test(name) && (!type || ENUM_TYPES.has(type));
}
