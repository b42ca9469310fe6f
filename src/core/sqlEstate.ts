/**
 * The estate's SQL layer as analyzers read it: one schema per database, the
 * routines, and every query with where it lives, what it is and which database
 * it targets. Built by src/sql from the extracted files.
 */
import type {
  SqlBlock,
  SqlColumnDef,
  SqlDatabaseFamily,
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

/**
 * Where a query lives: `application` code sends it, a stored `routine` runs it,
 * a `migration` (or deployment) script runs it once per database, a one-off
 * `script` (seeders, tools, helper scripts, tests) runs it by hand.
 */
export type SqlQueryRole = 'application' | 'routine' | 'migration' | 'script';

export interface LocatedQuery {
  /** Stable key: repo, file, and a hash of the text and position in the file. */
  key: string;
  repo: string;
  file: string;
  query: SqlQueryFacts;
  role: SqlQueryRole;
  /** The database family it targets (the file's provider or dialect). */
  family: SqlDatabaseFamily;
  /**
   * A routine statement of a definition a later one replaces (the same routine
   * in a later migration, or in the live schema): never judged, never counted.
   */
  superseded?: true;
}

export interface LocatedRoutine {
  key: string;
  repo: string;
  file: string;
  routine: SqlRoutineDef;
  family: SqlDatabaseFamily;
  /** A later definition of the same routine in the same database replaces this one. */
  superseded?: true;
}

/** One database the estate's schema files and migrations describe: the fragments of one family. */
export interface SqlDatabase {
  /** The family (`transactsql`, `mysql`, …). */
  id: string;
  /** Repositories whose files built it. */
  repos: string[];
  family: SqlDatabaseFamily;
  schema: SchemaCatalog;
  /** Files whose fragments or changes built it, and how many of them were dated migrations. */
  files: number;
  migrations: number;
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
  /** Every database with a schema, by id. */
  schemas: SqlDatabase[];
  /**
   * The database a query is judged against: the one of its family (its file's
   * provider or dialect); undefined when the estate has no schema of that family.
   */
  databaseFor(query: LocatedQuery): SqlDatabase | undefined;
  /** `databaseFor(query)?.schema`. */
  schemaFor(query: LocatedQuery): SchemaCatalog | undefined;
  queries: LocatedQuery[];
  routines: LocatedRoutine[];
  /** What the EF LINQ reader found: its queries are in `queries` (api `ef-linq`). */
  linq: LinqReading;
  /** The views and inline functions of the database a query is judged against (empty when it has none). */
  viewsFor(query: LocatedQuery): ViewCatalog;
}

/** How many LINQ chains were read as queries, and how many of those map onto the EF model. */
export interface LinqCoverage {
  /** Chains on a `DbSet`, `Set<T>()` or a queryable they produce: read as queries. */
  queries: number;
  /** Queries whose entity and every member they compare map to a table and columns. */
  mapped: number;
  /** Queries not (fully) mapped, by reason: `generic-entity` (`Set<TEntity>()`), `unknown-member`. */
  notMapped: Record<string, number>;
  /** Chains on a declared in-memory collection or on results already loaded: not database queries. */
  inMemory: number;
}

/**
 * Where code reads more of the database than it uses: a whole table loaded
 * then filtered or counted in memory, or a query (or navigation load) run once
 * per iteration of a loop.
 */
export interface LinqClientSideRead {
  kind: 'filter-after-load' | 'count-after-load' | 'query-in-loop' | 'load-in-loop';
  repo: string;
  file: string;
  line: number;
  column: number;
  /** The C# expression, as written (capped). */
  text: string;
  /** The operator run in memory (`Where`, `Count`) or the query run in the loop (`FirstOrDefault`, `Load`). */
  operator: string;
  /** The call that loaded the rows (`ToList`, `AsEnumerable`), for a load then filter. */
  materialiser?: string;
  /** Where the rows were loaded, when in another statement of the same member. */
  loadedAt?: { line: number; column: number };
  /** The table read, when mapped. */
  table?: SqlTableName;
  ownerType?: string;
  ownerMember?: string;
}

export interface LinqReading {
  coverage: LinqCoverage;
  clientSide: LinqClientSideRead[];
}
