import type Parser from 'tree-sitter';
import type { CSharpArgument, CSharpChainLink, CSharpExpression, CSharpGenericType } from '../../core/facts.js';
import { compact } from './expressionText.js';
import { decodeStringLiteral } from './literals.js';
import { spareCursorHere, type WalkContext } from './walkContext.js';

/**
 * Expressions read into `CSharpExpression` shapes from a second cursor (see
 * `spareCursorHere`), for the few calls and attributes the EF schema readers
 * need. Reading does not walk: references, decisions and call sites are the
 * main walk's business, so what is read here is read a second time, but only
 * for the nodes `schemaSyntax.ts` selects. Every function starts with the
 * cursor on a node and leaves it on that same node.
 */

/** Nesting kept before an expression becomes `other`: lambdas in calls in lambdas are a few levels deep. */
const MAX_DEPTH = 32;

const OTHER: CSharpExpression = Object.freeze({ kind: 'other' });

const LITERAL_KINDS = new Set([
  'boolean_literal',
  'integer_literal',
  'real_literal',
  'null_literal',
  'character_literal',
]);
const STRING_KINDS = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal']);
const ARRAY_KINDS = new Set(['implicit_array_creation_expression', 'array_creation_expression']);

interface Reader {
  readonly ctx: WalkContext;
  readonly cursor: Parser.TreeCursor;
}

/** The expression under `cursor`. */
export function readExpressionShape(ctx: WalkContext, cursor: Parser.TreeCursor): CSharpExpression {
  return expression({ ctx, cursor }, 0);
}

/** The arguments of the `argument_list` or `attribute_argument_list` under `cursor`. */
export function readArgumentShapes(ctx: WalkContext, cursor: Parser.TreeCursor): CSharpArgument[] {
  return argumentList({ ctx, cursor }, 0);
}

/** The links of the chain (invocation or member access) under `cursor`, first call first. */
export function readChainLinks(ctx: WalkContext, cursor: Parser.TreeCursor): CSharpChainLink[] {
  return chain({ ctx, cursor }, 0).links;
}

/** `Map` of `x.Map(…)`, `Map(…)` or `x.Map<T>(…)`: the invocation under `cursor`'s method, its arguments unread. */
export function readCalledName(ctx: WalkContext, cursor: Parser.TreeCursor): string | undefined {
  const r = { ctx, cursor };
  let name: string | undefined;
  const memberName = (kind: string): void => {
    if (kind === 'identifier') name = textOf(r);
    else if (kind === 'generic_name')
      eachNamedChild(r, (part) => {
        if (part === 'identifier') name = textOf(r);
      });
  };
  eachNamedChild(r, (kind) => {
    if (fieldOf(r) !== 'function') return;
    if (kind === 'member_access_expression')
      eachNamedChild(r, (part) => (fieldOf(r) === 'name' ? memberName(part) : undefined));
    else memberName(kind);
  });
  return name;
}

function kindOf(r: Reader): string {
  return r.ctx.kinds.current(r.cursor).name;
}

function fieldOf(r: Reader): string {
  return r.ctx.kinds.field(r.cursor);
}

function textOf(r: Reader): string {
  return r.ctx.text.substring(r.cursor.startIndex, r.cursor.endIndex);
}

/** Calls `each` on every child that is a named node and not a comment; the cursor is back on the node after. */
function eachNamedChild(r: Reader, each: (kind: string) => void): void {
  const { cursor } = r;
  if (!cursor.gotoFirstChild()) return;
  do {
    const kind = r.ctx.kinds.current(cursor);
    if (kind.named && kind.name !== 'comment') each(kind.name);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

function expression(r: Reader, depth: number): CSharpExpression {
  if (depth > MAX_DEPTH) return OTHER;
  const kind = kindOf(r);
  if (STRING_KINDS.has(kind)) {
    const text = decodeStringLiteral(kind, textOf(r));
    return text === null ? OTHER : { kind: 'string', text };
  }
  if (LITERAL_KINDS.has(kind)) return { kind: 'literal', text: textOf(r) };
  if (ARRAY_KINDS.has(kind)) return arrayCreation(r, depth);
  switch (kind) {
    case 'identifier':
      return { kind: 'name', text: textOf(r) };
    case 'member_access_expression':
    case 'invocation_expression':
      return chainOrName(r, depth);
    case 'collection_expression':
      return { kind: 'array', items: collectionItems(r, depth) };
    case 'anonymous_object_creation_expression':
      return anonymousObject(r, depth);
    case 'lambda_expression':
      return lambda(r, depth);
    case 'parenthesized_expression': {
      let inner = OTHER;
      eachNamedChild(r, () => (inner = expression(r, depth + 1)));
      return inner;
    }
    default:
      return OTHER;
  }
}

/** `x.Email` is a name, `nameof(X.Email)` a nameof, anything with a call a chain. */
function chainOrName(r: Reader, depth: number): CSharpExpression {
  const nameof = nameofArgument(r);
  if (nameof !== undefined) return { kind: 'nameof', text: nameof };
  const { links, rootIsName } = chain(r, depth);
  if (links.some((link) => link.arguments !== undefined)) return { kind: 'chain', links };
  return rootIsName ? { kind: 'name', text: compact(textOf(r)) } : OTHER;
}

/** The argument of `nameof(…)` as written, when the invocation under the cursor is one. */
function nameofArgument(r: Reader): string | undefined {
  if (kindOf(r) !== 'invocation_expression') return undefined;
  let isNameof = false;
  let argument: string | undefined;
  eachNamedChild(r, (kind) => {
    const field = fieldOf(r);
    if (field === 'function') isNameof = kind === 'identifier' && textOf(r) === 'nameof';
    else if (field === 'arguments' && isNameof) {
      eachNamedChild(r, () => eachNamedChild(r, () => (argument = compact(textOf(r)))));
    }
  });
  return isNameof ? argument : undefined;
}

/**
 * Walks down the spine of `a.B(…).C<T>(…).D`: each invocation's `function`,
 * each member access's `expression`, collecting links last to first, until
 * the receiver (a name, `this`, or any other expression, which is left out).
 */
function chain(r: Reader, depth: number): { links: CSharpChainLink[]; rootIsName: boolean } {
  const { cursor } = r;
  const links: CSharpChainLink[] = [];
  let pendingArguments: CSharpArgument[] | undefined;
  let descended = 0;
  let rootIsName = false;
  for (;;) {
    const kind = kindOf(r);
    if (kind === 'invocation_expression') {
      if (nameofArgument(r) !== undefined) break; // `nameof(x).Length`: a receiver, not a call of ours
      pendingArguments = [];
      eachNamedChild(r, () => {
        if (fieldOf(r) === 'arguments') pendingArguments = argumentList(r, depth + 1);
      });
      if (!gotoField(r, 'function')) break;
      descended++;
      continue;
    }
    if (kind === 'member_access_expression') {
      eachNamedChild(r, () => {
        if (fieldOf(r) === 'name') links.push(link(r, pendingArguments));
      });
      pendingArguments = undefined;
      if (!gotoField(r, 'expression')) break;
      descended++;
      continue;
    }
    if (kind === 'identifier' || kind === 'generic_name') {
      if (pendingArguments !== undefined)
        links.push(link(r, pendingArguments)); // a bare call: `CreateTable(…)`
      else rootIsName = kind === 'identifier';
    }
    break;
  }
  for (; descended > 0; descended--) cursor.gotoParent();
  return { links: links.reverse(), rootIsName };
}

/** Moves to the child in `field`; false (cursor unmoved) when there is none. */
function gotoField(r: Reader, field: string): boolean {
  const { cursor } = r;
  if (!cursor.gotoFirstChild()) return false;
  do {
    if (fieldOf(r) === field) return true;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return false;
}

/** A member name (identifier or generic name) under the cursor, as a link. */
function link(r: Reader, args: CSharpArgument[] | undefined): CSharpChainLink {
  const line = r.cursor.startPosition.row + 1;
  let name = textOf(r);
  let typeArguments: string[] | undefined;
  if (kindOf(r) === 'generic_name') {
    eachNamedChild(r, (kind) => {
      if (kind === 'identifier') name = textOf(r);
      else if (kind === 'type_argument_list') typeArguments = readTypeArgumentList(r);
    });
  }
  const found: CSharpChainLink = { name, line };
  if (typeArguments !== undefined) found.typeArguments = typeArguments;
  if (args !== undefined) found.arguments = args;
  return found;
}

function readTypeArgumentList(r: Reader): string[] {
  const types: string[] = [];
  eachNamedChild(r, () => types.push(compact(textOf(r))));
  return types;
}

/** The type name under the main cursor, named `name` (generic arguments stripped), with its type arguments; undefined when it has none. */
export function genericTypeHere(ctx: WalkContext, name: string): CSharpGenericType | undefined {
  const types = readTypeArguments(ctx, spareCursorHere(ctx));
  return types.length > 0 ? { name, arguments: types } : undefined;
}

/** The type arguments of the generic name under `cursor` (also the last part of a qualified name). */
function readTypeArguments(ctx: WalkContext, cursor: Parser.TreeCursor): string[] {
  const r = { ctx, cursor };
  let types: string[] = [];
  const fromGeneric = (): void =>
    eachNamedChild(r, (kind) => {
      if (kind === 'type_argument_list') types = readTypeArgumentList(r);
    });
  if (kindOf(r) === 'generic_name') fromGeneric();
  else
    eachNamedChild(r, (kind) => {
      if (fieldOf(r) === 'name' && kind === 'generic_name') fromGeneric();
    });
  return types;
}

/** `(a, name: b)` or an attribute's `(a, Name = b)`. */
function argumentList(r: Reader, depth: number): CSharpArgument[] {
  const args: CSharpArgument[] = [];
  eachNamedChild(r, (kind) => {
    if (kind !== 'argument' && kind !== 'attribute_argument') return;
    let name: string | undefined;
    let value = OTHER;
    eachNamedChild(r, () => {
      if (fieldOf(r) === 'name') name = textOf(r);
      else value = expression(r, depth + 1);
    });
    args.push(name === undefined ? { value } : { name, value });
  });
  return args;
}

/** `new[] { … }`, `new string[] { … }`: the initializer's items; none without one. */
function arrayCreation(r: Reader, depth: number): CSharpExpression {
  const items: CSharpExpression[] = [];
  eachNamedChild(r, (kind) => {
    if (kind === 'initializer_expression') eachNamedChild(r, () => items.push(expression(r, depth + 1)));
  });
  return { kind: 'array', items };
}

/** `[a, b]`: elements may come wrapped (`collection_element`, `expression_element`); a spread `..x` is other. */
function collectionItems(r: Reader, depth: number): CSharpExpression[] {
  const items: CSharpExpression[] = [];
  eachNamedChild(r, (kind) => {
    if (kind === 'collection_element' || kind === 'expression_element') items.push(...collectionItems(r, depth));
    else items.push(expression(r, depth + 1));
  });
  return items;
}

/** `new { Id = c.Int(), x.Email }`: members are `identifier = expression` or an expression, between commas. */
function anonymousObject(r: Reader, depth: number): CSharpExpression {
  const { cursor } = r;
  const members: { name?: string; value: CSharpExpression }[] = [];
  let name: string | undefined;
  let value: CSharpExpression | undefined;
  let assigned = false;
  const flush = (): void => {
    if (value !== undefined) members.push(assigned && name !== undefined ? { name, value } : { value });
    name = value = undefined;
    assigned = false;
  };
  if (cursor.gotoFirstChild()) {
    do {
      const kind = r.ctx.kinds.current(cursor);
      if (!kind.named) {
        if (kind.name === '=') assigned = true;
        else if (kind.name === ',') flush();
      } else if (kind.name !== 'comment') {
        if (assigned) value = expression(r, depth + 1);
        else {
          // The name of `Id = …` until a `=` says so; a projected member otherwise.
          if (kind.name === 'identifier') name = textOf(r);
          value = expression(r, depth + 1);
        }
      }
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  flush();
  return { kind: 'object', members };
}

/** `x => body`, `(a, b) => { statements }`. */
function lambda(r: Reader, depth: number): CSharpExpression {
  const parameters: string[] = [];
  let body: CSharpExpression | undefined;
  let statements: CSharpExpression[] | undefined;
  eachNamedChild(r, (kind) => {
    const field = fieldOf(r);
    if (field === 'parameters') {
      if (kind === 'implicit_parameter' || kind === 'identifier') parameters.push(textOf(r));
      else
        eachNamedChild(r, () =>
          eachNamedChild(r, () => {
            if (fieldOf(r) === 'name') parameters.push(textOf(r));
          }),
        );
    } else if (field === 'body') {
      if (kind === 'block') statements = blockStatements(r, depth);
      else body = expression(r, depth + 1);
    }
  });
  const shape: CSharpExpression = { kind: 'lambda', parameters };
  if (body !== undefined) shape.body = body;
  if (statements !== undefined) shape.statements = statements;
  return shape;
}

/** The expressions of a block's expression statements (`t.PrimaryKey(…);`); other statements are left out. */
function blockStatements(r: Reader, depth: number): CSharpExpression[] {
  const statements: CSharpExpression[] = [];
  eachNamedChild(r, (kind) => {
    if (kind === 'expression_statement') eachNamedChild(r, () => statements.push(expression(r, depth + 1)));
  });
  return statements;
}
