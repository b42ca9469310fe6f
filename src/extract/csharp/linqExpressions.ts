import type Parser from 'tree-sitter';
import type { CSharpLinqExpression, CSharpLinqStep } from '../../core/facts.js';
import { compact } from './expressionText.js';
import { decodeStringLiteral } from './literals.js';
import type { WalkContext } from './walkContext.js';

/**
 * LINQ chains and their lambdas read into `CSharpLinqExpression` shapes from
 * the spare cursor, as `expressionShapes.ts` reads schema calls: reading does
 * not walk (references and call sites are the main walk's), and only the
 * chains `linqChains.ts` selects are read. Every function starts with the
 * cursor on a node and leaves it on that same node.
 */

/** Nesting kept before an expression becomes `other`: predicates are a few `&&` and calls deep. */
const MAX_DEPTH = 24;

const OTHER: CSharpLinqExpression = Object.freeze({ kind: 'other' });
const LITERAL_KINDS = new Set([
  'boolean_literal',
  'integer_literal',
  'real_literal',
  'null_literal',
  'character_literal',
]);
const STRING_KINDS = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal']);
const KEPT_OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=', '&&', '||']);

export interface LinqReader {
  readonly ctx: WalkContext;
  readonly cursor: Parser.TreeCursor;
}

export function kindOf(r: LinqReader): string {
  return r.ctx.kinds.current(r.cursor).name;
}

export function fieldOf(r: LinqReader): string {
  return r.ctx.kinds.field(r.cursor);
}

export function textOf(r: LinqReader): string {
  return r.ctx.text.substring(r.cursor.startIndex, r.cursor.endIndex);
}

/** Calls `each` on every child (named and not, comments skipped); the cursor is back on the node after. */
export function eachChild(r: LinqReader, each: (kind: string, named: boolean) => void): void {
  const { cursor } = r;
  if (!cursor.gotoFirstChild()) return;
  do {
    const kind = r.ctx.kinds.current(cursor);
    if (kind.name !== 'comment') each(kind.name, kind.named);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

function eachNamedChild(r: LinqReader, each: (kind: string) => void): void {
  eachChild(r, (kind, named) => (named ? each(kind) : undefined));
}

/** The expression under the cursor. */
export function readLinqExpression(r: LinqReader, depth = 0): CSharpLinqExpression {
  if (depth > MAX_DEPTH) return OTHER;
  const kind = kindOf(r);
  if (STRING_KINDS.has(kind)) {
    const text = decodeStringLiteral(kind, textOf(r));
    return text === null ? OTHER : { kind: 'string', text };
  }
  if (LITERAL_KINDS.has(kind)) return { kind: 'literal', text: textOf(r) };
  switch (kind) {
    case 'identifier':
      return { kind: 'member', path: [textOf(r)] };
    case 'member_access_expression':
      return memberOrCall(r, depth);
    case 'invocation_expression':
      return invocation(r, depth);
    case 'binary_expression':
      return binary(r, depth);
    case 'prefix_unary_expression':
      return prefixUnary(r, depth);
    case 'lambda_expression':
      return lambda(r, depth);
    case 'parenthesized_expression':
    case 'cast_expression':
    case 'checked_expression': {
      // `(int)c.Status`, `(c.Price)`: the inner expression, as the provider translates it.
      let inner = OTHER;
      eachNamedChild(r, () => {
        if (fieldOf(r) !== 'type') inner = readLinqExpression(r, depth + 1);
      });
      return inner;
    }
    default:
      return OTHER;
  }
}

/** `c.Brand.Name` is a member path; `this.x` drops `this`; anything with a call inside is that call's target. */
function memberOrCall(r: LinqReader, depth: number): CSharpLinqExpression {
  let target: CSharpLinqExpression = OTHER;
  let name: string | undefined;
  let isThis = false;
  eachChild(r, (kind, named) => {
    if (!named) {
      if (kind === 'this') isThis = true;
      return;
    }
    if (fieldOf(r) === 'name') name = kind === 'identifier' ? textOf(r) : undefined;
    else target = readLinqExpression(r, depth + 1);
  });
  if (name === undefined) return OTHER;
  if (isThis) return { kind: 'member', path: [name] };
  if (target.kind === 'member') return { kind: 'member', path: [...target.path, name] };
  // `Foo().Bar`, `x[0].Bar`: not a path the query reader can follow.
  return target.kind === 'call' ? { kind: 'call', method: name, target, arguments: [] } : OTHER;
}

function invocation(r: LinqReader, depth: number): CSharpLinqExpression {
  let method: string | undefined;
  let target: CSharpLinqExpression | undefined;
  let args: CSharpLinqExpression[] = [];
  eachNamedChild(r, (kind) => {
    const field = fieldOf(r);
    if (field === 'arguments') args = readLinqArguments(r, depth + 1);
    else if (field !== 'function') return;
    else if (kind === 'identifier') method = textOf(r);
    else if (kind === 'generic_name') method = genericBaseName(r);
    else if (kind === 'member_access_expression')
      eachNamedChild(r, (part) => {
        if (fieldOf(r) === 'name') method = part === 'identifier' ? textOf(r) : genericBaseName(r);
        else target = readLinqExpression(r, depth + 1);
      });
  });
  if (method === undefined) return OTHER;
  return target === undefined
    ? { kind: 'call', method, arguments: args }
    : { kind: 'call', method, target, arguments: args };
}

function genericBaseName(r: LinqReader): string | undefined {
  let name: string | undefined;
  eachNamedChild(r, (kind) => {
    if (kind === 'identifier') name = textOf(r);
  });
  return name;
}

/** The arguments of the `argument_list` under the cursor (named arguments by value). */
export function readLinqArguments(r: LinqReader, depth: number): CSharpLinqExpression[] {
  const args: CSharpLinqExpression[] = [];
  eachNamedChild(r, (kind) => {
    if (kind !== 'argument') return;
    let value = OTHER;
    eachNamedChild(r, () => {
      if (fieldOf(r) !== 'name') value = readLinqExpression(r, depth + 1);
    });
    args.push(value);
  });
  return args;
}

function binary(r: LinqReader, depth: number): CSharpLinqExpression {
  let left = OTHER;
  let right = OTHER;
  let op = '';
  eachChild(r, (kind, named) => {
    const field = fieldOf(r);
    if (field === 'operator') op = kind;
    else if (!named) return;
    else if (field === 'left') left = readLinqExpression(r, depth + 1);
    else if (field === 'right') right = readLinqExpression(r, depth + 1);
  });
  return KEPT_OPERATORS.has(op) ? { kind: 'binary', op, left, right } : OTHER;
}

function prefixUnary(r: LinqReader, depth: number): CSharpLinqExpression {
  let op = '';
  let operand = OTHER;
  eachChild(r, (kind, named) => {
    if (!named) op ||= kind;
    else operand = readLinqExpression(r, depth + 1);
  });
  return op === '!' ? { kind: 'not', operand } : OTHER;
}

function lambda(r: LinqReader, depth: number): CSharpLinqExpression {
  const parameters: string[] = [];
  let body: CSharpLinqExpression | undefined;
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
    } else if (field === 'body' && kind !== 'block') body = readLinqExpression(r, depth + 1);
    else if (field === 'body') body = blockReturn(r, depth);
  });
  return body === undefined ? { kind: 'lambda', parameters } : { kind: 'lambda', parameters, body };
}

/** `c => { return c.Id == id; }`: the expression of a block's only `return`. */
function blockReturn(r: LinqReader, depth: number): CSharpLinqExpression | undefined {
  let statements = 0;
  let returned: CSharpLinqExpression | undefined;
  eachNamedChild(r, (kind) => {
    statements++;
    if (kind === 'return_statement') eachNamedChild(r, () => (returned = readLinqExpression(r, depth + 1)));
  });
  return statements === 1 ? returned : undefined;
}

/**
 * Walks down the spine of `root.A.B(…).C<T>(…)`: each invocation's `function`,
 * each member access's `expression`, collecting steps last to first, until the
 * root (an identifier, `this`, or any other expression, which is left out).
 */
export function readLinqSteps(
  r: LinqReader,
  readQuery?: (r: LinqReader) => { steps: CSharpLinqStep[]; root?: string },
): { steps: CSharpLinqStep[]; root?: string } {
  const { cursor } = r;
  const steps: CSharpLinqStep[] = [];
  let first: CSharpLinqStep[] = [];
  let pending: CSharpLinqExpression[] | undefined;
  let descended = 0;
  let root: string | undefined;
  for (;;) {
    const kind = kindOf(r);
    if (kind === 'invocation_expression') {
      pending = [];
      eachNamedChild(r, () => {
        if (fieldOf(r) === 'arguments') pending = readLinqArguments(r, 1);
      });
      if (!gotoField(r, 'function')) break;
      descended++;
      continue;
    }
    if (kind === 'member_access_expression') {
      let isThis = false;
      eachChild(r, (part, named) => {
        if (!named && part === 'this') isThis = true;
        else if (named && fieldOf(r) === 'name') steps.push(step(r, pending));
      });
      pending = undefined;
      if (isThis) {
        root = 'this';
        break;
      }
      if (!gotoField(r, 'expression')) break;
      descended++;
      continue;
    }
    if (kind === 'parenthesized_expression' || kind === 'await_expression') {
      // `(await q.ToListAsync()).Where(…)`: the chain goes on through what is awaited.
      if (pending !== undefined || !gotoFirstNamed(r)) break;
      descended++;
      continue;
    }
    if (kind === 'query_expression' && readQuery !== undefined && pending === undefined) {
      const query = readQuery(r);
      first = query.steps;
      root = query.root;
    } else if (kind === 'identifier' || kind === 'generic_name') {
      if (pending !== undefined) steps.push(step(r, pending));
      else root = textOf(r);
    } else if (kind === 'this') root = 'this';
    break;
  }
  for (; descended > 0; descended--) cursor.gotoParent();
  const all = [...first, ...steps.reverse()];
  return root === undefined ? { steps: all } : { steps: all, root };
}

function gotoField(r: LinqReader, field: string): boolean {
  const { cursor } = r;
  if (!cursor.gotoFirstChild()) return false;
  do {
    if (fieldOf(r) === field) return true;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return false;
}

function gotoFirstNamed(r: LinqReader): boolean {
  const { cursor } = r;
  if (!cursor.gotoFirstChild()) return false;
  do {
    const kind = r.ctx.kinds.current(cursor);
    if (kind.named && kind.name !== 'comment') return true;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return false;
}

function step(r: LinqReader, args: CSharpLinqExpression[] | undefined): CSharpLinqStep {
  const line = r.cursor.startPosition.row + 1;
  let name = textOf(r);
  let typeArguments: string[] | undefined;
  if (kindOf(r) === 'generic_name') {
    eachNamedChild(r, (kind) => {
      if (kind === 'identifier') name = textOf(r);
      else if (kind === 'type_argument_list') {
        const types: string[] = [];
        eachNamedChild(r, () => types.push(compact(textOf(r))));
        typeArguments = types;
      }
    });
  }
  const found: CSharpLinqStep = { name, line };
  if (typeArguments !== undefined) found.typeArguments = typeArguments;
  if (args !== undefined) found.arguments = args;
  return found;
}
