/**
 * LINQ lambdas → SQL predicate trees over the query's table accesses, as EF
 * translates them: member comparisons (`==` eq, `<`/`>=` range, `!=` other,
 * `== null` null), `ids.Contains(c.Id)` IN, `c.Name.StartsWith("a")` a
 * sargable LIKE 'a%', `Contains`/`EndsWith` on a string a LIKE with a leading
 * wildcard, a call or a date/string member on the column a function around it,
 * a bare boolean member `= 1`. Navigation paths join the navigation's table
 * along its foreign key (`o.Buyer.Email`, `o.Items.Any(i => …)`). A side that
 * names no column (a captured variable: `brandId == null || …`) is a value the
 * provider knows when the query runs: it is left out.
 */
import type { CSharpLinqExpression } from '../../core/facts.js';
import type {
  NonSargableReason,
  SqlOperator,
  SqlPredicateLeaf,
  SqlPredicateNode,
  SqlTableAccess,
} from '../../core/facts/sql.js';
import type { EntityMap, EntityMapping } from './entityMap.js';
import { renderLinq } from './linqText.js';

/** The accesses of one query being read, and what could not be mapped. */
export interface QueryBuild {
  readonly map: EntityMap;
  readonly accesses: SqlTableAccess[];
  /** The entity of each access, in the same order. */
  readonly entities: EntityMapping[];
  /** Why parts of the query could not be mapped: `unknown-member`, `untranslated`. */
  readonly unmapped: Set<string>;
}

/** Lambda parameters (and query range variables) → the access they range over. */
export type Parameters = ReadonlyMap<string, number>;

interface ColumnRef {
  access: number;
  column: string;
  nonSargable?: NonSargableReason;
  /** `x.HasValue`: a not-null test of the column. */
  hasValue?: true;
}

/** Members of a column's value that EF translates to a function of the column. */
const FUNCTION_MEMBERS = new Set([
  'Year',
  'Month',
  'Day',
  'Hour',
  'Minute',
  'Second',
  'Date',
  'DayOfWeek',
  'DayOfYear',
  'TimeOfDay',
  'Length',
]);
const COMPARISON: Readonly<Record<string, SqlOperator>> = {
  '==': 'eq',
  '!=': 'other',
  '<': 'range',
  '<=': 'range',
  '>': 'range',
  '>=': 'range',
};

/** The lambda's body as a predicate over `parameters`; undefined when it compares no column. */
export function lambdaPredicate(
  lambda: CSharpLinqExpression | undefined,
  build: QueryBuild,
  ranges: Parameters,
): SqlPredicateNode | undefined {
  if (lambda?.kind !== 'lambda' || lambda.body === undefined) return undefined;
  return predicate(lambda.body, build, parametersOf(lambda, ranges));
}

/** Each parameter ranges over the access a query-syntax range variable names, else the query's own table (access 0). */
export function parametersOf(lambda: CSharpLinqExpression, ranges: Parameters): Parameters {
  return lambda.kind === 'lambda' ? new Map(lambda.parameters.map((p) => [p, ranges.get(p) ?? 0])) : new Map();
}

export function predicate(
  expression: CSharpLinqExpression,
  build: QueryBuild,
  parameters: Parameters,
): SqlPredicateNode | undefined {
  switch (expression.kind) {
    case 'binary':
      return expression.op === '&&' || expression.op === '||'
        ? logical(expression.op === '&&' ? 'and' : 'or', [expression.left, expression.right], build, parameters)
        : comparison(expression, build, parameters);
    case 'not': {
      const inner = predicate(expression.operand, build, parameters);
      return inner === undefined ? undefined : negate(inner);
    }
    case 'member': {
      // `c.IsActive`: a boolean column compared with true.
      const column = columnOf(expression, build, parameters);
      if (!column) return undefined;
      if (column.hasValue) return leaf(column, 'not-null', expression);
      return leaf(column, 'eq', expression, '1');
    }
    case 'call':
      return callPredicate(expression, build, parameters);
    default:
      return undefined;
  }
}

function logical(
  kind: 'and' | 'or',
  operands: CSharpLinqExpression[],
  build: QueryBuild,
  parameters: Parameters,
): SqlPredicateNode | undefined {
  const items: SqlPredicateNode[] = [];
  for (const operand of operands) {
    const item = predicate(operand, build, parameters);
    if (item === undefined) continue;
    if (item.kind === kind) items.push(...item.items);
    else items.push(item);
  }
  if (items.length <= 1) return items[0];
  return { kind, items };
}

function comparison(
  expression: Extract<CSharpLinqExpression, { kind: 'binary' }>,
  build: QueryBuild,
  parameters: Parameters,
): SqlPredicateNode | undefined {
  const op = COMPARISON[expression.op];
  if (op === undefined) return undefined;
  const left = columnOf(expression.left, build, parameters);
  const right = columnOf(expression.right, build, parameters);
  if (left && right) return undefined; // two columns: a join condition, judged as the join
  const column = left ?? right;
  if (!column) return undefined;
  const value = left ? expression.right : expression.left;
  if (column.hasValue) return leaf(column, 'not-null', expression);
  if (value.kind === 'literal' && value.text === 'null') {
    if (expression.op === '==') return leaf(column, 'null', expression);
    if (expression.op === '!=') return leaf(column, 'not-null', expression);
  }
  return leaf(column, op, expression, literalValue(value));
}

function callPredicate(
  call: Extract<CSharpLinqExpression, { kind: 'call' }>,
  build: QueryBuild,
  parameters: Parameters,
): SqlPredicateNode | undefined {
  const { method, target } = call;
  const [first, second] = call.arguments;
  if (target === undefined) return undefined;
  const onColumn = columnOf(target, build, parameters);
  if (onColumn) {
    // `c.Name.StartsWith("a")`, `c.Name.Contains(term)`: a LIKE on the column.
    if (method === 'StartsWith') return leaf(onColumn, 'range', call, likeValue(first, '', '%'));
    if (method === 'Contains' || method === 'EndsWith')
      return leaf(
        { ...onColumn, nonSargable: 'leading-wildcard' },
        'range',
        call,
        likeValue(first, '%', method === 'Contains' ? '%' : ''),
      );
    if (method === 'Equals') return leaf(onColumn, 'eq', call, literalValue(first));
    return undefined;
  }
  if (method === 'Contains' && first !== undefined) {
    // `ids.Contains(c.Id)`: IN over the values of a captured collection.
    const column = columnOf(first, build, parameters);
    return column ? leaf(column, 'in', call) : undefined;
  }
  if (method === 'Like' && target.kind === 'member' && target.path.join('.') === 'EF.Functions' && first) {
    const column = columnOf(first, build, parameters);
    if (!column) return undefined;
    const pattern = second?.kind === 'string' ? second.text : undefined;
    const leading = pattern !== undefined && /^[%_]/.test(pattern);
    return leaf(
      leading ? { ...column, nonSargable: 'leading-wildcard' } : column,
      'range',
      call,
      pattern && `'${pattern}'`,
    );
  }
  if (
    method === 'IsNullOrEmpty' &&
    target.kind === 'member' &&
    /^(string|String)$/.test(target.path.join('.')) &&
    first
  ) {
    const column = columnOf(first, build, parameters);
    return column ? { kind: 'or', items: [leaf(column, 'null', call), leaf(column, 'eq', call, "''")] } : undefined;
  }
  return collectionPredicate(call, build, parameters);
}

/** `o.Items.Any(i => i.Quantity > 1)`: the child table joined along its foreign key, the inner lambda on it. */
function collectionPredicate(
  call: Extract<CSharpLinqExpression, { kind: 'call' }>,
  build: QueryBuild,
  parameters: Parameters,
): SqlPredicateNode | undefined {
  if (!/^(Any|All|Count|LongCount)$/.test(call.method) || call.target?.kind !== 'member') return undefined;
  const [owner, ...rest] = call.target.path;
  const from = owner === undefined ? undefined : parameters.get(owner);
  if (from === undefined || rest.length !== 1) return undefined;
  const navigation = build.map.navigation(build.entities[from]!, rest[0]!);
  if (navigation?.kind !== 'collection') {
    build.unmapped.add('unknown-member');
    return undefined;
  }
  const child = join(build, from, rest[0]!, navigation.target, navigation.foreignKey);
  const inner = call.arguments[0];
  if (call.method === 'All' || inner?.kind !== 'lambda' || inner.body === undefined) return undefined;
  const scoped = new Map(parameters);
  for (const parameter of inner.parameters) scoped.set(parameter, child);
  return predicate(inner.body, build, scoped);
}

/**
 * A member path rooted at a lambda parameter, as a column: navigations on the
 * way join their tables, an owned type's member is `Owner_Member`, a date or
 * string member (`c.Created.Year`) is a function of the column, `.Value` of a
 * nullable is the column itself. Undefined for anything not rooted at a parameter.
 */
export function columnOf(
  expression: CSharpLinqExpression,
  build: QueryBuild,
  parameters: Parameters,
): ColumnRef | undefined {
  if (expression.kind === 'call' && expression.target !== undefined) {
    // `c.Name.ToLower()`, `c.Name.Trim()`: the provider wraps the column in a function.
    const inner = columnOf(expression.target, build, parameters);
    return inner ? { ...inner, nonSargable: 'function' } : undefined;
  }
  if (expression.kind !== 'member') return undefined;
  const [root, ...path] = expression.path;
  let access = root === undefined ? undefined : parameters.get(root);
  if (access === undefined || path.length === 0) return undefined;
  let entity = build.entities[access]!;
  for (let i = 0; i < path.length; i++) {
    const name = path[i]!;
    const rest = path.slice(i + 1);
    // A navigation (`o.Lines` in `o.Lines.Any(…)`) is a table, not a column.
    if (rest.length === 0)
      return build.map.navigation(entity, name) ? undefined : mappedColumn(build, entity, access, name);
    const navigation = build.map.navigation(entity, name);
    if (navigation?.kind === 'reference') {
      access = join(build, access, name, navigation.target, navigation.target.key[0] ?? 'Id');
      entity = navigation.target;
      continue;
    }
    if (build.map.isOwnedType(entity, name) && rest.length === 1) {
      return { access, column: `${name}_${rest[0]}` };
    }
    const column = mappedColumn(build, entity, access, name);
    if (!column) return undefined;
    if (rest.length === 1 && rest[0] === 'Value') return column;
    if (rest.length === 1 && rest[0] === 'HasValue') return { ...column, hasValue: true };
    if (rest.length === 1 && FUNCTION_MEMBERS.has(rest[0]!)) return { ...column, nonSargable: 'function' };
    build.unmapped.add('unknown-member');
    return undefined;
  }
  return undefined;
}

function mappedColumn(
  build: QueryBuild,
  entity: EntityMapping,
  access: number,
  property: string,
): ColumnRef | undefined {
  if (!build.map.hasProperty(entity, property)) {
    build.unmapped.add('unknown-member');
    return undefined;
  }
  return { access, column: build.map.column(entity, property) };
}

/**
 * The access joined from access `from` through navigation `name` (one per
 * navigation, reused by later paths): the inner side of a join on `column`.
 */
export function join(build: QueryBuild, from: number, name: string, target: EntityMapping, column: string): number {
  const alias = `${build.accesses[from]!.alias ?? String(from)}.${name}`;
  const existing = build.accesses.findIndex((a) => a.alias === alias);
  if (existing >= 0) return existing;
  build.accesses.push({ table: target.table, alias, mode: 'read', joinColumns: [column], orderBy: [], groupBy: [] });
  build.entities.push(target);
  return build.accesses.length - 1;
}

function leaf(column: ColumnRef, op: SqlOperator, expression: CSharpLinqExpression, value?: string): SqlPredicateLeaf {
  const found: SqlPredicateLeaf = {
    kind: 'leaf',
    access: column.access,
    column: column.column,
    op,
    valueKind: 'parameter',
    text: renderLinq(expression),
  };
  if (value !== undefined) found.value = value;
  if (column.nonSargable) found.nonSargable = column.nonSargable;
  return found;
}

/** NOT over a predicate: De Morgan for AND/OR, null ↔ not-null, anything else no index seeks on. */
function negate(node: SqlPredicateNode): SqlPredicateNode {
  if (node.kind !== 'leaf') return { kind: node.kind === 'and' ? 'or' : 'and', items: node.items.map(negate) };
  const op: SqlOperator =
    node.op === 'null'
      ? 'not-null'
      : node.op === 'not-null'
        ? 'null'
        : node.op === 'eq' && node.value === '1'
          ? 'eq'
          : 'other';
  const negated: SqlPredicateLeaf = { ...node, op, text: `!${node.text}` };
  if (node.op === 'eq' && node.value === '1') negated.value = '0';
  else if (op === 'other') delete negated.value;
  return negated;
}

/** A literal as SQL text (for filtered-index matching); undefined for a captured value. */
function literalValue(expression: CSharpLinqExpression | undefined): string | undefined {
  if (expression?.kind === 'string') return `'${expression.text.replace(/'/g, "''")}'`;
  if (expression?.kind !== 'literal') return undefined;
  if (expression.text === 'true') return '1';
  if (expression.text === 'false') return '0';
  return /^-?\d+(\.\d+)?[mMdDfFlLuU]*$/.test(expression.text)
    ? expression.text.replace(/[mMdDfFlLuU]+$/, '')
    : undefined;
}

function likeValue(expression: CSharpLinqExpression | undefined, before: string, after: string): string | undefined {
  return expression?.kind === 'string' ? `'${before}${expression.text.replace(/'/g, "''")}${after}'` : undefined;
}
