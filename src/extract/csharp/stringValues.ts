import type { CSharpStringValue } from '../../core/facts.js';
import { readConcatenation } from './concatenation.js';
import { decodeStringLiteral, interpolatedRegularText, interpolatedVerbatimText, rawBody } from './literals.js';
import { forEachChild, readNested, visit, visitAs } from './traversal.js';
import { nodeText, startPosition, type WalkContext } from './walkContext.js';

/** What a hole (interpolation, non-literal operand) is written as in a string value. */
export const HOLE = '{…}';

/** Node kinds that may evaluate to a string value worth reading. */
const STRING_VALUE_KINDS = new Set([
  'string_literal',
  'verbatim_string_literal',
  'raw_string_literal',
  'interpolated_string_expression',
  'binary_expression',
  'parenthesized_expression',
]);

export function mayBeStringValue(kind: string): boolean {
  return STRING_VALUE_KINDS.has(kind);
}

/**
 * Reads the string the expression under the cursor builds — a literal, an
 * interpolated string, a `+` concatenation with at least one string operand,
 * any of them parenthesised — or null for anything else. Either way the
 * expression is walked exactly once, as `visit` would, so references and
 * decision points inside holes and operands are still found.
 */
export function readStringValue(ctx: WalkContext): CSharpStringValue | null {
  const kind = ctx.kinds.current(ctx.cursor).name;
  switch (kind) {
    case 'string_literal':
    case 'verbatim_string_literal':
    case 'raw_string_literal':
      return literalValue(ctx, kind);
    case 'interpolated_string_expression':
      return readNested(ctx, readInterpolated, null);
    case 'binary_expression':
      return readNested(ctx, readConcatenation, null);
    case 'parenthesized_expression':
      return readNested(ctx, readParenthesized, null);
    default:
      visit(ctx);
      return null;
  }
}

const LITERAL_FORMS: Readonly<Record<string, CSharpStringValue['form']>> = {
  string_literal: 'regular',
  verbatim_string_literal: 'verbatim',
  raw_string_literal: 'raw',
};

function literalValue(ctx: WalkContext, kind: string): CSharpStringValue | null {
  const text = decodeStringLiteral(kind, nodeText(ctx));
  const form = LITERAL_FORMS[kind];
  if (text === null || form === undefined) return null;
  const { line, column } = startPosition(ctx);
  return { text, form, dynamic: false, line, column };
}

/** `("a" + b)`: the inner expression's value; comments around it are visited. */
function readParenthesized(ctx: WalkContext): CSharpStringValue | null {
  let value: CSharpStringValue | null = null;
  let seen = false;
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment' || seen) return visitAs(ctx, kind);
    seen = true;
    value = readStringValue(ctx);
  });
  return value;
}

type Flavor = 'regular' | 'verbatim' | 'raw';

/**
 * `$"…{x}…"`, `$@"…"`, `@$"…"`, `$"""…"""`, `$$"""…{{x}}…"""`: literal parts
 * decoded for their flavour, each interpolation a hole (walked as code).
 */
function readInterpolated(ctx: WalkContext): CSharpStringValue {
  const { line, column } = startPosition(ctx);
  let flavor = 'regular' as Flavor; // set inside the callback
  let text = '';
  const holes: string[] = [];
  forEachChild(ctx, (kind) => {
    switch (kind.name) {
      case 'interpolation_start':
        if (nodeText(ctx).includes('@')) flavor = 'verbatim';
        return;
      case 'interpolation_quote':
        flavor = 'raw';
        return;
      case 'string_content':
      case 'escape_sequence':
        text += contentText(flavor, nodeText(ctx));
        return;
      case 'interpolation':
        holes.push(resolvableHole(nodeText(ctx).replace(/^\{+|\}+$/g, '')));
        text += HOLE;
        return visitAs(ctx, kind);
      default:
        return visitAs(ctx, kind);
    }
  });
  const value: CSharpStringValue = {
    text: flavor === 'raw' ? rawBody(text) : text,
    form: 'interpolated',
    dynamic: holes.length > 0,
    line,
    column,
  };
  if (holes.some((h) => h !== '')) value.holes = holes;
  return value;
}

/** A name chain, `nameof(…)` or `typeof(…).Name`: what a later pass may resolve to a constant. */
const RESOLVABLE_HOLE = /^(?:@?[A-Za-z_]\w*(?:\.@?[A-Za-z_]\w*)*|nameof\([\w.]+\)|typeof\([\w.]+\)\.Name)$/;

/** The hole's expression without whitespace when it may name a constant; '' otherwise (format clauses included). */
export function resolvableHole(written: string): string {
  const bare = written.replace(/\s+/g, '');
  return bare.length <= 120 && RESOLVABLE_HOLE.test(bare) ? bare : '';
}

/**
 * `nameof(User)` (the constant `"User"`) or `typeof(T).Name` (a type's name,
 * a hole when it is a type parameter's), or null: values a member initialised
 * so holds, for the procedure names built from it (`$"{Table}_Create"`).
 * The cursor is not moved: the caller walks the expression as usual.
 */
export function typeNameValue(ctx: WalkContext, kind: string): CSharpStringValue | null {
  if (kind !== 'invocation_expression' && kind !== 'member_access_expression') return null;
  const written = nodeText(ctx);
  if (written.length > 120) return null;
  const bare = written.replace(/\s+/g, '');
  const nameOf = /^nameof\(([\w.]+)\)$/.exec(bare);
  const { line, column } = startPosition(ctx);
  if (nameOf)
    return { text: nameOf[1]!.slice(nameOf[1]!.lastIndexOf('.') + 1), form: 'regular', dynamic: false, line, column };
  if (!/^typeof\([\w.]+\)\.Name$/.test(bare)) return null;
  return { text: HOLE, form: 'type-name', dynamic: true, holes: [bare], line, column };
}

function contentText(flavor: Flavor, written: string): string {
  switch (flavor) {
    case 'regular':
      return interpolatedRegularText(written);
    case 'verbatim':
      return interpolatedVerbatimText(written);
    case 'raw':
      return written; // raw content has no escapes; `$$` makes single braces literal
  }
}
