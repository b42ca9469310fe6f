/**
 * node-sql-parser expressions → predicate trees: AND/OR nodes over leaves that
 * name one column, how it is compared (equality, range, …) and whether the
 * comparison can use an index at all (no function around the column, no
 * leading wildcard).
 */
import type { NonSargableReason, SqlOperator, SqlPredicateLeaf, SqlPredicateNode } from '../core/facts/sql.js';
import { hasOwnEntry, ownEntry } from '../core/ownEntry.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's AST is untyped JSON
export type AstNode = any;

/**
 * Resolves a column (its qualifier, and its name for unqualified ones) to an access
 * index; `null` means "not a table of this scope" (an outer, CTE or derived column);
 * negative markers say a transient list or a derived table apart where asked.
 */
export type ResolveQualifier = (qualifier: string | undefined, column: string | undefined) => number | undefined | null;

const COMPARISONS: Record<string, SqlOperator> = {
  '=': 'eq',
  '==': 'eq',
  IN: 'in',
  IS: 'null',
  '<': 'range',
  '>': 'range',
  '<=': 'range',
  '>=': 'range',
  '!<': 'range',
  '!>': 'range',
  BETWEEN: 'range',
  LIKE: 'range',
  ILIKE: 'range',
  '<>': 'other',
  '!=': 'other',
  'NOT IN': 'other',
  'NOT LIKE': 'other',
  'NOT BETWEEN': 'other',
  'IS NOT': 'not-null',
  'NOT ILIKE': 'other',
};

export function columnName(ref: AstNode): string | undefined {
  if (ref?.type !== 'column_ref') return undefined;
  const column = ref.column;
  if (typeof column === 'string') return column;
  if (column && typeof column === 'object' && column.expr && typeof column.expr.value === 'string')
    return column.expr.value;
  return undefined;
}

/** `@id`, `$1`, `:name`, `?` as the parser returns them. */
export function isParameter(node: AstNode): boolean {
  if (!node) return false;
  if (node.type === 'param' || node.type === 'var') return true;
  if (node.type === 'origin' && node.value === '?') return true;
  const name = columnName(node);
  return name?.startsWith('@') ?? false;
}

export function isColumn(node: AstNode): boolean {
  const name = columnName(node);
  return name !== undefined && name !== '*' && !name.startsWith('@');
}

/** A branch that holds for every row: an AND of nothing. */
const TRUE: SqlPredicateNode = { kind: 'and', items: [] };

export function isTrue(node: SqlPredicateNode): boolean {
  return node.kind === 'and' && node.items.length === 0;
}

/** Every leaf of the tree, under AND and OR alike. */
export function allLeaves(node: SqlPredicateNode | undefined): SqlPredicateLeaf[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [node];
  return node.items.flatMap(allLeaves);
}

/** Converts a WHERE/ON expression; `negated` marks leaves under NOT as unseekable. */
export function toPredicate(
  expr: AstNode,
  resolve: ResolveQualifier,
  onSubquery: (ast: AstNode) => void,
  negated = false,
): SqlPredicateNode | undefined {
  if (!expr || typeof expr !== 'object') return undefined;
  if (expr.type === 'binary_expr') {
    const op = String(expr.operator).toUpperCase();
    if (op === 'AND' || op === 'OR') {
      const kind = (op === 'AND') !== negated ? 'and' : 'or';
      const branches = [
        toPredicate(expr.left, resolve, onSubquery, negated),
        toPredicate(expr.right, resolve, onSubquery, negated),
      ];
      const items = branches
        .filter((n): n is SqlPredicateNode => n !== undefined)
        .flatMap((n) => (n.kind === kind ? n.items : [n]));
      if (items.length === 0) return kind === 'or' ? { kind, items: [] } : undefined;
      // Under OR a branch on no column (`@p IS NULL`, `EXISTS (…)`) may be true for every row: it stays, as TRUE.
      if (kind === 'or' && branches.some((n) => n === undefined) && !items.some(isTrue)) items.push(TRUE);
      return items.length === 1 && kind === 'and' ? items[0] : { kind, items };
    }
    if (hasOwnEntry(COMPARISONS, op)) return comparison(expr, op, resolve, onSubquery, negated);
    visitSubqueries(expr, onSubquery);
    return undefined;
  }
  if (expr.type === 'unary_expr' && String(expr.operator).toUpperCase() === 'NOT')
    return toPredicate(expr.expr, resolve, onSubquery, !negated);
  if (expr.parentheses !== undefined && expr.type === 'expr_list') return undefined;
  visitSubqueries(expr, onSubquery);
  return undefined;
}

function comparison(
  expr: AstNode,
  op: string,
  resolve: ResolveQualifier,
  onSubquery: (ast: AstNode) => void,
  negated: boolean,
): SqlPredicateNode | undefined {
  visitSubqueries(expr.right, onSubquery);
  visitSubqueries(expr.left, onSubquery);
  let operator = ownEntry(COMPARISONS, op)!;
  if (negated) operator = 'other';
  if (op === 'IS' && expr.right?.type !== 'null') operator = 'other';
  const leftColumn = columnSide(expr.left);
  const rightColumn = columnSide(expr.right);
  const leftAccess = leftColumn ? resolve(leftColumn.qualifier, leftColumn.column) : null;
  const rightAccess = rightColumn ? resolve(rightColumn.qualifier, rightColumn.column) : null;
  const text = `${describe(expr.left)} ${op} ${describe(expr.right)}`;
  if (leftColumn && rightColumn && typeof leftAccess === 'number' && leftAccess === rightAccess) {
    // `Status = COALESCE(@Status, Status)` is the catch-all `(@Status IS NULL OR Status = @Status)`, and the
    // function around the column keeps any index from it; any other comparison of a row with itself
    // (`a.X = a.Y`) can never seek.
    const optional = !leftColumn.wrapped && rightColumn.wrapped && sameName(leftColumn, rightColumn);
    if (!optional) return undefined;
    const leaf: SqlPredicateLeaf = { kind: 'leaf', column: leftColumn.column, op: operator, text, access: leftAccess };
    leaf.valueKind = 'parameter';
    leaf.nonSargable = 'function';
    return { kind: 'or', items: [leaf, TRUE] };
  }
  const leaves: SqlPredicateLeaf[] = [];
  for (const [side, access, other, otherSide, otherAccess] of [
    [leftColumn, leftAccess, expr.right, rightColumn, rightAccess],
    [rightColumn, rightAccess, expr.left, leftColumn, leftAccess],
  ] as const) {
    if (!side) continue;
    if (access === null) continue; // a correlated outer column acts as a value here
    let nonSargable: NonSargableReason | undefined = side.dateCast
      ? 'date-cast'
      : side.wrapped
        ? 'function'
        : undefined;
    if (!nonSargable && side === leftColumn && (op === 'LIKE' || op === 'ILIKE') && isLeadingWildcard(expr.right))
      nonSargable = 'leading-wildcard';
    const leaf: SqlPredicateLeaf = { kind: 'leaf', column: side.column, op: operator, text };
    if (access !== undefined) leaf.access = access;
    const value = literalValueOf(other);
    if (value.kind) leaf.valueKind = value.kind;
    if (value.text !== undefined) leaf.value = value.text;
    if (nonSargable) leaf.nonSargable = nonSargable;
    if (otherSide && otherAccess === TRANSIENT_ACCESS) leaf.peer = 'transient';
    else if (otherSide && otherAccess === DERIVED_ACCESS) leaf.peer = 'derived';
    else if (otherSide && otherAccess !== null && (otherAccess === undefined || otherAccess >= 0))
      leaf.peer =
        otherAccess === undefined ? { column: otherSide.column } : { access: otherAccess, column: otherSide.column };
    if (access !== undefined && access < 0) continue; // the transient side itself: only its partner's leaf is kept
    leaves.push(leaf);
  }
  if (leaves.length === 0) return undefined;
  return leaves.length === 1 ? leaves[0] : { kind: 'and', items: leaves };
}

/** What a join's ON resolves a transient derived table or rowset function to: a short list driving seeks. */
export const TRANSIENT_ACCESS = -2;
/** What a derived table's or CTE's column resolves to, when the resolver says them apart from outer columns. */
export const DERIVED_ACCESS = -3;

function sameName(a: ColumnSide, b: ColumnSide): boolean {
  return a.column.toLowerCase() === b.column.toLowerCase();
}

interface ColumnSide {
  column: string;
  qualifier?: string;
  wrapped: boolean;
  /** `CAST(col AS DATE)` / `CONVERT(DATE, col)` around the bare column. */
  dateCast?: boolean;
}

/** The column on one side of a comparison, possibly inside a function or CAST. */
function columnSide(node: AstNode): ColumnSide | undefined {
  if (!node) return undefined;
  if (isColumn(node))
    return { column: columnName(node)!, ...(node.table ? { qualifier: String(node.table) } : {}), wrapped: false };
  if (node.type === 'function' || node.type === 'cast' || node.type === 'aggr_func' || node.type === 'binary_expr') {
    const inner = firstColumn(withoutDatePart(node));
    if (inner) return { ...inner, wrapped: true, ...(isDateCast(node) ? { dateCast: true } : {}) };
  }
  return undefined;
}

const DATE_PART_FUNCTIONS = new Set([
  'DATEADD',
  'DATEDIFF',
  'DATEDIFF_BIG',
  'DATEPART',
  'DATENAME',
  'DATETRUNC',
  'DATE_BUCKET',
  // Their first argument is a type: `CONVERT(DATE, col)`.
  'CONVERT',
  'TRY_CONVERT',
]);

function isDateCast(node: AstNode): boolean {
  if (node.type === 'cast') return isColumn(node.expr) && String(node.target?.[0]?.dataType).toUpperCase() === 'DATE';
  const name = node.type === 'function' ? node.name?.name?.map((p: AstNode) => p.value).join('.') : undefined;
  const args = node.args?.value;
  return (
    String(name).toUpperCase() === 'CONVERT' &&
    Array.isArray(args) &&
    args.length === 2 &&
    String(columnName(args[0]) ?? '').toUpperCase() === 'DATE' &&
    isColumn(args[1])
  );
}

/** `DATEADD(day, …)`: the date part parses as a column reference but is a keyword. */
function withoutDatePart(node: AstNode): AstNode {
  const name = node.type === 'function' ? node.name?.name?.map((p: AstNode) => p.value).join('.') : undefined;
  if (!name || !DATE_PART_FUNCTIONS.has(String(name).toUpperCase()) || !Array.isArray(node.args?.value)) return node;
  return { ...node, args: { ...node.args, value: node.args.value.slice(1) } };
}

function firstColumn(node: AstNode): Omit<ColumnSide, 'wrapped'> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (node.ast) return undefined;
  if (isColumn(node)) return { column: columnName(node)!, ...(node.table ? { qualifier: String(node.table) } : {}) };
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object') {
      const found = Array.isArray(value) ? value.map(firstColumn).find(Boolean) : firstColumn(value);
      if (found) return found;
    }
  }
  return undefined;
}

/** `'%x'`, and a pattern built to start with one: `'%' + @x + '%'`, `CONCAT('%', @x)`, `'%' || $1`. */
function isLeadingWildcard(node: AstNode): boolean {
  if (node?.type === 'binary_expr' && (node.operator === '+' || node.operator === '||'))
    return isLeadingWildcard(node.left);
  if (node?.type === 'function' && String(node.name?.name?.[0]?.value).toUpperCase() === 'CONCAT')
    return isLeadingWildcard(node.args?.value?.[0]);
  const value = node?.value;
  return typeof value === 'string' && (value.startsWith('%') || value.startsWith('_'));
}

function literalValueOf(node: AstNode): { kind?: SqlPredicateLeaf['valueKind']; text?: string } {
  if (!node) return {};
  if (isParameter(node)) return { kind: 'parameter' };
  if (isColumn(node)) return { kind: 'column' };
  if (node.type === 'number') return { kind: 'number', text: String(node.value) };
  if (node.type === 'single_quote_string' || node.type === 'string' || node.type === 'double_quote_string')
    return { kind: 'string', text: `'${node.value}'` };
  if (node.type === 'var_string' || node.type === 'natural_string') return { kind: 'nstring', text: `'${node.value}'` };
  if (node.type === 'bool') return { kind: 'number', text: node.value ? '1' : '0' };
  if (node.type === 'null') return { kind: 'other', text: 'NULL' };
  return { kind: 'other' };
}

function describe(node: AstNode): string {
  if (!node) return '';
  if (node.type === 'column_ref') return [node.table, columnName(node)].filter(Boolean).join('.');
  if (node.type === 'number') return String(node.value);
  if (node.type === 'single_quote_string') return `'${node.value}'`;
  if (node.type === 'var_string' || node.type === 'natural_string') return `N'${node.value}'`;
  if (node.type === 'null') return 'NULL';
  if (node.type === 'param') return `:${node.value}`;
  if (node.type === 'var') return `${node.prefix ?? '@'}${node.name}`;
  if (node.type === 'origin') return String(node.value);
  if (node.type === 'function') {
    const name = node.name?.name?.map((p: AstNode) => p.value).join('.') ?? 'fn';
    const args = (node.args?.value ?? []).map(describe).join(', ');
    return `${name}(${args})`;
  }
  if (node.type === 'cast') return `CAST(${describe(node.expr)})`;
  if (node.type === 'expr_list') return `(${(Array.isArray(node.value) ? node.value : []).map(describe).join(', ')})`;
  if (node.ast) return '(subquery)';
  return '…';
}

/** Finds nested `SELECT`s (in IN/EXISTS/scalar positions) and hands them over as their own blocks. */
export function visitSubqueries(node: AstNode, onSubquery: (ast: AstNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) visitSubqueries(item, onSubquery);
    return;
  }
  if (node.ast && typeof node.ast === 'object') {
    onSubquery(node.ast);
    return;
  }
  if (node.type === 'select' && node.from !== undefined) {
    onSubquery(node);
    return;
  }
  for (const value of Object.values(node)) if (value && typeof value === 'object') visitSubqueries(value, onSubquery);
}
