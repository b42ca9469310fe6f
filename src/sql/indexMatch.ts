/**
 * Which index serves a predicate: one whose first key column it seeks on and
 * whose filter (if any) the query implies, a filtered index holding exactly the
 * rows asked for, or — when none does — the one that comes closest.
 */
import type { SqlDialect, SqlIndexDef, SqlPredicateLeaf, SqlPredicateNode } from '../core/facts/sql.js';
import type { TableSchema } from '../core/sqlEstate.js';
import { andedLeaves } from './blocks.js';
import { allLeaves } from './conditions.js';

/** Whether an index on the column could seek for this predicate (T-SQL seeks on a date cast of it). */
export function isSeekable(leaf: SqlPredicateLeaf, dialect: SqlDialect): boolean {
  return leaf.nonSargable === undefined || (leaf.nonSargable === 'date-cast' && dialect === 'transactsql');
}

export function servingIndex(
  node: SqlPredicateNode,
  access: number,
  table: TableSchema,
  facts: readonly SqlPredicateLeaf[],
  dialect: SqlDialect,
): SqlIndexDef | undefined {
  if (node.kind === 'leaf')
    return node.access === access && isSeekable(node, dialect) && node.op !== 'other'
      ? leadingIndex(table, node.column, facts)
      : undefined;
  if (node.kind === 'and') {
    for (const item of node.items) {
      const found = servingIndex(item, access, table, facts, dialect);
      if (found) return found;
    }
    return undefined;
  }
  if (node.items.length === 0) return undefined;
  let first: SqlIndexDef | undefined;
  for (const item of node.items) {
    // Each OR branch is a seek of its own, under the filter facts its branch adds.
    const found = servingIndex(item, access, table, [...facts, ...andedLeaves(item)], dialect);
    if (!found) return undefined;
    first ??= found;
  }
  return first;
}

/** An index whose first key column is `column` and whose filter (if any) the query's facts imply. */
export function leadingIndex(
  table: TableSchema,
  column: string,
  facts: readonly SqlPredicateLeaf[],
): SqlIndexDef | undefined {
  const wanted = column.toLowerCase();
  return table.indexes.find(
    (index) => !index.columnstore && index.columns[0]?.toLowerCase() === wanted && filterImplied(index, facts),
  );
}

/**
 * Whether every leaf of a filtered index's WHERE follows from the query's AND-ed
 * predicates: the same literal, or `col IS NOT NULL` from any comparison that no
 * NULL satisfies (an equality, range, IN or LIKE, with a value or a join column).
 */
function filterImplied(index: SqlIndexDef, facts: readonly SqlPredicateLeaf[]): boolean {
  if (!index.filter) return true;
  const leaves = index.filterLeaves ?? [];
  if (leaves.length === 0) return false; // a filter we could not read is never assumed to match
  return leaves.every((f) =>
    facts.some((q) => {
      if (q.column.toLowerCase() !== f.column.toLowerCase()) return false;
      if (f.op === 'not-null')
        return q.op === 'eq' || q.op === 'range' || q.op === 'in' || q.op === 'like' || q.op === 'not-null';
      if (f.op === 'null') return q.op === 'null';
      return q.op === f.op && q.value !== undefined && normaliseLiteral(q.value) === normaliseLiteral(f.value ?? '');
    }),
  );
}

/**
 * A filtered index whose filter is the whole of the query's condition on the table
 * (`… WHERE Active = 1` for `WHERE Active = 1`) holds exactly the rows asked for:
 * reading it is no full scan, whatever its key columns.
 */
export function filteredIndexHolding(
  table: TableSchema,
  own: SqlPredicateNode,
  facts: readonly SqlPredicateLeaf[],
): SqlIndexDef | undefined {
  const leaves = allLeaves(own);
  const andedSet = new Set(andedLeaves(own));
  if (leaves.length === 0 || !leaves.every((leaf) => andedSet.has(leaf))) return undefined;
  return table.indexes.find(
    (index) =>
      !index.columnstore &&
      index.filter !== undefined &&
      filterImplied(index, facts) &&
      leaves.every((leaf) =>
        (index.filterLeaves ?? []).some((f) => f.column.toLowerCase() === leaf.column.toLowerCase()),
      ),
  );
}

function normaliseLiteral(value: string): string {
  return value.replace(/^N'/i, "'").toLowerCase();
}

/** The index that comes closest: one holding an unserved column at the lowest non-leading position. */
export function closest(table: TableSchema, columns: readonly string[]): { index?: SqlIndexDef } {
  const wanted = new Set(columns.map((c) => c.toLowerCase()));
  let best: { index: SqlIndexDef; position: number } | undefined;
  for (const index of table.indexes) {
    const position = index.columns.findIndex((c) => wanted.has(c.toLowerCase()));
    if (position < 0) continue;
    if (!best || position < best.position) best = { index, position };
  }
  return best ? { index: best.index } : {};
}
