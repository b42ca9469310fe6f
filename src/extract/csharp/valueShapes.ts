import type Parser from 'tree-sitter';
import type { CSharpValueShape } from '../../core/facts.js';
import { compact } from './expressionText.js';
import { decodeStringLiteral, interpolatedRegularText, interpolatedVerbatimText } from './literals.js';
import type { WalkContext } from './walkContext.js';

/**
 * String-building expressions read into `CSharpValueShape`s from a second
 * cursor, for URL reconstruction only (the arguments of URL-taking calls, the
 * values they name, static string helpers). Reading does not walk: the main
 * walk has visited or will visit these nodes. Every function leaves the cursor
 * on the node it started on.
 */

/** `$"{a}{b(c(d))}"` nests a few levels; deeper is `other`. */
const MAX_DEPTH = 8;
/** Longer names or callees are not URL parts worth keeping. */
const MAX_NAME = 120;

const OTHER: CSharpValueShape = Object.freeze({ kind: 'other' });

interface Reader {
  readonly ctx: WalkContext;
  readonly cursor: Parser.TreeCursor;
}

export function readValueShape(ctx: WalkContext, cursor: Parser.TreeCursor): CSharpValueShape {
  return shape({ ctx, cursor }, 0);
}

/** The values of the `argument_list` under `cursor`, by position (named arguments too). */
export function readArgumentValues(ctx: WalkContext, cursor: Parser.TreeCursor): CSharpValueShape[] {
  return argumentValues({ ctx, cursor }, 0);
}

/** Every name a shape reads, calls' arguments included. */
export function namesIn(value: CSharpValueShape, into: string[] = []): string[] {
  if (value.kind === 'name') into.push(value.text);
  else if (value.kind === 'call') for (const argument of value.arguments) namesIn(argument, into);
  else if (value.kind === 'join') for (const part of value.parts) namesIn(part, into);
  else if (value.kind === 'choice') for (const option of value.options) namesIn(option, into);
  return into;
}

function kindOf(r: Reader): string {
  return r.ctx.kinds.current(r.cursor).name;
}

function textOf(r: Reader): string {
  return r.ctx.text.substring(r.cursor.startIndex, r.cursor.endIndex);
}

function eachChild(r: Reader, each: (kind: string, named: boolean) => void): void {
  const { cursor } = r;
  if (!cursor.gotoFirstChild()) return;
  do {
    const kind = r.ctx.kinds.current(cursor);
    if (kind.name !== 'comment') each(kind.name, kind.named);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

function shape(r: Reader, depth: number): CSharpValueShape {
  if (depth > MAX_DEPTH) return OTHER;
  const kind = kindOf(r);
  switch (kind) {
    case 'string_literal':
    case 'verbatim_string_literal':
    case 'raw_string_literal': {
      const text = decodeStringLiteral(kind, textOf(r));
      return text === null ? OTHER : { kind: 'text', text };
    }
    case 'interpolated_string_expression':
      return interpolated(r, depth);
    case 'binary_expression':
      return concatenation(r, depth);
    case 'identifier':
    case 'member_access_expression':
      return name(textOf(r));
    case 'invocation_expression':
      return invocation(r, depth);
    case 'conditional_expression':
      return choice(r, depth);
    case 'parenthesized_expression': {
      let inner = OTHER;
      eachChild(r, (_, named) => {
        if (named) inner = shape(r, depth + 1);
      });
      return inner;
    }
    default:
      return OTHER;
  }
}

/** `a.B.C` as a name, `this.` dropped; calls, indexers and long chains are `other`. */
function name(written: string): CSharpValueShape {
  const text = compact(written).replace(/^this\./, '');
  if (text.length > MAX_NAME || !/^@?[\p{L}_][\p{L}\p{N}_]*(?:\??\.@?[\p{L}_][\p{L}\p{N}_]*)*$/u.test(text))
    return OTHER;
  return { kind: 'name', text: text.replaceAll('?.', '.') };
}

function interpolated(r: Reader, depth: number): CSharpValueShape {
  const parts: CSharpValueShape[] = [];
  let verbatim = false;
  eachChild(r, (kind) => {
    if (kind === 'interpolation_start') verbatim = textOf(r).includes('@');
    else if (kind === 'string_content' || kind === 'escape_sequence') {
      const written = textOf(r);
      appendText(parts, verbatim ? interpolatedVerbatimText(written) : interpolatedRegularText(written));
    } else if (kind === 'interpolation') {
      let hole = OTHER;
      let seen = false;
      // The first named child is the expression; an alignment or format clause follows it.
      eachChild(r, (part, named) => {
        if (named && !seen && part !== 'interpolation_brace') {
          seen = true;
          hole = shape(r, depth + 1);
        }
      });
      parts.push(hole);
    }
  });
  return join(parts);
}

/** `a + "/x" + b`: the operands in order; any other operator is `other`. */
function concatenation(r: Reader, depth: number): CSharpValueShape {
  const parts: CSharpValueShape[] = [];
  let operator = '';
  eachChild(r, (kind, named) => {
    if (!named) operator = kind;
    else parts.push(shape(r, depth + 1));
  });
  return operator === '+' ? join(parts) : OTHER;
}

/** `c ? a : b`: the two branches; the condition is no part of the value. */
function choice(r: Reader, depth: number): CSharpValueShape {
  const options: CSharpValueShape[] = [];
  eachChild(r, (_, named) => {
    const field = r.ctx.kinds.field(r.cursor);
    if (named && (field === 'consequence' || field === 'alternative')) options.push(shape(r, depth + 1));
  });
  return options.length === 2 ? { kind: 'choice', options } : OTHER;
}

function invocation(r: Reader, depth: number): CSharpValueShape {
  let callee: CSharpValueShape = OTHER;
  let args: CSharpValueShape[] = [];
  eachChild(r, (kind, named) => {
    if (!named) return;
    const field = r.ctx.kinds.field(r.cursor);
    if (field === 'function')
      callee = kind === 'identifier' || kind === 'member_access_expression' ? name(textOf(r)) : OTHER;
    else if (kind === 'argument_list') args = argumentValues(r, depth + 1);
  });
  const called = callee as CSharpValueShape;
  return called.kind === 'name' ? { kind: 'call', callee: called.text, arguments: args } : OTHER;
}

function argumentValues(r: Reader, depth: number): CSharpValueShape[] {
  const values: CSharpValueShape[] = [];
  eachChild(r, (kind) => {
    if (kind !== 'argument') return;
    let value = OTHER;
    eachChild(r, (_, named) => {
      if (named && r.ctx.kinds.field(r.cursor) !== 'name') value = shape(r, depth);
    });
    values.push(value);
  });
  return values;
}

function appendText(parts: CSharpValueShape[], text: string): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
  else parts.push({ kind: 'text', text });
}

/** Nested joins flattened, adjacent texts merged; one part is that part. */
function join(parts: CSharpValueShape[]): CSharpValueShape {
  const flat: CSharpValueShape[] = [];
  for (const part of parts) {
    if (part.kind === 'join') for (const inner of part.parts) pushPart(flat, inner);
    else pushPart(flat, part);
  }
  if (flat.length === 1) return flat[0]!;
  return flat.length === 0 ? { kind: 'text', text: '' } : { kind: 'join', parts: flat };
}

function pushPart(parts: CSharpValueShape[], part: CSharpValueShape): void {
  if (part.kind === 'text') appendText(parts, part.text);
  else parts.push(part);
}
