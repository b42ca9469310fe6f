import type { CSharpCallSite, CSharpNamedValueArgument } from '../../core/facts.js';
import { isPlainChain, readExpressionChain } from './chains.js';
import { mayBeStringValue, readStringValue } from './stringValues.js';
import { forEachChild, readNested, visit } from './traversal.js';
import { nodeText, type WalkContext } from './walkContext.js';

export interface CallArguments {
  strings: CSharpCallSite['strings'];
  identifiers: CSharpNamedValueArgument[];
}

/** Node kinds of an argument that may name a string: `sql`, `Queries.ByUser`, `this._sql`. */
export const NAMED_VALUE_KINDS = new Set(['identifier', 'member_access_expression']);

/**
 * Reads an `argument_list` — the string and identifier arguments — while
 * walking every argument as the plain walk would. Strings are decoded here
 * only, never for arguments of other shapes (numbers, lambdas, objects).
 */
export function readArgumentList(ctx: WalkContext): CallArguments {
  const found: CallArguments = { strings: [], identifiers: [] };
  return readNested(ctx, () => readArguments(ctx, found), found);
}

function readArguments(ctx: WalkContext, found: CallArguments): CallArguments {
  let index = 0;
  forEachChild(ctx, (kind) => {
    if (kind.name === 'argument') readArgument(ctx, index++, found);
    else visit(ctx);
  });
  return found;
}

function readArgument(ctx: WalkContext, index: number, found: CallArguments): void {
  let parameter: string | undefined;
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') return visit(ctx); // `ref`, `out`, `:`
    if (kind.name === 'identifier' && ctx.kinds.field(ctx.cursor) === 'name') {
      parameter = nodeText(ctx);
      return;
    }
    const named = parameter === undefined ? { index } : { index, parameter };
    if (mayBeStringValue(kind.name)) {
      const value = readStringValue(ctx);
      if (value !== null) found.strings.push({ ...named, value });
    } else if (NAMED_VALUE_KINDS.has(kind.name)) {
      const identifier = readExpressionChain(ctx).text;
      if (isPlainChain(identifier)) found.identifiers.push({ ...named, identifier });
    } else {
      visit(ctx);
    }
  });
}
