/**
 * Which table accesses an index can serve. The rules (documented in the README
 * of the analyzer that reports unserved accesses):
 * - a predicate column is served when it is the leading column of an index,
 *   primary key or unique constraint of its table (a composite index serves only
 *   its leftmost prefix; a filtered index only queries that repeat its filter);
 * - under AND one served predicate serves the access; under OR every branch must;
 * - the inner side of a JOIN is also served by an index on its join column;
 * - an access with no WHERE/JOIN predicate is judged by its first ORDER BY, then
 *   GROUP BY column; one with none of them reads the whole table by design.
 */
import { andedLeaves } from './blocks.js';
import type {
  SqlBlock,
  SqlDialect,
  SqlIndexDef,
  SqlPredicateLeaf,
  SqlPredicateNode,
  SqlTableAccess,
} from '../core/facts/sql.js';
import type { SchemaCatalog, TableSchema } from '../core/sqlEstate.js';
import { hasColumn } from './schema.js';

export type AccessKind = 'where' | 'join' | 'order-by' | 'group-by';

export interface AccessVerdict {
  access: SqlTableAccess;
  table: TableSchema;
  served: boolean;
  kind?: AccessKind;
  /** Predicate columns of this table that no index leads with. */
  columns: string[];
  /** The predicate texts behind `columns`. */
  predicates: string[];
  /** The index that serves it, or (when unserved) the one that comes closest. */
  index?: SqlIndexDef;
  /** Whether every unserved predicate is AND-ed (one composite index would serve the access). */
  anded: boolean;
  /** Equality-compared columns among `columns` (they lead a suggested index, ranges follow). */
  equalityColumns: string[];
  /**
   * Columns among `columns` whose every unserved predicate no index can seek on
   * (a function around the column, a leading wildcard): the non-sargable advice
   * applies, not a new index.
   */
  unseekableColumns: string[];
  /** Columns among `columns` with an AND-ed unserved predicate: an index on them serves the access whatever the ORs do. */
  andedColumns: string[];
  dialect: SqlDialect;
}

/** Judges every access of a block to a known table; unknown and transient tables are skipped. */
export function judgeBlock(block: SqlBlock, schema: SchemaCatalog, dialect: SqlDialect): AccessVerdict[] {
  const tables = block.accesses.map((a) => schema.resolve(a.table, dialect));
  const where = block.where ? attributeLeaves(block.where, block, tables) : undefined;
  const verdicts: AccessVerdict[] = [];
  block.accesses.forEach((access, index) => {
    const table = tables[index];
    if (!table) return;
    verdicts.push(judgeAccess(access, index, table, where, dialect));
  });
  return verdicts;
}

function judgeAccess(
  access: SqlTableAccess,
  index: number,
  table: TableSchema,
  where: SqlPredicateNode | undefined,
  dialect: SqlDialect,
): AccessVerdict {
  const anded = andedLeaves(where).filter((l) => l.access === index);
  const own = allLeaves(where).filter((l) => l.access === index);
  const andedSet = new Set(anded);
  const base = {
    access,
    table,
    anded: true,
    equalityColumns: [] as string[],
    unseekableColumns: [] as string[],
    andedColumns: [] as string[],
    dialect,
  };
  if (where && own.length > 0) {
    const serving = servingIndex(where, index, table, anded);
    if (serving) return { ...base, served: true, columns: [], predicates: [], index: serving };
    const join = joinIndex(access, table, anded);
    if (join) return { ...base, served: true, columns: [], predicates: [], index: join };
    const unserved = own.filter((l) => !leadingIndex(table, l.column, anded));
    const columns = unique(unserved.map((l) => l.column));
    const allAnded = unserved.every((l) => andedSet.has(l));
    const equalityColumns = unique(
      unserved.filter((l) => l.op === 'eq' || l.op === 'in' || l.op === 'null').map((l) => l.column),
    );
    const seekable = new Set(unserved.filter((l) => isSeekable(l, dialect)).map((l) => l.column));
    return {
      ...base,
      anded: allAnded,
      equalityColumns,
      unseekableColumns: columns.filter((c) => !seekable.has(c)),
      andedColumns: unique(unserved.filter((l) => andedSet.has(l)).map((l) => l.column)),
      served: false,
      kind: 'where',
      columns,
      predicates: unique(unserved.map((l) => l.text)),
      ...closest(table, columns),
    };
  }
  if (access.joinColumns && access.joinColumns.length > 0) {
    const join = joinIndex(access, table, anded);
    if (join) return { ...base, served: true, columns: [], predicates: [], index: join };
    return {
      ...base,
      equalityColumns: access.joinColumns,
      served: false,
      kind: 'join',
      columns: access.joinColumns,
      predicates: [],
      ...closest(table, access.joinColumns),
    };
  }
  for (const [kind, columns] of [
    ['order-by', access.orderBy],
    ['group-by', access.groupBy],
  ] as const) {
    const first = columns[0];
    if (!first) continue;
    const leading = leadingIndex(table, first, anded);
    if (leading) return { ...base, served: true, columns: [], predicates: [], index: leading };
    return { ...base, served: false, kind, columns: [first], predicates: [], ...closest(table, [first]) };
  }
  return { ...base, served: true, columns: [], predicates: [] };
}

/** Whether an index on the column could seek for this predicate (T-SQL seeks on a date cast of it). */
export function isSeekable(leaf: SqlPredicateLeaf, dialect: SqlDialect): boolean {
  return leaf.nonSargable === undefined || (leaf.nonSargable === 'date-cast' && dialect === 'transactsql');
}

function servingIndex(
  node: SqlPredicateNode,
  access: number,
  table: TableSchema,
  anded: SqlPredicateLeaf[],
): SqlIndexDef | undefined {
  if (node.kind === 'leaf') return node.access === access ? leadingIndex(table, node.column, anded) : undefined;
  if (node.kind === 'and') {
    for (const item of node.items) {
      const found = servingIndex(item, access, table, anded);
      if (found) return found;
    }
    return undefined;
  }
  if (node.items.length === 0) return undefined;
  let first: SqlIndexDef | undefined;
  for (const item of node.items) {
    const found = servingIndex(item, access, table, anded);
    if (!found) return undefined;
    first ??= found;
  }
  return first;
}

function joinIndex(access: SqlTableAccess, table: TableSchema, anded: SqlPredicateLeaf[]): SqlIndexDef | undefined {
  for (const column of access.joinColumns ?? []) {
    const found = leadingIndex(table, column, anded);
    if (found) return found;
  }
  return undefined;
}

/** An index whose first key column is `column` and whose filter (if any) the query repeats. */
export function leadingIndex(
  table: TableSchema,
  column: string,
  anded: readonly SqlPredicateLeaf[],
): SqlIndexDef | undefined {
  const wanted = column.toLowerCase();
  return table.indexes.find(
    (index) => !index.columnstore && index.columns[0]?.toLowerCase() === wanted && filterMatches(index, anded),
  );
}

function filterMatches(index: SqlIndexDef, anded: readonly SqlPredicateLeaf[]): boolean {
  if (!index.filter) return true;
  const leaves = index.filterLeaves ?? [];
  if (leaves.length === 0) return false; // a filter we could not read is never assumed to match
  return leaves.every((f) =>
    anded.some((q) => {
      if (q.column.toLowerCase() !== f.column.toLowerCase()) return false;
      if (f.op === 'not-null') return q.op === 'eq' || q.op === 'range' || q.op === 'in' || q.op === 'not-null';
      if (f.op === 'null') return q.op === 'null';
      return q.op === f.op && q.value !== undefined && normaliseLiteral(q.value) === normaliseLiteral(f.value ?? '');
    }),
  );
}

function normaliseLiteral(value: string): string {
  return value.replace(/^N'/i, "'").toLowerCase();
}

/** The index that comes closest: one holding an unserved column at the lowest non-leading position. */
function closest(table: TableSchema, columns: readonly string[]): { index?: SqlIndexDef } {
  const wanted = new Set(columns.map((c) => c.toLowerCase()));
  let best: { index: SqlIndexDef; position: number } | undefined;
  for (const index of table.indexes) {
    const position = index.columns.findIndex((c) => wanted.has(c.toLowerCase()));
    if (position < 0) continue;
    if (!best || position < best.position) best = { index, position };
  }
  return best ? { index: best.index } : {};
}

/**
 * Copies the tree with unqualified leaves given to the one access whose table
 * has that column (when several tables are in scope and the schema knows).
 */
export function attributeLeaves(
  node: SqlPredicateNode,
  block: SqlBlock,
  tables: (TableSchema | undefined)[],
): SqlPredicateNode {
  if (node.kind !== 'leaf') return { kind: node.kind, items: node.items.map((n) => attributeLeaves(n, block, tables)) };
  if (node.access !== undefined) return node;
  const owners = tables.map((t, i) => (t && hasColumn(t, node.column) ? i : -1)).filter((i) => i >= 0);
  return owners.length === 1 ? { ...node, access: owners[0]! } : node;
}

export function allLeaves(node: SqlPredicateNode | undefined): SqlPredicateLeaf[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [node];
  return node.items.flatMap(allLeaves);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
