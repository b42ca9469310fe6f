import type {
  CSharpCollectionDeclaration,
  CSharpLinqChain,
  CSharpLinqExpression,
  CSharpLinqFacts,
  CSharpLinqStep,
  CSharpPropertyType,
} from '../../core/facts.js';
import { eachChild, fieldOf, kindOf, type LinqReader, readLinqExpression, readLinqSteps } from './linqExpressions.js';
import { positionAt, spareCursorHere, withOwner, type WalkContext } from './walkContext.js';

/**
 * LINQ chains for the EF query reader (`src/sql/ef/linqQueries.ts`): a call
 * to one of the operators below records its whole chain, read from the spare
 * cursor once the main walk has walked the call; a query expression records
 * itself the same way. Declarations typed as queryable or in-memory
 * collections are noted so the reader can tell a `DbSet` from a `List`.
 */

/** Operators whose call makes a chain worth recording: filtering, sorting, joining, materialising. */
const LINQ_OPERATORS = new Set([
  'Where',
  'First',
  'FirstOrDefault',
  'Single',
  'SingleOrDefault',
  'Last',
  'LastOrDefault',
  'Any',
  'All',
  'Count',
  'LongCount',
  'OrderBy',
  'OrderByDescending',
  'ThenBy',
  'ThenByDescending',
  'GroupBy',
  'Join',
  'Include',
  'ThenInclude',
  'Find',
  'Skip',
  'Take',
  'ToList',
  'ToArray',
  'AsEnumerable',
  'ToDictionary',
  'ToLookup',
  'Load',
  'FirstAsync',
  'FirstOrDefaultAsync',
  'SingleAsync',
  'SingleOrDefaultAsync',
  'LastAsync',
  'LastOrDefaultAsync',
  'AnyAsync',
  'AllAsync',
  'CountAsync',
  'LongCountAsync',
  'FindAsync',
  'ToListAsync',
  'ToArrayAsync',
  'ToDictionaryAsync',
  'LoadAsync',
  // A query kept in a local to be built on: `var q = db.Orders.AsQueryable(); … q.Where(…)`.
  'AsQueryable',
  'AsNoTracking',
  'ExecuteDelete',
  'ExecuteDeleteAsync',
  'ExecuteUpdate',
  'ExecuteUpdateAsync',
]);

/** Generic collection types by what they hold: a database query or objects in memory. */
const COLLECTION_KINDS: Readonly<Record<string, CSharpCollectionDeclaration['kind']>> = {
  DbSet: 'query',
  IDbSet: 'query',
  IQueryable: 'query',
  IOrderedQueryable: 'query',
  List: 'memory',
  IList: 'memory',
  IReadOnlyList: 'memory',
  ICollection: 'memory',
  IReadOnlyCollection: 'memory',
  IEnumerable: 'memory',
  HashSet: 'memory',
  ISet: 'memory',
  Collection: 'memory',
  ObservableCollection: 'memory',
  ImmutableList: 'memory',
  ImmutableArray: 'memory',
};

/** Longest chain text kept: the query's text in results and its fingerprint. */
const MAX_TEXT = 400;

const MEMBER_BOUNDARIES = new Set([
  'method_declaration',
  'constructor_declaration',
  'property_declaration',
  'accessor_declaration',
  'local_function_statement',
  'field_declaration',
  'class_declaration',
  'compilation_unit',
]);
const LOOPS = new Set(['foreach_statement', 'for_statement', 'while_statement', 'do_statement']);

export interface LinqWalk {
  readonly chains: { start: number; chain: CSharpLinqChain }[];
  /** Start offsets of the chains recorded: a chain through two operators is recorded once. */
  readonly starts: Set<number>;
  readonly collections: CSharpCollectionDeclaration[];
  readonly properties: CSharpPropertyType[];
  /** Declared types by scope (`scopeKey`), for the roots of chains recorded later in the walk. */
  readonly declared: Map<string, string>;
}

function scopeKey(ownerType: string | undefined, member: string | undefined, name: string): string {
  return `${ownerType ?? ''}\u0000${member ?? ''}\u0000${name}`;
}

export function createLinqWalk(): LinqWalk {
  return { chains: [], starts: new Set(), collections: [], properties: [], declared: new Map() };
}

/** Called with the cursor on an invocation just walked, whose method is `method`. */
export function noteLinqCall(ctx: WalkContext, method: string): void {
  if (LINQ_OPERATORS.has(method)) recordChain(ctx);
}

/** `from c in db.Items where … select c`: recorded as a chain, then walked as any expression. */
export function noteQueryExpression(ctx: WalkContext): void {
  recordChain(ctx);
}

/** A field, local or parameter declared with `type`: kept when it is a collection LINQ runs on. */
export function noteCollectionDeclaration(ctx: WalkContext, name: string, type: string, isField: boolean): void {
  // Every declared type is kept for the walk: a chain's root is told by it (`order.Items` is no context's set).
  ctx.linq.declared.set(scopeKey(ctx.owner.type?.fullName, isField ? undefined : ctx.member, name), type);
  const generic = /^(?:[\w.]+\.)?(\w+)<\s*([\w.]+)\s*>\??$/.exec(type.replace(/\s+/g, ''));
  const kind = generic ? COLLECTION_KINDS[generic[1]!] : /^[\w.]+\[\]\??$/.test(type) ? 'memory' : undefined;
  if (kind === undefined) return;
  const element = generic ? generic[2]! : type.slice(0, type.indexOf('['));
  const declaration: CSharpCollectionDeclaration = { name, kind, element };
  const ownerType = ctx.owner.type?.fullName;
  if (ownerType !== undefined) declaration.ownerType = ownerType;
  if (!isField && ctx.member !== undefined) declaration.ownerMember = ctx.member;
  ctx.linq.collections.push(declaration);
}

/**
 * A property declared with a class or generic type (`CatalogBrand CatalogBrand`,
 * `ICollection<OrderItem> Items`, `Address Address`): how the reader follows a
 * navigation or an owned type from an entity. Predefined types are left out.
 */
export function notePropertyType(ctx: WalkContext, name: string, type: string): void {
  const ownerType = ctx.owner.type?.fullName;
  const written = type.replace(/\s+/g, '').replace(/\?$/, '');
  if (ownerType === undefined || !/^[A-Z][\w.]*(<[\w.]+>)?$/.test(written)) return;
  ctx.linq.properties.push({ ownerType, name, type: written });
}

export function finishLinqFacts(ctx: WalkContext): CSharpLinqFacts | undefined {
  const { chains, collections, properties } = ctx.linq;
  if (chains.length === 0 && collections.length === 0 && properties.length === 0) return undefined;
  const facts: CSharpLinqFacts = {
    chains: chains.sort((a, b) => a.start - b.start).map(({ chain }) => chain),
    collections,
  };
  if (properties.length > 0) facts.properties = properties;
  return facts;
}

function recordChain(ctx: WalkContext): void {
  const cursor = spareCursorHere(ctx);
  const r: LinqReader = { ctx, cursor };
  climbToChainTop(r);
  const start = cursor.startIndex;
  if (ctx.linq.starts.has(start)) return;
  ctx.linq.starts.add(start);
  const read = readChain(r);
  if (read.steps.length === 0) return;
  const { line, column } = positionAt(ctx, start);
  const written = ctx.text.substring(start, cursor.endIndex).replace(/\s+/g, ' ');
  const chain: CSharpLinqChain = {
    ...(read.root !== undefined ? { root: read.root } : {}),
    steps: read.steps,
    text: written.length > MAX_TEXT ? `${written.slice(0, MAX_TEXT - 1)}…` : written,
    line,
    column,
  };
  if (read.querySyntax) chain.querySyntax = true;
  const rootType = read.root === undefined || read.root === 'this' ? undefined : declaredTypeOf(ctx, read.root);
  if (rootType !== undefined) chain.rootType = rootType;
  placeChain(r, chain); // moves the cursor up
  ctx.linq.chains.push({ start, chain: withOwner(ctx, chain) });
}

/** The declared type of a local or parameter of the current member, else of a field of the current type. */
export function declaredTypeOf(ctx: WalkContext, name: string): string | undefined {
  const owner = ctx.owner.type?.fullName;
  const written =
    ctx.linq.declared.get(scopeKey(owner, ctx.member, name)) ?? ctx.linq.declared.get(scopeKey(owner, undefined, name));
  return written?.replace(/\s+/g, '');
}

/** Up through calls, member accesses and parentheses to the outermost node of the chain. */
function climbToChainTop(r: LinqReader): void {
  const { cursor } = r;
  for (;;) {
    const field = fieldOf(r);
    const child = cursor.currentDescendantIndex;
    if (!cursor.gotoParent()) return;
    const parent = kindOf(r);
    if (parent === 'parenthesized_expression') continue;
    if (
      (field === 'function' && parent === 'invocation_expression') ||
      (field === 'expression' && parent === 'member_access_expression')
    )
      continue;
    cursor.gotoDescendant(child);
    return;
  }
}

/** The chain under the cursor: its steps, after those of a query expression it starts from (`(from … select c).ToList()`). */
function readChain(r: LinqReader): { root?: string; steps: CSharpLinqStep[]; querySyntax: boolean } {
  if (kindOf(r) === 'query_expression') return { ...readQuerySteps(r), querySyntax: true };
  let querySyntax = false;
  const read = readLinqSteps(r, (inner) => {
    querySyntax = true;
    return readQuerySteps(inner);
  });
  return { ...read, querySyntax };
}

/**
 * `from c in src where p orderby k descending select c` as the method steps it
 * means: the source's own steps, then `Where(c => p)`, `OrderByDescending(c => k)`,
 * `Select(…)`; `join b in s on x equals y` is `Join(s, c => x, b => y)`. The
 * range variables are every lambda's parameters, so a path's first name says
 * which source it reads.
 */
function readQuerySteps(r: LinqReader): { root?: string; steps: CSharpLinqStep[] } {
  const steps: CSharpLinqStep[] = [];
  const variables: string[] = [];
  let root: string | undefined;
  const lambda = (body: CSharpLinqExpression): CSharpLinqExpression => ({
    kind: 'lambda',
    parameters: [...variables],
    body,
  });
  const line = () => r.cursor.startPosition.row + 1;
  eachChild(r, (kind, named) => {
    if (!named) return;
    if (kind === 'from_clause') {
      const { name, parts } = clauseParts(r);
      if (steps.length === 0 && root === undefined && parts[0] !== undefined) {
        const source = parts[0];
        const read = sourceSteps(r, source);
        root = read.root;
        steps.push(...read.steps);
      } else steps.push({ name: 'SelectMany', arguments: parts.map((p) => p.expression), line: line() });
      if (name !== undefined) variables.push(name);
    } else if (kind === 'join_clause') {
      const { name, parts } = clauseParts(r);
      if (name !== undefined) variables.push(name);
      const [source, outerKey, innerKey] = parts.map((p) => p.expression);
      if (source && outerKey && innerKey)
        steps.push({ name: 'Join', arguments: [source, lambda(outerKey), lambda(innerKey)], line: line() });
    } else if (kind === 'where_clause') {
      const { parts } = clauseParts(r);
      if (parts[0]) steps.push({ name: 'Where', arguments: [lambda(parts[0].expression)], line: line() });
    } else if (kind === 'order_by_clause') {
      readOrderings(r).forEach((ordering, index) => {
        const name = `${index === 0 ? 'OrderBy' : 'ThenBy'}${ordering.descending ? 'Descending' : ''}`;
        steps.push({ name, arguments: [lambda(ordering.key)], line: line() });
      });
    } else if (kind === 'group_clause') {
      const { parts } = clauseParts(r);
      const key = parts[1] ?? parts[0];
      if (key) steps.push({ name: 'GroupBy', arguments: [lambda(key.expression)], line: line() });
    } else if (kind === 'select_clause') {
      steps.push({ name: 'Select', arguments: [], line: line() });
    }
  });
  return root === undefined ? { steps } : { root, steps };
}

interface ClausePart {
  expression: CSharpLinqExpression;
}

/** The range variable a clause declares (field `name`, or a bare identifier before `in`) and its expressions. */
function clauseParts(r: LinqReader): { name?: string; parts: (ClausePart & { start: number })[] } {
  let name: string | undefined;
  let seenIn = false;
  const parts: (ClausePart & { start: number })[] = [];
  eachChild(r, (kind, named) => {
    if (!named) {
      if (kind === 'in') seenIn = true;
      return;
    }
    const field = fieldOf(r);
    if (field === 'type') return;
    const declares = field === 'name' || (kind === 'identifier' && !seenIn && name === undefined && hasIn(r));
    if (declares) name = r.ctx.text.substring(r.cursor.startIndex, r.cursor.endIndex);
    else parts.push({ expression: readLinqExpression(r), start: r.cursor.startIndex });
  });
  return name === undefined ? { parts } : { name, parts };
}

/** Whether an `in` token follows the node under the cursor among its siblings (the cursor is restored). */
function hasIn(r: LinqReader): boolean {
  const { cursor } = r;
  const here = cursor.currentDescendantIndex;
  let found = false;
  while (cursor.gotoNextSibling()) {
    if (r.ctx.kinds.current(cursor).name === 'in') {
      found = true;
      break;
    }
  }
  cursor.gotoDescendant(here);
  return found;
}

/** The `from` clause's source (under the cursor's clause) as steps: `_db.Items` → root `_db`, step `Items`. */
function sourceSteps(r: LinqReader, part: ClausePart & { start: number }): { root?: string; steps: CSharpLinqStep[] } {
  let read: { root?: string; steps: CSharpLinqStep[] } = { steps: [] };
  eachChild(r, (_kind, named) => {
    if (named && r.cursor.startIndex === part.start && fieldOf(r) !== 'name') read = readLinqSteps(r);
  });
  return read;
}

function readOrderings(r: LinqReader): { key: CSharpLinqExpression; descending: boolean }[] {
  const orderings: { key: CSharpLinqExpression; descending: boolean }[] = [];
  eachChild(r, (kind, named) => {
    if (named) orderings.push({ key: readLinqExpression(r), descending: false });
    else if (kind === 'descending' && orderings.length > 0) orderings[orderings.length - 1]!.descending = true;
  });
  return orderings;
}

/**
 * Where the chain's value goes (`var x = …`, `x = …`, `foreach (var x in …)`)
 * and whether it runs in a loop of its member. Moves the cursor up.
 */
function placeChain(r: LinqReader, chain: CSharpLinqChain): void {
  const { cursor } = r;
  let field = fieldOf(r);
  let first = true;
  while (cursor.gotoParent()) {
    const kind = kindOf(r);
    if (MEMBER_BOUNDARIES.has(kind)) return;
    if (first && kind !== 'await_expression' && kind !== 'parenthesized_expression') {
      first = false;
      const target = assignedName(r, kind, field);
      if (target !== undefined) chain.assignedTo = target;
      if (target !== undefined && kind === 'foreach_statement') chain.iterated = true;
    }
    if (LOOPS.has(kind) && field === 'body') chain.inLoop = true;
    if (chain.root !== undefined && chain.rootBound === undefined && field === 'body') {
      // `foreach (var invite in invites) invite.Groups.Any()`, `o => o.Items.Any()`: the root is one element.
      if (kind === 'foreach_statement' && loopVariables(r).includes(chain.root)) chain.rootBound = true;
      if (kind === 'lambda_expression' && lambdaParameters(r).includes(chain.root)) chain.rootBound = true;
    }
    field = fieldOf(r);
  }
}

/** `foreach (var x in …)`, `foreach (var (a, b) in …)`: the names the loop declares. */
function loopVariables(r: LinqReader): string[] {
  return namedChild(r, (_kind, f) => f === 'left')?.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? [];
}

function lambdaParameters(r: LinqReader): string[] {
  const names: string[] = [];
  eachChild(r, (kind, named) => {
    if (!named || fieldOf(r) !== 'parameters') return;
    if (kind === 'implicit_parameter' || kind === 'identifier')
      names.push(r.ctx.text.substring(r.cursor.startIndex, r.cursor.endIndex));
    else
      eachChild(r, (_parameter, isNamed) => {
        if (isNamed) {
          const name = namedChild(r, (_k, f) => f === 'name');
          if (name !== undefined) names.push(name);
        }
      });
  });
  return names;
}

/** The name a value in `field` of a `kind` node is stored in, when it is a declarator, an assignment or a loop source. */
function assignedName(r: LinqReader, kind: string, field: string): string | undefined {
  if (kind === 'variable_declarator') return namedChild(r, (child) => child === 'identifier');
  if (kind === 'assignment_expression' && field === 'right') return leftText(r);
  if (kind === 'foreach_statement' && field === 'right') return namedChild(r, (_child, f) => f === 'left');
  return undefined;
}

function namedChild(r: LinqReader, pick: (kind: string, field: string) => boolean): string | undefined {
  let found: string | undefined;
  eachChild(r, (kind, named) => {
    if (named && found === undefined && pick(kind, fieldOf(r)))
      found = r.ctx.text.substring(r.cursor.startIndex, r.cursor.endIndex);
  });
  return found;
}

function leftText(r: LinqReader): string | undefined {
  const text = namedChild(r, (_kind, field) => field === 'left');
  return text?.replace(/\s+/g, '').replace(/^this\./, '');
}
