/**
 * node-sql-parser statement ASTs → blocks: each SELECT/UPDATE/DELETE/INSERT
 * scope with its table accesses (aliases resolved, CTEs and derived tables
 * left out) and its WHERE tree. Subqueries become blocks of their own. A
 * statement's top-level SELECT also records what it returns (`outputs`), which
 * is how a view or inline function over it is read through.
 */
import type {
  SqlBlock,
  SqlJoin,
  SqlOutputColumn,
  SqlPredicateLeaf,
  SqlPredicateNode,
  SqlTableAccess,
  SqlTableName,
} from '../core/facts/sql.js';
import {
  columnName,
  DERIVED_ACCESS,
  isColumn,
  TRANSIENT_ACCESS,
  toPredicate,
  visitSubqueries,
  type AstNode,
  type ResolveQualifier,
} from './conditions.js';
import { isTransientTable, tableNameOf } from './names.js';

export interface BlockCollection {
  blocks: SqlBlock[];
  selectStar: boolean;
}

/**
 * CTE name (lower-cased) → its column names (lower-cased, undefined when not known: `SELECT *`)
 * and whether it only lists a table variable or rowset function (a short list, like `@ids`).
 */
type CteColumns = ReadonlyMap<string, { columns?: ReadonlySet<string>; transient: boolean }>;

export function collectBlocks(
  statement: AstNode,
  collection: BlockCollection = { blocks: [], selectStar: false },
  outerCtes: ReadonlySet<string> = new Set(),
): BlockCollection {
  return collect(statement, collection, new Map([...outerCtes].map((name) => [name, { transient: false }])), true);
}

function collect(
  statement: AstNode,
  collection: BlockCollection,
  outerCtes: CteColumns,
  top: boolean,
): BlockCollection {
  if (!statement || typeof statement !== 'object') return collection;
  const ctes = new Map(outerCtes);
  for (const cte of statement.with ?? []) {
    const name = cte?.name?.value ?? cte?.name;
    if (typeof name === 'string') {
      const columns = cteColumnsOf(cte);
      const transient = readsOnlyTransient(cte?.stmt?.ast ?? cte?.stmt);
      ctes.set(name.toLowerCase(), columns ? { columns, transient } : { transient });
    }
  }
  for (const cte of statement.with ?? []) collect(cte?.stmt?.ast ?? cte?.stmt, collection, ctes, false);
  const recurse = (ast: AstNode) => collect(ast, collection, ctes, false);
  switch (statement.type) {
    case 'select':
      selectBlock(statement, collection, ctes, recurse, top);
      break;
    case 'update':
    case 'delete':
      writeBlock(statement, collection, ctes, recurse);
      break;
    case 'insert':
    case 'replace': {
      const accesses = (statement.table ?? [])
        .map((t: AstNode) => tableAccess(t, 'write'))
        .filter(Boolean) as SqlTableAccess[];
      collection.blocks.push({ accesses: accesses.filter((a) => !ctes.has(a.table.name.toLowerCase())) });
      visitSubqueries(statement.values, recurse);
      if (statement.select) recurse(statement.select);
      break;
    }
    default:
      visitSubqueries(statement, recurse);
  }
  // A UNION's next branch is as top-level as the first.
  if (statement._next) collect(statement._next, collection, ctes, top);
  return collection;
}

/** `WITH x (a, b) AS …` names its columns; otherwise the CTE's SELECT list does, unless it has a `*`. */
function cteColumnsOf(cte: AstNode): ReadonlySet<string> | undefined {
  const listed = (Array.isArray(cte?.columns) ? cte.columns : []).map((c: AstNode) => columnName(c) ?? c?.value ?? c);
  if (listed.length > 0 && listed.every((c: unknown) => typeof c === 'string'))
    return new Set(listed.map((c: string) => c.toLowerCase()));
  return selectListNames(cte?.stmt?.ast ?? cte?.stmt);
}

/** The names a SELECT returns, or undefined when a `*` (or a computed column without alias) hides some. */
function selectListNames(select: AstNode): ReadonlySet<string> | undefined {
  if (select?.type !== 'select' || !Array.isArray(select.columns)) return undefined;
  const names = new Set<string>();
  for (const column of select.columns) {
    const name = typeof column?.as === 'string' ? column.as : columnName(column?.expr);
    if (!name || name === '*') return undefined;
    names.add(name.toLowerCase());
  }
  return names;
}

/** Built-in rowset functions: a short list from a parameter (`OPENJSON(@ids)`), like a table variable. */
const ROWSET_FUNCTIONS = new Set(['openjson', 'string_split', 'openxml', 'generate_series', 'unnest']);

interface Scope {
  accesses: SqlTableAccess[];
  /** Lower-cased alias / name / schema.name → access index, or -1 for derived tables and CTEs. */
  names: Map<string, number>;
  /** Derived tables and CTEs in this FROM, with their columns when known (unqualified columns are looked up there). */
  others: (ReadonlySet<string> | undefined)[];
  /** Lower-cased aliases of derived tables and rowset functions over a short transient list. */
  transient: Set<string>;
}

interface Join {
  /** The joined access, or -1 when the joined side is a derived table, CTE or rowset function. */
  index: number;
  type: SqlJoin['type'];
  on: AstNode;
}

function buildScope(
  from: AstNode[] | null | undefined,
  ctes: CteColumns,
  recurse: (ast: AstNode) => void,
): { scope: Scope; joins: Join[] } {
  const scope: Scope = { accesses: [], names: new Map(), others: [], transient: new Set() };
  const joins: Join[] = [];
  const other = (entry: AstNode, alias: string | undefined, columns: ReadonlySet<string> | undefined) => {
    if (alias) scope.names.set(alias.toLowerCase(), -1);
    scope.others.push(columns);
    if (entry.join && entry.on) joins.push({ index: -1, type: joinType(entry.join), on: entry.on });
  };
  for (const entry of from ?? []) {
    if (entry?.expr?.ast || entry?.expr?.type === 'select') {
      const select = entry.expr.ast ?? entry.expr;
      recurse(select);
      const alias = entry.as ? String(entry.as) : undefined;
      if (alias && readsOnlyTransient(select)) scope.transient.add(alias.toLowerCase());
      other(entry, alias, selectListNames(select));
      continue;
    }
    const call = entry?.expr?.type === 'function' ? functionName(entry.expr) : undefined;
    if (call && !call.schema && ROWSET_FUNCTIONS.has(call.name.toLowerCase())) {
      const alias = entry.as ? String(entry.as) : undefined;
      if (alias) scope.transient.add(alias.toLowerCase());
      visitSubqueries(entry.expr.args, recurse);
      other(entry, alias, undefined);
      continue;
    }
    const access = call ? callAccess(entry, call) : tableAccess(entry, 'read');
    if (!access) {
      visitSubqueries(entry, recurse);
      continue;
    }
    if (call) visitSubqueries(entry.expr.args, recurse);
    if (!access.table.schema && ctes.has(access.table.name.toLowerCase())) {
      const cte = ctes.get(access.table.name.toLowerCase());
      const alias = access.alias ?? access.table.name;
      if (cte?.transient) scope.transient.add(alias.toLowerCase());
      other(entry, alias, cte?.columns);
      continue;
    }
    const index = scope.accesses.length;
    scope.accesses.push(access);
    if (access.alias) scope.names.set(access.alias.toLowerCase(), index);
    else scope.names.set(access.table.name.toLowerCase(), index);
    if (access.table.schema) scope.names.set(`${access.table.schema}.${access.table.name}`.toLowerCase(), index);
    if (entry.join && entry.on) joins.push({ index, type: joinType(entry.join), on: entry.on });
  }
  return { scope, joins };
}

/** A derived table whose FROM is only table variables, temp tables and rowset functions. */
function readsOnlyTransient(select: AstNode): boolean {
  const from = Array.isArray(select?.from) ? select.from : [];
  if (from.length === 0 || select._next) return false;
  return from.every((entry: AstNode) => {
    if (entry?.expr?.type === 'function') {
      const name = functionName(entry.expr);
      return name !== undefined && !name.schema && ROWSET_FUNCTIONS.has(name.name.toLowerCase());
    }
    const access = tableAccess(entry, 'read');
    return access !== undefined && isTransientTable(access.table);
  });
}

function functionName(fn: AstNode): SqlTableName | undefined {
  const parts = [
    fn?.name?.schema?.value,
    ...(Array.isArray(fn?.name?.name) ? fn.name.name.map((p: AstNode) => p?.value) : []),
  ];
  return tableNameOf(parts.filter((p): p is string => typeof p === 'string' && p.length > 0));
}

/** `FROM dbo.F(@x) f`: read as an access to F, which a table-valued function definition can expand. */
function callAccess(entry: AstNode, name: SqlTableName): SqlTableAccess {
  const access: SqlTableAccess = { table: name, mode: 'read', orderBy: [], groupBy: [], call: true };
  if (entry.as) access.alias = String(entry.as);
  return access;
}

/** `TOP n` (T-SQL), `OFFSET … FETCH`, `LIMIT n` (MySQL, PostgreSQL). */
function isLimited(statement: AstNode): boolean {
  if (statement.top && statement.top.value !== undefined && statement.top.value !== null) return true;
  const limit = statement.limit;
  if (!limit) return false;
  if (limit.fetch) return true;
  return Array.isArray(limit.value) && limit.value.length > 0;
}

function joinType(join: unknown): SqlJoin['type'] {
  const text = String(join).toUpperCase();
  if (text.startsWith('LEFT')) return 'left';
  if (text.startsWith('RIGHT')) return 'right';
  if (text.startsWith('FULL')) return 'full';
  if (text.startsWith('CROSS')) return 'cross';
  return 'inner';
}

/**
 * Resolves a column to its access. `joinSide` (an ON): a transient derived table or rowset
 * function is a short list driving seeks; `derived` (a WHERE or ON): a derived table's or
 * CTE's column is said apart from an outer one, since its rows may drive a seek but their
 * number is unknown.
 */
function resolverOf(scope: Scope, joinSide = false, derived = false): ResolveQualifier {
  return (qualifier, column) => {
    if (qualifier === undefined) {
      if (scope.accesses.length !== 1) return undefined;
      if (scope.others.length === 0) return 0;
      // Beside a CTE or derived table, an unqualified column is the table's only when theirs are known not to hold it.
      const wanted = column?.toLowerCase();
      if (wanted && scope.others.some((columns) => columns?.has(wanted))) return derived ? DERIVED_ACCESS : null;
      return scope.others.every((columns) => columns !== undefined) ? 0 : undefined;
    }
    const name = qualifier.toLowerCase();
    if (joinSide && scope.transient.has(name)) return TRANSIENT_ACCESS;
    const index = scope.names.get(name);
    if (derived && index !== undefined && index < 0) return DERIVED_ACCESS;
    if (index === undefined || index < 0) return null;
    return index;
  };
}

function selectBlock(
  statement: AstNode,
  collection: BlockCollection,
  ctes: CteColumns,
  recurse: (ast: AstNode) => void,
  top: boolean,
): void {
  const { scope, joins } = buildScope(statement.from, ctes, recurse);
  const resolve = resolverOf(scope);
  for (const column of Array.isArray(statement.columns) ? statement.columns : []) {
    if (columnName(column?.expr) === '*') collection.selectStar = true;
    visitSubqueries(column?.expr, recurse);
  }
  if (statement.columns === '*') collection.selectStar = true;
  finishBlock(statement, scope, joins, resolve, collection, recurse, top ? outputsOf(statement, resolve) : undefined);
}

/** The SELECT list as names over base columns; a `*` over a CTE or derived table hides its columns, so it is left out. */
function outputsOf(statement: AstNode, resolve: ResolveQualifier): SqlOutputColumn[] {
  if (statement.columns === '*') return [{ star: true }];
  const outputs: SqlOutputColumn[] = [];
  for (const item of Array.isArray(statement.columns) ? statement.columns : []) {
    const expr = item?.expr;
    const alias = typeof item?.as === 'string' ? item.as : undefined;
    const name = columnName(expr);
    if (name === '*') {
      const access = resolve(expr.table ? String(expr.table) : undefined, undefined);
      if (!expr.table) outputs.push({ star: true });
      else if (typeof access === 'number') outputs.push({ star: true, access });
      continue;
    }
    if (isColumn(expr)) {
      const access = resolve(expr.table ? String(expr.table) : undefined, name);
      if (access === null)
        outputs.push({ name: alias ?? name! }); // a CTE's or derived table's column: not traced
      else outputs.push({ name: alias ?? name!, column: name!, ...(access === undefined ? {} : { access }) });
      continue;
    }
    if (alias) outputs.push({ name: alias });
  }
  return outputs;
}

function writeBlock(
  statement: AstNode,
  collection: BlockCollection,
  ctes: CteColumns,
  recurse: (ast: AstNode) => void,
): void {
  const { scope, joins } = buildScope(statement.from, ctes, recurse);
  for (const target of statement.table ?? []) {
    const access = tableAccess(target, 'write');
    if (!access) continue;
    const existing =
      scope.names.get(access.table.name.toLowerCase()) ??
      (access.table.schema ? scope.names.get(`${access.table.schema}.${access.table.name}`.toLowerCase()) : undefined);
    if (existing !== undefined && existing >= 0) scope.accesses[existing]!.mode = 'write';
    else if (!ctes.has(access.table.name.toLowerCase())) {
      scope.names.set((access.alias ?? access.table.name).toLowerCase(), scope.accesses.length);
      scope.accesses.push(access);
    }
  }
  for (const set of statement.set ?? []) visitSubqueries(set?.value, recurse);
  finishBlock(statement, scope, joins, resolverOf(scope), collection, recurse);
}

function finishBlock(
  statement: AstNode,
  scope: Scope,
  joins: Join[],
  resolve: ResolveQualifier,
  collection: BlockCollection,
  recurse: (ast: AstNode) => void,
  outputs?: SqlOutputColumn[],
): void {
  const where = toPredicate(statement.where, resolverOf(scope, false, true), recurse);
  // A table is joined on its ON columns when it is the JOIN's inner side, or when the other
  // side of the equality is a table variable, TVP or temp table (a short list driving seeks):
  // `FROM T t JOIN @Ids i ON i.Id = t.Id` seeks T by Id just as `FROM @Ids i JOIN T t` does; so
  // does a derived table or rowset function over such a list (`JOIN OPENJSON(@ids) j ON j.value = t.Id`).
  const resolveJoin = resolverOf(scope, true, true);
  const joinColumns = new Map<number, string[]>();
  const add = (index: number, column: string) => joinColumns.set(index, [...(joinColumns.get(index) ?? []), column]);
  const joined: SqlJoin[] = [];
  for (const join of joins) {
    const on = toPredicate(join.on, resolveJoin, recurse);
    joined.push({ accesses: join.index >= 0 ? [join.index] : [], type: join.type, ...(on ? { on } : {}) });
    const leaves = andedLeaves(on).filter((l) => l.access !== undefined && l.op !== 'other' && !l.nonSargable);
    for (const leaf of leaves) {
      const index = leaf.access!;
      if (index === join.index) add(index, leaf.column);
      const peer = leaf.peer;
      const transient =
        peer === 'transient' ||
        (typeof peer === 'object' && peer.access !== undefined && isTransientTable(scope.accesses[peer.access]!.table));
      if (transient && index !== join.index) add(index, leaf.column);
    }
  }
  for (const [index, columns] of joinColumns) scope.accesses[index]!.joinColumns = unique(columns);
  for (const item of statement.groupby?.columns ?? (Array.isArray(statement.groupby) ? statement.groupby : []))
    addColumn(item, scope, resolve, 'groupBy');
  for (const item of statement.orderby ?? []) addColumn(item?.expr, scope, resolve, 'orderBy');
  const order = sortColumns(statement.orderby, resolve);
  visitSubqueries(statement.having, recurse);
  const block: SqlBlock = { accesses: scope.accesses };
  if (where) block.where = where;
  if (outputs) block.outputs = outputs;
  if (joined.length > 0) block.joins = joined;
  if (isLimited(statement)) block.limited = true;
  if (order.length > 0) block.orderBy = order;
  collection.blocks.push(block);
}

/** The ORDER BY's leading plain columns, up to the first expression (which no index order gives). */
function sortColumns(orderby: AstNode, resolve: ResolveQualifier): NonNullable<SqlBlock['orderBy']> {
  const columns: NonNullable<SqlBlock['orderBy']> = [];
  for (const item of Array.isArray(orderby) ? orderby : []) {
    const expr = item?.expr;
    if (!isColumn(expr)) break;
    const column = columnName(expr)!;
    const access = resolve(expr.table ? String(expr.table) : undefined, column);
    columns.push(access === null ? { access: -1, column } : access === undefined ? { column } : { access, column });
  }
  return columns;
}

function addColumn(expr: AstNode, scope: Scope, resolve: ResolveQualifier, key: 'orderBy' | 'groupBy'): void {
  if (!isColumn(expr)) return;
  const name = columnName(expr)!;
  const index = resolve(expr.table ? String(expr.table) : undefined, name);
  if (index === undefined || index === null) return;
  const list = scope.accesses[index]![key];
  if (!list.includes(name)) list.push(name);
}

/** Leaves reachable through AND only (what every row must satisfy). */
export function andedLeaves(node: SqlPredicateNode | undefined): SqlPredicateLeaf[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [node];
  if (node.kind === 'or') return [];
  return node.items.flatMap(andedLeaves);
}

function tableAccess(entry: AstNode, mode: 'read' | 'write'): SqlTableAccess | undefined {
  if (!entry || typeof entry.table !== 'string') return undefined;
  const parts = [entry.db, entry.schema, entry.table].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const table: SqlTableName | undefined = tableNameOf(parts);
  if (!table) return undefined;
  const access: SqlTableAccess = { table, mode, orderBy: [], groupBy: [] };
  if (entry.as) access.alias = String(entry.as);
  return access;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
