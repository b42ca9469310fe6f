import type { CSharpCallSite, CSharpNamedValueArgument } from '../../core/facts.js';
import { isPlainChain, readExpressionChain } from './chains.js';
import { mayBeStringValue, readStringValue } from './stringValues.js';
import { readNested, visitAs } from './traversal.js';
import { nodeText, type WalkContext } from './walkContext.js';

export interface CallArguments {
  strings: CSharpCallSite['strings'];
  identifiers: CSharpNamedValueArgument[];
}

/** Shared by every call without string or identifier arguments (most calls): never recorded, never mutated. */
const NO_ARGUMENTS: CallArguments = Object.freeze({ strings: [], identifiers: [] });

/** Node kinds of an argument that may name a string: `sql`, `Queries.ByUser`, `this._sql`. */
export const NAMED_VALUE_KINDS = new Set(['identifier', 'member_access_expression']);

/**
 * Reads an `argument_list` — the string and identifier arguments — while
 * walking every argument as the plain walk would. Strings are decoded here
 * only, never for arguments of other shapes (numbers, lambdas, objects).
 * Every call passes through here, so the loops below move the cursor
 * themselves and allocate only for arguments worth recording.
 */
export function readArgumentList(ctx: WalkContext): CallArguments {
  return readNested(ctx, readArguments, NO_ARGUMENTS);
}

function readArguments(ctx: WalkContext): CallArguments {
  const { cursor, kinds } = ctx;
  if (!cursor.gotoFirstChild()) return NO_ARGUMENTS;
  let found = NO_ARGUMENTS;
  let index = 0;
  do {
    const kind = kinds.current(cursor);
    if (kind.name === 'argument') found = readArgument(ctx, index++, found);
    else visitAs(ctx, kind);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return found;
}

/** One `argument`: `[name:] [ref|out|in] expression`. Returns `found`, created on the first fact. */
function readArgument(ctx: WalkContext, index: number, found: CallArguments): CallArguments {
  const { cursor, kinds } = ctx;
  if (!cursor.gotoFirstChild()) return found;
  let parameter: string | undefined;
  do {
    const kind = kinds.current(cursor);
    const named = parameter === undefined && kind.name === 'identifier' ? argumentName(ctx) : undefined;
    if (!kind.named || kind.name === 'comment') {
      visitAs(ctx, kind); // `ref`, `out`, `:`
    } else if (named !== undefined) {
      parameter = named; // the parameter name of a named argument
    } else if (mayBeStringValue(kind.name)) {
      const value = readStringValue(ctx);
      if (value !== null) {
        if (found === NO_ARGUMENTS) found = { strings: [], identifiers: [] };
        found.strings.push(parameter === undefined ? { index, value } : { index, parameter, value });
      }
    } else if (NAMED_VALUE_KINDS.has(kind.name)) {
      const identifier = kind.name === 'identifier' ? nodeText(ctx) : readExpressionChain(ctx).text;
      if (isPlainChain(identifier)) {
        if (found === NO_ARGUMENTS) found = { strings: [], identifiers: [] };
        found.identifiers.push(parameter === undefined ? { index, identifier } : { index, parameter, identifier });
      }
    } else {
      visitAs(ctx, kind);
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return found;
}

/**
 * `url: "…"`: the identifier is a parameter name when a `:` (not `::`)
 * follows it; read from the text, which is cheaper than asking for its field.
 */
function argumentName(ctx: WalkContext): string | undefined {
  const { cursor, text } = ctx;
  const end = cursor.endIndex;
  let at = end;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\r' || text[at] === '\n')) at++;
  if (text[at] !== ':' || text[at + 1] === ':') return undefined;
  return text.substring(cursor.startIndex, end);
}
