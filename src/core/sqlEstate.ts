/**
 * The estate's SQL layer as analyzers read it: the merged schema, the routines,
 * and every query with where it lives. Built by src/sql from the extracted files.
 */
import type {
  SqlBlock,
  SqlColumnDef,
  SqlDialect,
  SqlIndexDef,
  SqlQueryFacts,
  SqlRoutineDef,
  SqlTableDef,
  SqlTableName,
} from './facts/sql.js';

export interface SchemaSource {
  repo: string;
  file: string;
  line: number;
  source: SqlTableDef['source'];
}

export interface TableSchema {
  key: string;
  table: SqlTableName;
  /** Lower-cased column name → column. */
  columns: Map<string, SqlColumnDef>;
  indexes: SqlIndexDef[];
  sources: SchemaSource[];
}

/** The merged schema: one entry per table key. */
export interface SchemaCatalog {
  readonly tables: ReadonlyMap<string, TableSchema>;
  readonly size: number;
  /**
   * The table a query names: exact `<schema>.<name>` with the dialect's default
   * schema, else — for an unqualified name — the one table of that name in any schema.
   */
  resolve(name: SqlTableName, dialect: SqlDialect): TableSchema | undefined;
}

export interface LocatedQuery {
  /** Stable key: repo, file, and a hash of the text and position in the file. */
  key: string;
  repo: string;
  file: string;
  query: SqlQueryFacts;
}

export interface LocatedRoutine {
  key: string;
  repo: string;
  file: string;
  routine: SqlRoutineDef;
}

/**
 * A view's or inline table-valued function's definition: its top-level SELECT
 * branches (one per UNION branch) as the query reader read them. No branches
 * when the body could not be read (unparsed, or a multi-statement function).
 */
export interface ViewDefinition {
  key: string;
  name: SqlTableName;
  kind: 'view' | 'function';
  repo: string;
  file: string;
  line: number;
  branches: SqlBlock[];
}

/** Views and inline functions by name, looked up the way tables are. */
export interface ViewCatalog {
  readonly size: number;
  resolve(name: SqlTableName, dialect: SqlDialect): ViewDefinition | undefined;
}

export interface SqlEstate {
  schema: SchemaCatalog;
  queries: LocatedQuery[];
  routines: LocatedRoutine[];
  views: ViewCatalog;
}
