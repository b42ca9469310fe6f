import type { CSharpArgument, CSharpAttributeUse } from '../../core/facts.js';
import { readArgumentShapes } from './expressionShapes.js';
import { attributeArgumentText } from './literals.js';
import { stripAttributeSuffix } from './names.js';
import { isSchemaAttribute } from './schemaSyntax.js';
import { forEachChild, visitAs } from './traversal.js';
import { chainName } from './typeReferences.js';
import { nodeText, spareCursorHere, startLine, type WalkContext } from './walkContext.js';

const ATTRIBUTE_NAME_KINDS = new Set(['identifier', 'generic_name', 'qualified_name', 'alias_qualified_name']);
const STRING_KINDS = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal']);

/** `[A, B(…)]` on a type or member: appends each attribute's facts to `into`. */
export function readAttributeList(ctx: WalkContext, into: CSharpAttributeUse[]): void {
  forEachChild(ctx, (kind) => {
    if (kind.name === 'attribute') into.push(readAttribute(ctx));
    else if (kind.name !== 'attribute_target_specifier') visitAs(ctx, kind);
  });
}

/** Attributes elsewhere (parameters, `[assembly: …]`, local functions): references only. */
export function visitAttributeList(ctx: WalkContext): void {
  readAttributeList(ctx, []);
}

export function visitAttribute(ctx: WalkContext): void {
  readAttribute(ctx);
}

function readAttribute(ctx: WalkContext): CSharpAttributeUse {
  const line = startLine(ctx);
  let name = '';
  const args: string[] = [];
  let shapes: CSharpArgument[] | undefined;
  forEachChild(ctx, (kind) => {
    if (ATTRIBUTE_NAME_KINDS.has(kind.name)) {
      name = stripAttributeSuffix(chainName(ctx) ?? '');
      if (name !== '') ctx.owner.addReference(name, line);
    } else if (kind.name === 'attribute_argument_list') {
      if (isSchemaAttribute(name)) shapes = readArgumentShapes(ctx, spareCursorHere(ctx));
      forEachChild(ctx, (argument) => {
        if (argument.name === 'attribute_argument') args.push(readArgument(ctx));
        else visitAs(ctx, argument);
      });
    } else {
      visitAs(ctx, kind);
    }
  });
  return shapes === undefined ? { name, args, line } : { name, args, arguments: shapes, line };
}

/** `"x"` → `x`; `Name = "x"` and `Name: "x"` → `Name=x`; other expressions as written. */
function readArgument(ctx: WalkContext): string {
  let argumentName = '';
  let value = '';
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') return visitAs(ctx, kind);
    if (kind.name === 'identifier' && ctx.kinds.field(ctx.cursor) === 'name') {
      argumentName = nodeText(ctx);
      return;
    }
    value = attributeArgumentText(kind.name, nodeText(ctx));
    if (!STRING_KINDS.has(kind.name)) visitAs(ctx, kind); // typeof(X), Routes.Base, nameof(X)
  });
  return argumentName ? `${argumentName}=${value}` : value;
}
