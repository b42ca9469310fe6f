/**
 * node-sql-parser statement ASTs → blocks: each SELECT/UPDATE/DELETE/INSERT
 * scope with its table accesses (aliases resolved, CTEs and derived tables
 * left out) and its WHERE tree. Subqueries become blocks of their own.
 */
import type { SqlBlock, SqlPredicateLeaf, SqlPredicateNode, SqlTableAccess, SqlTableName } from '../core/facts/sql.js';
import {
  columnName,
  isColumn,
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

export function collectBlocks(
  statement: AstNode,
  collection: BlockCollection = { blocks: [], selectStar: false },
  outerCtes: ReadonlySet<string> = new Set(),
): BlockCollection {
  if (!statement || typeof statement !== 'object') return collection;
  const ctes = new Set(outerCtes);
  for (const cte of statement.with ?? []) {
    const name = cte?.name?.value ?? cte?.name;
    if (typeof name === 'string') ctes.add(name.toLowerCase());
  }
  for (const cte of statement.with ?? []) collectBlocks(cte?.stmt?.ast ?? cte?.stmt, collection, ctes);
  const recurse = (ast: AstNode) => collectBlocks(ast, collection, ctes);
  switch (statement.type) {
    case 'select':
      selectBlock(statement, collection, ctes, recurse);
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
  if (statement._next) collectBlocks(statement._next, collection, ctes);
  return collection;
}

interface Scope {
  accesses: SqlTableAccess[];
  /** Lower-cased alias / name / schema.name → access index, or -1 for derived tables and CTEs. */
  names: Map<string, number>;
}

function buildScope(
  from: AstNode[] | null | undefined,
  ctes: ReadonlySet<string>,
  recurse: (ast: AstNode) => void,
): { scope: Scope; joins: { index: number; on: AstNode }[] } {
  const scope: Scope = { accesses: [], names: new Map() };
  const joins: { index: number; on: AstNode }[] = [];
  for (const entry of from ?? []) {
    if (entry?.expr?.ast || entry?.expr?.type === 'select') {
      recurse(entry.expr.ast ?? entry.expr);
      if (entry.as) scope.names.set(String(entry.as).toLowerCase(), -1);
      continue;
    }
    const access = tableAccess(entry, 'read');
    if (!access) {
      visitSubqueries(entry, recurse);
      continue;
    }
    if (!access.table.schema && ctes.has(access.table.name.toLowerCase())) {
      scope.names.set((access.alias ?? access.table.name).toLowerCase(), -1);
      continue;
    }
    const index = scope.accesses.length;
    scope.accesses.push(access);
    if (access.alias) scope.names.set(access.alias.toLowerCase(), index);
    else scope.names.set(access.table.name.toLowerCase(), index);
    if (access.table.schema) scope.names.set(`${access.table.schema}.${access.table.name}`.toLowerCase(), index);
    if (entry.join && entry.on) joins.push({ index, on: entry.on });
  }
  return { scope, joins };
}

function resolverOf(scope: Scope): ResolveQualifier {
  return (qualifier) => {
    if (qualifier === undefined) return scope.accesses.length === 1 ? 0 : undefined;
    const index = scope.names.get(qualifier.toLowerCase());
    if (index === undefined || index < 0) return null;
    return index;
  };
}

function selectBlock(
  statement: AstNode,
  collection: BlockCollection,
  ctes: ReadonlySet<string>,
  recurse: (ast: AstNode) => void,
): void {
  const { scope, joins } = buildScope(statement.from, ctes, recurse);
  const resolve = resolverOf(scope);
  for (const column of Array.isArray(statement.columns) ? statement.columns : []) {
    if (columnName(column?.expr) === '*') collection.selectStar = true;
    visitSubqueries(column?.expr, recurse);
  }
  if (statement.columns === '*') collection.selectStar = true;
  finishBlock(statement, scope, joins, resolve, collection, recurse);
}

function writeBlock(
  statement: AstNode,
  collection: BlockCollection,
  ctes: ReadonlySet<string>,
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
  joins: { index: number; on: AstNode }[],
  resolve: ResolveQualifier,
  collection: BlockCollection,
  recurse: (ast: AstNode) => void,
): void {
  const where = toPredicate(statement.where, resolve, recurse);
  // A table is joined on its ON columns when it is the JOIN's inner side, or when the other
  // side of the equality is a table variable, TVP or temp table (a short list driving seeks):
  // `FROM T t JOIN @Ids i ON i.Id = t.Id` seeks T by Id just as `FROM @Ids i JOIN T t` does.
  const joinColumns = new Map<number, string[]>();
  const add = (index: number, column: string) => joinColumns.set(index, [...(joinColumns.get(index) ?? []), column]);
  for (const join of joins) {
    const on = toPredicate(join.on, resolve, recurse);
    const leaves = andedLeaves(on).filter((l) => l.access !== undefined && l.op !== 'other' && !l.nonSargable);
    for (const leaf of leaves) {
      if (leaf.access === join.index) add(join.index, leaf.column);
      // Both sides of one `a.x = b.y` carry the same text.
      const other = leaves.find((l) => l !== leaf && l.text === leaf.text && l.access !== leaf.access);
      if (other && leaf.access !== join.index && isTransientTable(scope.accesses[other.access!]!.table))
        add(leaf.access!, leaf.column);
    }
  }
  for (const [index, columns] of joinColumns) scope.accesses[index]!.joinColumns = unique(columns);
  for (const item of statement.groupby?.columns ?? (Array.isArray(statement.groupby) ? statement.groupby : []))
    addColumn(item, scope, resolve, 'groupBy');
  for (const item of statement.orderby ?? []) addColumn(item?.expr, scope, resolve, 'orderBy');
  visitSubqueries(statement.having, recurse);
  const block: SqlBlock = { accesses: scope.accesses };
  if (where) block.where = where;
  collection.blocks.push(block);
}

function addColumn(expr: AstNode, scope: Scope, resolve: ResolveQualifier, key: 'orderBy' | 'groupBy'): void {
  if (!isColumn(expr)) return;
  const index = resolve(expr.table ? String(expr.table) : undefined);
  if (index === undefined || index === null) return;
  const list = scope.accesses[index]![key];
  const name = columnName(expr)!;
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
