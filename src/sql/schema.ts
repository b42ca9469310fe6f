/**
 * One database's schema, built from its fragments (.sql scripts, EF migrations,
 * EF model attributes and fluent calls) in migration order: one entry per table
 * key, columns and indexes united, each index once; drops and renames
 * (`apply`) remove or move what came before them.
 */
import type { SqlDialect, SqlIndexDef, SqlSchemaChange, SqlTableDef, SqlTableName } from '../core/facts/sql.js';
import type { SchemaCatalog, TableSchema } from '../core/sqlEstate.js';
import { DEFAULT_SCHEMA, isTransientTable, tableKey } from './names.js';

export type { SchemaSource, TableSchema } from '../core/sqlEstate.js';

export class SqlSchema implements SchemaCatalog {
  readonly tables = new Map<string, TableSchema>();
  private readonly byName = new Map<string, string[]>();
  /** Lower-cased index name → keys of tables that had it once (checked on use: tables and indexes move). */
  private readonly indexOwners = new Map<string, Set<string>>();

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
      if (!table.indexes.some((i) => indexSignature(i) === signature)) {
        table.indexes.push({ ...index, columns: [...index.columns], include: [...index.include] });
        this.noteIndex(index.name, key);
      }
    }
    table.sources.push({ ...where, line: def.line, source: def.source });
  }

  /** A drop or rename, after every fragment before it; what it names and is not there is ignored. */
  apply(change: SqlSchemaChange): void {
    switch (change.op) {
      case 'drop-table': {
        const table = this.find(change.table);
        if (table) this.remove(table);
        return;
      }
      case 'rename-table': {
        const table = this.find(change.table);
        // `sp_rename 'PK_Old', 'PK_New'` renames a constraint the same way it renames a table.
        if (!table) this.renameIndex(undefined, change.table.name, change.to.name);
        else this.moveTable(table, { schema: change.to.schema ?? table.table.schema, name: change.to.name });
        return;
      }
      case 'drop-index':
        for (const table of this.indexTables(change.table, change.name))
          table.indexes = table.indexes.filter((i) => !sameName(i.name, change.name));
        return;
      case 'rename-index':
        this.renameIndex(change.table, change.name, change.to);
        return;
      case 'drop-column': {
        const table = this.find(change.table);
        if (!table) return;
        table.columns.delete(change.column.toLowerCase());
        // An index cannot outlive a key column (SQL Server refuses the drop, PostgreSQL drops the index).
        table.indexes = table.indexes.filter((i) => !i.columns.some((c) => sameName(c, change.column)));
        for (const index of table.indexes) index.include = index.include.filter((c) => !sameName(c, change.column));
        return;
      }
      case 'rename-column': {
        const table = this.find(change.table);
        if (!table) return;
        const column = table.columns.get(change.column.toLowerCase());
        if (!column) {
          // `sp_rename 'dbo.T.X', 'Y'` without a type: an index of T when T has no column X.
          this.renameIndex(change.table, change.column, change.to);
          return;
        }
        table.columns.delete(change.column.toLowerCase());
        table.columns.set(change.to.toLowerCase(), { ...column, name: change.to });
        const rename = (c: string) => (sameName(c, change.column) ? change.to : c);
        for (const index of table.indexes) {
          index.columns = index.columns.map(rename);
          index.include = index.include.map(rename);
        }
        return;
      }
    }
  }

  /** A table as a change names it: exact key, else the one table of that name. */
  private find(name: SqlTableName): TableSchema | undefined {
    const exact = this.tables.get(tableKey(name));
    if (exact || name.schema) return exact;
    const keys = this.byName.get(name.name.toLowerCase()) ?? [];
    return keys.length === 1 ? this.tables.get(keys[0]!) : undefined;
  }

  private remove(table: TableSchema): void {
    this.tables.delete(table.key);
    const name = table.table.name.toLowerCase();
    const keys = (this.byName.get(name) ?? []).filter((k) => k !== table.key);
    if (keys.length > 0) this.byName.set(name, keys);
    else this.byName.delete(name);
  }

  private moveTable(table: TableSchema, to: SqlTableName): void {
    this.remove(table);
    this.add(
      {
        table: to,
        declares: true,
        columns: [...table.columns.values()],
        indexes: table.indexes,
        line: table.sources[0]?.line ?? 1,
        source: table.sources[0]?.source ?? 'sql',
      },
      { repo: table.sources[0]?.repo ?? '', file: table.sources[0]?.file ?? '' },
    );
    const moved = this.tables.get(tableKey(to));
    if (moved) moved.sources.splice(-1, 1, ...table.sources);
  }

  private renameIndex(tableName: SqlTableName | undefined, name: string, to: string): void {
    for (const table of this.indexTables(tableName, name)) {
      for (const index of table.indexes) if (sameName(index.name, name)) index.name = to;
      this.noteIndex(to, table.key);
    }
  }

  /** The tables holding an index of that name: the one named, else every table that has it. */
  private indexTables(tableName: SqlTableName | undefined, index: string): TableSchema[] {
    const named = tableName ? this.find(tableName) : undefined;
    if (named) return [named];
    return [...(this.indexOwners.get(index.toLowerCase()) ?? [])]
      .map((key) => this.tables.get(key))
      .filter((t): t is TableSchema => t?.indexes.some((i) => sameName(i.name, index)) === true);
  }

  private noteIndex(name: string | undefined, key: string): void {
    if (!name) return;
    const owners = this.indexOwners.get(name.toLowerCase()) ?? new Set<string>();
    owners.add(key);
    this.indexOwners.set(name.toLowerCase(), owners);
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

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function hasColumn(table: TableSchema, column: string): boolean {
  return table.columns.has(column.toLowerCase());
}
