/** Which database driver a JS/TS file uses, read from its text: it decides the SQL dialect. */
import type { SqlDialect } from '../../../core/facts/sql.js';

export interface SqlDriver {
  /** Prefix of the query's `api`: `pg`, `mysql`, `mssql`, `knex`, or `sql` when unknown. */
  name: string;
  dialect: SqlDialect;
}

/** Imports first, then a knex/sequelize config's `client`/`dialect`; T-SQL when nothing says otherwise. */
export function driverOf(text: string): SqlDriver {
  // By text rather than import facts: a `require` the parser could not reach still counts.
  const imports = [...text.matchAll(/(?:require\s*\(\s*|from\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  if (imports.some((i) => i === 'pg' || i === 'pg-promise' || i === 'postgres' || i.startsWith('pg/')))
    return { name: 'pg', dialect: 'postgresql' };
  if (imports.some((i) => i.startsWith('mysql'))) return { name: 'mysql', dialect: 'mysql' };
  if (imports.some((i) => i === 'mssql' || i === 'tedious' || i.startsWith('mssql/')))
    return { name: 'mssql', dialect: 'transactsql' };
  if (/client\s*:\s*['"](pg|postgres|postgresql)['"]|dialect\s*:\s*['"]postgres['"]/.test(text))
    return { name: 'pg', dialect: 'postgresql' };
  if (/client\s*:\s*['"]mysql2?['"]|dialect\s*:\s*['"]mysql['"]/.test(text)) return { name: 'mysql', dialect: 'mysql' };
  return { name: imports.includes('knex') ? 'knex' : 'sql', dialect: 'transactsql' };
}
