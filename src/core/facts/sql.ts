/**
 * The SQL model: schema (tables, keys, indexes) and queries (tables read and
 * written, predicate columns), as plain JSON so they can travel with per-file facts.
 * Names are kept as written (unquoted); ids are lower-cased `<schema>.<name>`.
 */

export type SqlDialect = 'transactsql' | 'postgresql' | 'mysql';

/**
 * The kind of database a schema or a query belongs to: the dialects, plus
 * SQLite (EF's Sqlite provider), which is read with the T-SQL grammar but is
 * another database. EF Core SQL Server migrations and T-SQL scripts are both
 * `transactsql`.
 */
export type SqlDatabaseFamily = SqlDialect | 'sqlite';

/** A table name as written, brackets/quotes removed; `schema` absent when unqualified. */
export interface SqlTableName {
  schema?: string;
  name: string;
}

/** A primary key, unique constraint or index: what can serve a predicate. */
export interface SqlIndexDef {
  name?: string;
  kind: 'primary-key' | 'unique' | 'index';
  /** Key columns in order: only the leftmost prefix serves a seek. */
  columns: string[];
  include: string[];
  /** A filtered index's `WHERE` text, and its leaves, which a query must repeat to use it. */
  filter?: string;
  filterLeaves?: SqlFilterLeaf[];
  /** Columnstore indexes have no key order: they never serve a seek. */
  columnstore?: boolean;
  line?: number;
}

export interface SqlFilterLeaf {
  column: string;
  op: SqlOperator;
  value?: string;
}

export interface SqlColumnDef {
  name: string;
  /** Lower-cased base type (`int`, `nvarchar`), when declared. */
  type?: string;
  /** Declared `(MAX)`: such a column cannot be an index key. */
  max?: true;
}

/** One `CREATE TABLE` (or EF `CreateTable`), or indexes added to a table declared elsewhere. */
export interface SqlTableDef {
  table: SqlTableName;
  /** Whether this fragment declares the table (vs. only adds indexes/constraints to it). */
  declares: boolean;
  columns: SqlColumnDef[];
  indexes: SqlIndexDef[];
  line: number;
  source: 'sql' | 'ef-migration' | 'ef-model';
}

export type SqlOperator = 'eq' | 'range' | 'like' | 'in' | 'null' | 'not-null' | 'other';

/**
 * `date-cast`: `CAST(col AS DATE)` / `CONVERT(DATE, col)`, which SQL Server
 * still seeks on (a dynamic range on the column) and other engines do not.
 */
export type NonSargableReason = 'function' | 'leading-wildcard' | 'implicit-conversion' | 'date-cast';

/** One column compared in a predicate. */
export interface SqlPredicateLeaf {
  kind: 'leaf';
  /** Index of the table access in the block; absent when unqualified among several tables. */
  access?: number;
  column: string;
  op: SqlOperator;
  /** Literal compared against (normalised text), for filtered-index matching. */
  value?: string;
  valueKind?: 'number' | 'string' | 'nstring' | 'parameter' | 'column' | 'other';
  /** The column is wrapped in a function (`YEAR(col)`), or LIKE starts with a wildcard. */
  nonSargable?: NonSargableReason;
  /** The predicate as written (normalised), for messages. */
  text: string;
  /**
   * The column compared on the other side, when it is a table of this block
   * (`a.X = b.Y`: on a's leaf, b's access and Y), or `transient` for a table
   * variable, temp table or rowset function over a short list, or `derived` for a
   * derived table or CTE of the same FROM (rows of unknown number). Absent when the
   * other side is a value (a parameter, a literal, an outer column).
   */
  peer?: { access?: number; column: string } | 'transient' | 'derived';
}

/** An AND with no items is TRUE: under OR it marks a branch that restricts no table (`@p IS NULL OR …`). */
export interface SqlCondition {
  kind: 'and' | 'or';
  items: SqlPredicateNode[];
}

/** One `JOIN … ON`: which access it joins, how, and its condition (leaves point at accesses by index). */
export interface SqlJoin {
  /** The joined side's accesses: one table, a view's base tables, none for a derived table, CTE or rowset function. */
  accesses: number[];
  type: 'inner' | 'left' | 'right' | 'full' | 'cross';
  on?: SqlPredicateNode;
}

export type SqlPredicateNode = SqlCondition | SqlPredicateLeaf;

export interface SqlTableAccess {
  table: SqlTableName;
  alias?: string;
  mode: 'read' | 'write';
  /** Joined (inner side): the columns of this table compared in its `ON`. */
  joinColumns?: string[];
  orderBy: string[];
  groupBy: string[];
  /** `FROM dbo.F(@x)`: a table-valued function call, not a table. */
  call?: boolean;
}

/**
 * One column a top-level SELECT returns: `t.X AS Y` (the base column behind the
 * name), a computed expression (no column), or `*` / `t.*` (every column of one
 * access, or of all of them).
 */
export interface SqlOutputColumn {
  /** The name the column is known by outside; absent for `*`. */
  name?: string;
  star?: boolean;
  access?: number;
  column?: string;
}

/** One SELECT/UPDATE/DELETE/INSERT scope: its tables and its WHERE tree. */
export interface SqlBlock {
  accesses: SqlTableAccess[];
  where?: SqlPredicateNode;
  /** A statement's top-level SELECT (each UNION branch): what it returns, so a view over it can be read through. */
  outputs?: SqlOutputColumn[];
  /** The FROM's joins with their ON conditions, in order (absent: none, or a reader that does not say). */
  joins?: SqlJoin[];
  /** `TOP n` or `OFFSET … FETCH`: only the first rows are wanted. */
  limited?: true;
  /**
   * The ORDER BY's leading plain columns, in order (access absent when unqualified among several
   * tables, -1 for a derived table's or CTE's column); it stops at the first expression.
   */
  orderBy?: { access?: number; column: string }[];
  /** `OPTION (RECOMPILE)`: planned for the parameter values of each call. */
  recompiled?: true;
  /** The line of the statement the block is part of, when it differs from the query's. */
  line?: number;
}

/** One query the code sends, or one routine's body. */
export interface SqlQueryFacts {
  /** Whitespace-normalised text, capped. */
  text: string;
  dialect: SqlDialect;
  /** Built at run time (interpolation, non-literal concatenation): kept with what is known. */
  dynamic: boolean;
  /** Where the string (or statement) starts. */
  line: number;
  column: number;
  /** How it reaches the database: `Dapper.Query`, `SqlCommand`, `pg.query`, `procedure`, `script`, … */
  api: string;
  /** Set for statements inside a procedure, view, function or trigger. */
  routine?: string;
  /** C# type issuing the query, when known. */
  ownerType?: string;
  blocks: SqlBlock[];
  selectStar: boolean;
  /** Whether a real parser read it; otherwise tables were sniffed and no predicates are known. */
  parsed: boolean;
  /** Procedures it runs (`EXEC dbo.X`, or a bare procedure name as command text). */
  executes?: SqlTableName[];
  /**
   * Keys of the tables it uses that its own script or routine creates (`CREATE TEMPORARY TABLE`,
   * `SELECT … INTO`, a rename's new name): they exist while it runs, whatever the final schema holds.
   */
  localTables?: string[];
}

export interface SqlRoutineDef {
  name: SqlTableName;
  kind: 'procedure' | 'view' | 'function' | 'trigger';
  line: number;
}

/** A key or index EF model code declares for an entity (attribute or fluent call). */
export interface EfKeyHint {
  entity: string;
  kind: SqlIndexDef['kind'];
  columns: string[];
  name?: string;
  line: number;
}

/** EF model configuration in one C# file; resolved to tables across the estate. */
export interface EfModelFacts {
  /** `DbSet<User> Users` → the entity's default table name (EF Core; EF6 pluralises to the same in practice). */
  sets: { entity: string; name: string }[];
  /** `[Table("x", Schema = "y")]`, `ToTable("x", "y")`. */
  tables: {
    entity: string;
    table: SqlTableName;
    /** The schema given as a constant (`OrderingContext.DEFAULT_SCHEMA`), resolved estate-wide. */
    schemaConstant?: string;
  }[];
  keys: EfKeyHint[];
  /** `Property(p => p.Name).HasColumnName("catalog_name")`; absent when there are none. */
  columns?: { entity: string; property: string; column: string }[];
}

/**
 * A change that removes or renames schema objects, applied in migration order
 * after the fragments before it: `DROP INDEX`, `sp_rename`, EF `DropColumn`, …
 * An index is named without its table where the statement does (`DROP INDEX ix`).
 */
export type SqlSchemaChange =
  | { op: 'drop-table'; table: SqlTableName; line: number }
  | { op: 'rename-table'; table: SqlTableName; to: SqlTableName; line: number }
  | { op: 'drop-index'; table?: SqlTableName; name: string; line: number }
  | { op: 'rename-index'; table?: SqlTableName; name: string; to: string; line: number }
  | { op: 'drop-column'; table: SqlTableName; column: string; line: number }
  | { op: 'rename-column'; table: SqlTableName; column: string; to: string; line: number };

/** What an EF migration file shows of the database it migrates. */
export interface EfMigrationFacts {
  /** The provider, when the file shows one (annotations, store types, namespace, usings). */
  provider?: SqlDatabaseFamily;
  /** What decided it: `annotation`, `store-type`, `namespace`, `using`. */
  evidence?: string;
}

/** What one file contributes: schema fragments, routines and queries. */
export interface SqlFileFacts {
  tables: SqlTableDef[];
  routines: SqlRoutineDef[];
  queries: SqlQueryFacts[];
  ef?: EfModelFacts;
  /** `DROP PROCEDURE|FUNCTION|VIEW|TRIGGER`s, in file order: a routine dropped later in migration order is gone. */
  routineDrops?: { name: SqlTableName; line: number }[];
  /** Drops and renames, in file order; absent when there are none. */
  changes?: SqlSchemaChange[];
  /** A .sql script's dialect, when its code shows one (absent: nothing but T-SQL-compatible text). */
  dialect?: SqlDialect;
  /** Set for an EF migration (a file with migration operations in `Up`). */
  efMigration?: EfMigrationFacts;
}

export const emptySqlFacts = (): SqlFileFacts => ({ tables: [], routines: [], queries: [] });
