/**
 * The estate's database schema, merged from every fragment (.sql scripts, EF
 * migrations, EF model attributes and fluent calls): one entry per table key,
 * columns and indexes united, each index once.
 */
import type { SqlDialect, SqlIndexDef, SqlTableDef, SqlTableName } from '../core/facts/sql.js';
import type { SchemaCatalog, TableSchema } from '../core/sqlEstate.js';
import { DEFAULT_SCHEMA, isTransientTable, tableKey } from './names.js';

export type { SchemaSource, TableSchema } from '../core/sqlEstate.js';

export class SqlSchema implements SchemaCatalog {
  readonly tables = new Map<string, TableSchema>();
  private readonly byName = new Map<string, string[]>();

  add(def: SqlTableDef, where: { repo: string; file: string }): void {
    if (isTransientTable(def.table)) return; // `CREATE TABLE #work` in a procedure is no schema
    const key = tableKey(def.table);
    let table = this.tables.get(key);
    if (!table) {
      table = {
        key,
        table: { schema: def.table.schema ?? 'dbo', name: def.table.name },
        columns: new Map(),
        indexes: [],
        sources: [],
      };
      this.tables.set(key, table);
      const name = def.table.name.toLowerCase();
      this.byName.set(name, [...(this.byName.get(name) ?? []), key]);
    }
    if (def.declares) table.table = { schema: def.table.schema ?? table.table.schema, name: def.table.name };
    for (const column of def.columns) {
      const existing = table.columns.get(column.name.toLowerCase());
      if (!existing || (!existing.type && column.type)) table.columns.set(column.name.toLowerCase(), column);
    }
    for (const index of def.indexes) {
      const signature = indexSignature(index);
      if (!table.indexes.some((i) => indexSignature(i) === signature)) table.indexes.push(index);
    }
    table.sources.push({ ...where, line: def.line, source: def.source });
  }

  /**
   * The table a query names: exact `<schema>.<name>` with the dialect's default
   * schema, else — for an unqualified name — the one table of that name in any schema.
   */
  resolve(name: SqlTableName, dialect: SqlDialect): TableSchema | undefined {
    const exact = this.tables.get(tableKey(name, dialect));
    if (exact) return exact;
    if (!name.schema || name.schema.toLowerCase() === DEFAULT_SCHEMA[dialect]) {
      const keys = this.byName.get(name.name.toLowerCase()) ?? [];
      if (keys.length === 1) return this.tables.get(keys[0]!);
    }
    return undefined;
  }

  get size(): number {
    return this.tables.size;
  }
}

function indexSignature(index: SqlIndexDef): string {
  const kind = index.kind === 'index' ? 'index' : 'key';
  return `${kind}|${index.columns.map((c) => c.toLowerCase()).join(',')}|${(index.filter ?? '').toLowerCase().replace(/[\s()[\]]/g, '')}`;
}

export function hasColumn(table: TableSchema, column: string): boolean {
  return table.columns.has(column.toLowerCase());
}
