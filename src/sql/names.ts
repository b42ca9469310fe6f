/** Table names: unquoting, default schemas, ids. */
import type { SqlDialect, SqlTableName } from '../core/facts/sql.js';

/** The schema an unqualified name lives in, per dialect (MySQL has databases, not schemas). */
export const DEFAULT_SCHEMA: Record<SqlDialect, string> = {
  transactsql: 'dbo',
  postgresql: 'public',
  mysql: 'dbo',
};

/** Strips `[x]`, `"x"`, `` `x` `` quoting from one name part. */
export function unquote(part: string): string {
  const t = part.trim();
  if (
    (t.startsWith('[') && t.endsWith(']')) ||
    (t.startsWith('"') && t.endsWith('"')) ||
    (t.startsWith('`') && t.endsWith('`'))
  ) {
    return t.slice(1, -1);
  }
  return t;
}

/** `a.b.c` parts (server/database/schema/name) → schema and name; the last two parts count. */
export function tableNameOf(parts: readonly string[]): SqlTableName | undefined {
  const cleaned = parts.map(unquote);
  const name = cleaned[cleaned.length - 1];
  if (!name) return undefined;
  const schema = cleaned.length >= 2 ? cleaned[cleaned.length - 2] : undefined;
  return schema ? { schema, name } : { name };
}

/** Parses `dbo.Users`, `[dbo].[Users]`, `Users` as written in a string. */
export function parseTableName(text: string): SqlTableName | undefined {
  const parts = text.match(/\[[^\]]*\]|"[^"]*"|`[^`]*`|[^.]+/g);
  return parts ? tableNameOf(parts) : undefined;
}

/** The lower-cased `<schema>.<name>` key, default schema applied. */
export function tableKey(table: SqlTableName, dialect: SqlDialect = 'transactsql'): string {
  return `${(table.schema || DEFAULT_SCHEMA[dialect]).toLowerCase()}.${table.name.toLowerCase()}`;
}

/** Temp tables, table variables and catalog views are never schema tables. */
export function isTransientTable(table: SqlTableName): boolean {
  if (/^[#@]/.test(table.name)) return true;
  // A trigger's pseudo-tables.
  if (!table.schema && /^(inserted|deleted)$/i.test(table.name)) return true;
  const schema = table.schema?.toLowerCase();
  return schema === 'sys' || schema === 'information_schema' || schema === 'pg_catalog';
}

export const displayName = (table: SqlTableName): string =>
  table.schema ? `${table.schema}.${table.name}` : table.name;
