/**
 * Which table accesses of a block an index can serve, judged by access paths
 * the way a cost-based optimizer finds them. The rules (documented in the
 * README of the analyzer that reports unserved accesses):
 * - a table's own predicates are those comparing its column with a value (a
 *   parameter, a literal, an outer or derived column, a table variable's rows);
 *   they serve it when one leads an index, primary key or unique constraint
 *   (leftmost prefix; a filtered index only when the query implies its filter);
 *   under AND one served predicate serves the access, under OR every branch must;
 * - an equality between two tables' columns (WHERE, or ON — an outer join only
 *   towards its nullable side) lets the table on one side be sought from the
 *   rows of the other, when the other is driven (served itself, or a transient
 *   short list) and its column leads an index; an equality with a value passes
 *   through such joins (`a.X = b.Y AND b.Y = @p` makes `a.X = @p`);
 * - a table no path serves is a full scan when something restricts it: its own
 *   predicates (a seekable one no index leads — predicates no index could seek
 *   on are left to the non-sargable advice), else a join to a table that is read in
 *   part; once scanned, it drives the tables it reaches through indexed joins;
 * - a table nothing restricts is read whole by design, unless only its first
 *   rows are wanted (`TOP`/`OFFSET … FETCH`) in an order no index gives.
 */
import { andedLeaves } from './blocks.js';
import { closest, filteredIndexHolding, isSeekable, leadingIndex, servingIndex } from './indexMatch.js';
import { allLeaves, isTrue } from './conditions.js';
import type {
  SqlBlock,
  SqlDialect,
  SqlIndexDef,
  SqlPredicateLeaf,
  SqlPredicateNode,
  SqlTableAccess,
} from '../core/facts/sql.js';
import type { SchemaCatalog, TableSchema } from '../core/sqlEstate.js';
import { isTransientTable } from './names.js';
import { hasColumn } from './schema.js';
import { isLowSelectivity } from './suggest.js';

export type AccessKind = 'where' | 'join' | 'order-by';

export interface AccessVerdict {
  access: SqlTableAccess;
  table: TableSchema;
  /** False for a full scan; `kind` is then absent when only non-sargable predicates restrict it. */
  served: boolean;
  kind?: AccessKind;
  /** Predicate columns of this table that no index leads. */
  columns: string[];
  /** The predicate texts behind `columns`. */
  predicates: string[];
  /** The index that serves it, or (when unserved) the one that comes closest. */
  index?: SqlIndexDef;
  /** Whether every unserved predicate is AND-ed (one composite index would serve the access). */
  anded: boolean;
  /** Equality-compared columns among `columns` (they lead a suggested index, ranges follow). */
  equalityColumns: string[];
  /** Columns restricting the access that no index could seek on (a function around them, a leading wildcard). */
  unseekableColumns: string[];
  /** Columns among `columns` with an AND-ed unserved predicate: an index on them serves the access whatever the ORs do. */
  andedColumns: string[];
  /** Set when only optional predicates (`@p IS NULL OR col = @p`) restrict it: no index is the fix. */
  optional?: true;
  /** For a `join` scan: the accesses of the block whose rows it is joined to. */
  joinedTo?: number[];
  dialect: SqlDialect;
}

/** `into.column` can be sought from each row of `from` (an equality between the two tables). */
interface Edge {
  into: number;
  column: string;
  from: number;
  fromColumn: string;
  text: string;
}

const TRUE: SqlPredicateNode = { kind: 'and', items: [] };

/** Judges every access of a block to a known table; unknown and transient tables are skipped. */
export function judgeBlock(block: SqlBlock, schema: SchemaCatalog, dialect: SqlDialect): AccessVerdict[] {
  const tables = block.accesses.map((a) => schema.resolve(a.table, dialect));
  const transient = block.accesses.map((a) => isTransientTable(a.table));
  const condition = conditionOf(block, tables);
  const anded = andedLeaves(condition);
  const edges = edgesOf(anded, transient);
  const derived = derivedEqualities(anded, edges, transient);
  const judge = block.accesses.map((_, i) => {
    const own = conjunction(restrictTo(condition, i, transient), ...(derived.get(i) ?? []));
    const facts = [...anded.filter((l) => l.access === i), ...(derived.get(i) ?? [])];
    return { own: isTrue(own) ? undefined : own, facts };
  });
  const verdicts = new Map<number, AccessVerdict>();
  const base = (i: number, table: TableSchema) => ({
    access: block.accesses[i]!,
    table,
    anded: true,
    columns: [] as string[],
    predicates: [] as string[],
    equalityColumns: [] as string[],
    unseekableColumns: [] as string[],
    andedColumns: [] as string[],
    dialect,
  });
  const served = (i: number, index: SqlIndexDef | undefined) => {
    verdicts.set(i, { ...base(i, tables[i]!), served: true, ...(index ? { index } : {}) });
  };
  // Transient tables are short lists: they drive whatever they join.
  const driven = new Set(transient.flatMap((t, i) => (t ? [i] : [])));
  const known = tables.flatMap((t, i) => (t && !transient[i] ? [i] : []));
  for (const i of known) {
    const { own, facts } = judge[i]!;
    if (!own) continue;
    const index = servingIndex(own, i, tables[i]!, facts, dialect) ?? filteredIndexHolding(tables[i]!, own, facts);
    if (index) {
      served(i, index);
      driven.add(i);
    }
  }
  // Only the first rows wanted, in the order an index keeps: reading that index stops after them (filters checked on the way).
  if (block.limited) {
    for (const i of known) {
      const first = sortColumnOf(block, i, tables);
      const index = !driven.has(i) && first ? leadingIndex(tables[i]!, first, judge[i]!.facts) : undefined;
      if (index) {
        served(i, index);
        driven.add(i);
      }
    }
  }
  // A derived table or CTE may hold any number of rows: joined on an indexed column it drives seeks, but restricts nothing we know.
  for (const i of known) {
    if (driven.has(i)) continue;
    const { facts } = judge[i]!;
    const index = facts
      .filter((l) => l.peer === 'derived' && l.op === 'eq' && !l.nonSargable)
      .map((l) => leadingIndex(tables[i]!, l.column, facts))
      .find(Boolean);
    if (index) {
      served(i, index);
      driven.add(i);
    }
  }
  // Seeks through indexed joins from driven tables, then from tables scanned for their own predicates.
  const follow = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const edge of edges) {
        if (driven.has(edge.into) || !driven.has(edge.from) || !tables[edge.into] || transient[edge.into]) continue;
        const index = leadingIndex(tables[edge.into]!, edge.column, judge[edge.into]!.facts);
        if (!index) continue;
        served(edge.into, index);
        driven.add(edge.into);
        changed = true;
      }
    }
  };
  follow();
  // A filter that narrows little (a flag, a status, IS NOT NULL) on a table the other side of a join can seek by
  // index is a residual: the other side decides how much is read — sought, scanned (and reported), or read whole.
  const residual = (i: number) =>
    narrowsLittle(judge[i]!.own!, tables[i]!) &&
    edges.some(
      (e) =>
        e.into === i && (tables[e.from] || transient[e.from]) && leadingIndex(tables[i]!, e.column, judge[i]!.facts),
    );
  const restricted = known.filter((i) => !driven.has(i) && judge[i]!.own && !residual(i));
  // The optimizer drives from the most selective filter: a scan on an equality that can narrow is chosen first.
  restricted.sort(
    (a, b) =>
      Number(selective(judge[b]!.own!, b, tables[b]!)) - Number(selective(judge[a]!.own!, a, tables[a]!)) || a - b,
  );
  for (const i of restricted) {
    if (driven.has(i)) continue;
    // Joined to a table that is sought, with no selective filter of its own (a flag, a range, an OR): the join
    // column is the path it lacks, its filter a residual. A selective equality of its own is the gap to name,
    // and so is a column it filters by value too (`a.X = b.Y AND a.X = @p` is one gap, a filter).
    const own = judge[i]!.own!;
    const filtered = new Set(allLeaves(own).map((l) => l.column.toLowerCase()));
    const joins = selective(own, i, tables[i]!)
      ? []
      : edges.filter((e) => e.into === i && driven.has(e.from) && !filtered.has(e.column.toLowerCase()));
    const scan =
      joins.length > 0
        ? joinVerdict(base(i, tables[i]!), joins)
        : scanVerdict(base(i, tables[i]!), own, i, judge[i]!.facts, dialect);
    // Restricted only by predicates no index seeks on (`<>`, `NOT IN`, a function): a paging sort may still be the gap.
    verdicts.set(i, scan.kind ? scan : (sortGap(base(i, tables[i]!), block, sortColumnOf(block, i, tables)) ?? scan));
    driven.add(i);
    follow();
  }
  // An OR across tables restricts none of them alone: the first is scanned for it, and drives the rest.
  for (const i of known) {
    if (driven.has(i) || !condition || !inCrossTableOr(condition, i, transient)) continue;
    verdicts.set(i, { ...base(i, tables[i]!), served: false, kind: 'where', anded: false });
    driven.add(i);
    follow();
  }
  // A table joined to a table read in part, on columns no index leads, is scanned to find the matches (its
  // optional filters are residuals then); failing that, one restricted only by optional predicates is scanned
  // (unless the paging sort is the gap to name). Each scanned table drives the rest.
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of known) {
      if (driven.has(i)) continue;
      const joins = edges.filter((e) => e.into === i && driven.has(e.from));
      if (joins.length === 0) continue;
      verdicts.set(i, joinVerdict(base(i, tables[i]!), joins));
      driven.add(i);
      follow();
      changed = true;
    }
    if (changed) continue;
    for (const i of known) {
      if (driven.has(i)) continue;
      const optional = optionalLeaves(condition, i, transient, dialect);
      if (optional.length === 0) continue;
      verdicts.set(
        i,
        sortGap(base(i, tables[i]!), block, sortColumnOf(block, i, tables)) ??
          optionalVerdict(base(i, tables[i]!), optional),
      );
      driven.add(i);
      follow();
      changed = true;
      break;
    }
  }
  for (const i of known) {
    if (verdicts.has(i)) continue;
    verdicts.set(i, unrestrictedVerdict(base(i, tables[i]!), block, sortColumnOf(block, i, tables)));
  }
  // A block without ON conditions of its own (an older reader, EF LINQ): the inner side's join columns.
  if (!block.joins) {
    for (const [i, verdict] of verdicts) {
      const access = block.accesses[i]!;
      if (verdict.kind || !access.joinColumns?.length || judge[i]!.own) continue;
      const index = access.joinColumns.map((c) => leadingIndex(verdict.table, c, judge[i]!.facts)).find(Boolean);
      if (index) verdicts.set(i, { ...verdict, served: true, index });
      else
        verdicts.set(i, {
          ...verdict,
          served: false,
          kind: 'join',
          columns: access.joinColumns,
          equalityColumns: access.joinColumns,
          ...closest(verdict.table, access.joinColumns),
        });
    }
  }
  return [...verdicts].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** A scan to find the rows matching a driven table's: the join columns no index leads are the gap. */
function joinVerdict(base: Omit<AccessVerdict, 'served'>, joins: readonly Edge[]): AccessVerdict {
  const columns = unique(joins.map((e) => e.column));
  return {
    ...base,
    served: false,
    kind: 'join',
    joinedTo: unique(joins.map((e) => e.from)),
    columns,
    equalityColumns: columns,
    andedColumns: columns,
    ...closest(base.table, columns),
  };
}

/** A scan for the table's own predicates: the seekable ones no index leads are the gap. */
function scanVerdict(
  base: Omit<AccessVerdict, 'served'>,
  own: SqlPredicateNode,
  access: number,
  facts: readonly SqlPredicateLeaf[],
  dialect: SqlDialect,
): AccessVerdict {
  const { table } = base;
  const leaves = allLeaves(own).filter((l) => l.access === access);
  const seekable = leaves.filter((l) => isSeekable(l, dialect) && l.op !== 'other');
  // A leaf implies a `col IS NOT NULL` filter on its own column, under whatever OR it sits.
  const unserved = seekable.filter((l) => !leadingIndex(table, l.column, [...facts, l]));
  const seekableColumns = new Set(seekable.map((l) => l.column));
  const unseekableColumns = unique(leaves.filter((l) => !seekableColumns.has(l.column)).map((l) => l.column));
  // Only predicates no index could seek on restrict it: the non-sargable advice applies, not an index.
  if (unserved.length === 0) return { ...base, served: false, unseekableColumns };

  const andedSet = new Set(andedLeaves(own));
  const columns = unique(unserved.map((l) => l.column));
  // Compared only with the rows of a table variable or rowset function: a join to a short list.
  const joined = unserved.every((l) => l.peer !== undefined);
  return {
    ...base,
    served: false,
    kind: joined ? 'join' : 'where',
    anded: unserved.every((l) => andedSet.has(l)),
    columns,
    predicates: unique(unserved.map((l) => l.text)),
    equalityColumns: unique(
      unserved.filter((l) => l.op === 'eq' || l.op === 'in' || l.op === 'null').map((l) => l.column),
    ),
    unseekableColumns,
    andedColumns: unique(unserved.filter((l) => andedSet.has(l)).map((l) => l.column)),
    ...closest(table, columns),
  };
}

/**
 * Nothing restricts the table: it is read whole by design — unless only its first
 * rows are wanted in an order no index gives (the whole table is read and sorted for them).
 */
function unrestrictedVerdict(
  base: Omit<AccessVerdict, 'served'>,
  block: SqlBlock,
  first: string | undefined,
): AccessVerdict {
  return sortGap(base, block, first) ?? { ...base, served: true };
}

/**
 * The column the rows are first sorted by, when it is this table's: only then can an index of
 * the table give the order (a statement without the block-level list: the access's own first).
 */
function sortColumnOf(
  block: SqlBlock,
  access: number,
  tables: readonly (TableSchema | undefined)[],
): string | undefined {
  if (!block.orderBy) return block.accesses[access]!.orderBy[0];
  const first = block.orderBy[0];
  if (!first) return undefined;
  if (first.access !== undefined) return first.access === access ? first.column : undefined;
  const owners = tables.flatMap((t, i) => (t && hasColumn(t, first.column) ? [i] : []));
  return owners.length === 1 && owners[0] === access ? first.column : undefined;
}

/** `TOP`/`OFFSET … FETCH` in an order no index of the table gives: every row read and sorted for the first few. */
function sortGap(
  base: Omit<AccessVerdict, 'served'>,
  block: SqlBlock,
  first: string | undefined,
): AccessVerdict | undefined {
  if (!block.limited || !first || leadingIndex(base.table, first, [])) return undefined;
  return { ...base, served: false, kind: 'order-by', columns: [first], ...closest(base.table, [first]) };
}

/**
 * A table filtered only by optional predicates (`@p IS NULL OR col = @p`): one cached
 * plan must serve every value, NULL included, so it scans (only `OPTION (RECOMPILE)`
 * lets SQL Server plan for the value at hand). No index is the fix: the finding says so.
 */
function optionalVerdict(base: Omit<AccessVerdict, 'served'>, leaves: readonly SqlPredicateLeaf[]): AccessVerdict {
  const columns = unique(leaves.map((l) => l.column));
  return {
    ...base,
    served: false,
    kind: 'where',
    optional: true,
    anded: false,
    columns,
    predicates: unique(leaves.map((l) => l.text)),
    ...closest(base.table, columns),
  };
}

/** The table's seekable value leaves under an OR with a branch that restricts nothing (a catch-all). */
function optionalLeaves(
  node: SqlPredicateNode | undefined,
  access: number,
  transient: readonly boolean[],
  dialect: SqlDialect,
): SqlPredicateLeaf[] {
  if (!node || node.kind === 'leaf') return [];
  if (node.kind === 'or' && node.items.some(isTrue))
    return allLeaves(node).filter(
      (l) => l.access === access && isValueLeaf(l, transient) && isSeekable(l, dialect) && l.op !== 'other',
    );
  return node.items.flatMap((n) => optionalLeaves(n, access, transient, dialect));
}

/** `OPTION (RECOMPILE)` plans for the parameter values at hand: a catch-all's `@p IS NULL` branch is then decided. */
function embedParameters(node: SqlPredicateNode): SqlPredicateNode {
  if (node.kind === 'leaf') return node;
  const items = node.items.map(embedParameters);
  if (node.kind === 'or') {
    const decided = items.filter((n) => !isTrue(n));
    if (decided.length === 0) return TRUE;
    return decided.length === 1 ? decided[0]! : { kind: 'or', items: decided };
  }
  return conjunction(...items);
}

/** Whether the table's own leaves sit in an OR whose every branch restricts some table, but not this one. */
function inCrossTableOr(node: SqlPredicateNode, access: number, transient: readonly boolean[]): boolean {
  if (node.kind === 'leaf') return false;
  if (node.kind === 'and') return node.items.some((n) => inCrossTableOr(n, access, transient));
  if (node.items.some(isTrue)) return false;
  const mine = allLeaves(node).some((l) => l.access === access && isValueLeaf(l, transient));
  return mine || node.items.some((n) => inCrossTableOr(n, access, transient));
}

/** WHERE and the ON conditions that restrict rows: an inner join's whole ON, an outer join's only on its nullable side. */
function conditionOf(block: SqlBlock, tables: readonly (TableSchema | undefined)[]): SqlPredicateNode | undefined {
  const parts: SqlPredicateNode[] = [];
  if (block.where) parts.push(attributeLeaves(block.where, block, tables));
  for (const join of block.joins ?? []) {
    if (!join.on) continue;
    const on = attributeLeaves(join.on, block, tables);
    if (join.type === 'inner' || join.type === 'cross') parts.push(on);
    else if (join.type === 'left')
      parts.push(prune(on, (l) => l.access !== undefined && join.accesses.includes(l.access)));
    // RIGHT and FULL joins keep every row of the side written first: their ON restricts and drives nothing we judge.
  }
  const all = block.recompiled ? embedParameters(conjunction(...parts)) : conjunction(...parts);
  return isTrue(all) ? undefined : all;
}

/** The tree with only the leaves `keep` accepts: a dropped leaf restricts nothing (TRUE). */
function prune(node: SqlPredicateNode, keep: (leaf: SqlPredicateLeaf) => boolean): SqlPredicateNode {
  if (node.kind === 'leaf') return keep(node) ? node : TRUE;
  const items = node.items.map((n) => prune(n, keep));
  if (node.kind === 'or') return items.some(isTrue) ? TRUE : { kind: 'or', items };
  return conjunction(...items);
}

/** A leaf comparing the table's column with a value, or with a transient short list: a predicate of its own. */
function isValueLeaf(leaf: SqlPredicateLeaf, transient: readonly boolean[]): boolean {
  const peer = leaf.peer;
  if (peer === undefined || peer === 'transient') return true;
  if (peer === 'derived') return false;
  if (peer.access === undefined) return true; // an unqualified column of no table in scope: an outer value
  if (peer.access === leaf.access) return false;
  return transient[peer.access] ?? false;
}

/** What restricts access `i` on its own: its value leaves, with everything else TRUE. */
function restrictTo(node: SqlPredicateNode | undefined, i: number, transient: readonly boolean[]): SqlPredicateNode {
  if (!node) return TRUE;
  return prune(node, (l) => l.access === i && isValueLeaf(l, transient));
}

/** AND-ed equalities between two tables' columns, as seeks one way and the other. */
function edgesOf(anded: readonly SqlPredicateLeaf[], transient: readonly boolean[]): Edge[] {
  const edges: Edge[] = [];
  for (const leaf of anded) {
    const peer = leaf.peer;
    if (leaf.access === undefined || typeof peer !== 'object' || peer.access === undefined) continue;
    if (peer.access === leaf.access || transient[peer.access] || leaf.op !== 'eq' || leaf.nonSargable) continue;
    edges.push({ into: leaf.access, column: leaf.column, from: peer.access, fromColumn: peer.column, text: leaf.text });
  }
  return edges;
}

/** `a.X = b.Y AND b.Y = @p`: `a.X = @p` too, through any chain of AND-ed equalities. */
function derivedEqualities(
  anded: readonly SqlPredicateLeaf[],
  edges: readonly Edge[],
  transient: readonly boolean[],
): Map<number, SqlPredicateLeaf[]> {
  const known = new Map<string, string>();
  const key = (access: number, column: string) => `${access}\u0000${column.toLowerCase()}`;
  for (const leaf of anded) {
    if (leaf.access === undefined || leaf.nonSargable || (leaf.op !== 'eq' && leaf.op !== 'in')) continue;
    if (isValueLeaf(leaf, transient)) known.set(key(leaf.access, leaf.column), leaf.text);
  }
  const derived = new Map<number, SqlPredicateLeaf[]>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const edge of edges) {
      const via = known.get(key(edge.from, edge.fromColumn));
      if (!via || known.has(key(edge.into, edge.column))) continue;
      known.set(key(edge.into, edge.column), via);
      const leaf: SqlPredicateLeaf = {
        kind: 'leaf',
        access: edge.into,
        column: edge.column,
        op: 'eq',
        valueKind: 'parameter',
        text: `${edge.text} (and ${via})`,
      };
      derived.set(edge.into, [...(derived.get(edge.into) ?? []), leaf]);
      changed = true;
    }
  }
  return derived;
}

/** Whether every predicate is on a flag or small status, or only asks for a value (`IS NOT NULL`): most rows pass. */
function narrowsLittle(own: SqlPredicateNode, table: TableSchema): boolean {
  return allLeaves(own).every(
    (l) => l.op === 'not-null' || isLowSelectivity(l.column, table.columns.get(l.column.toLowerCase())),
  );
}

/** Whether a seek on one of its own predicates could narrow the table: an equality on a column that is no flag. */
function selective(own: SqlPredicateNode, access: number, table: TableSchema): boolean {
  return andedLeaves(own).some(
    (l) =>
      l.access === access &&
      !l.nonSargable &&
      (l.op === 'eq' || l.op === 'in') &&
      !isLowSelectivity(l.column, table.columns.get(l.column.toLowerCase())),
  );
}

/**
 * Copies the tree with unqualified leaves (and unqualified columns they are
 * compared with) given to the one access whose table has that column, when
 * several tables are in scope and the schema knows.
 */
export function attributeLeaves(
  node: SqlPredicateNode,
  block: SqlBlock,
  tables: readonly (TableSchema | undefined)[],
): SqlPredicateNode {
  if (node.kind !== 'leaf') return { kind: node.kind, items: node.items.map((n) => attributeLeaves(n, block, tables)) };
  const owner = (column: string) => {
    const owners = tables.map((t, i) => (t && hasColumn(t, column) ? i : -1)).filter((i) => i >= 0);
    return owners.length === 1 ? owners[0] : undefined;
  };
  let leaf = node;
  if (leaf.access === undefined) {
    const access = owner(leaf.column);
    if (access !== undefined) leaf = { ...leaf, access };
  }
  const peer = leaf.peer;
  if (typeof peer === 'object' && peer.access === undefined) {
    const access = owner(peer.column);
    if (access !== undefined) leaf = { ...leaf, peer: { access, column: peer.column } };
  }
  return leaf;
}

function conjunction(...nodes: SqlPredicateNode[]): SqlPredicateNode {
  const items = nodes.filter((n) => !isTrue(n)).flatMap((n) => (n.kind === 'and' ? n.items : [n]));
  if (items.length === 1) return items[0]!;
  return { kind: 'and', items };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
