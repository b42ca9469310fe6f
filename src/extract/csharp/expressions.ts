import { forEachChild, visit, visitAs, visitChildren } from './traversal.js';
import { chainName, dottedParts, recordCandidate } from './typeReferences.js';
import { addDecision, nodeText, startLine, type WalkContext } from './walkContext.js';

const NAME_KINDS = new Set(['identifier', 'generic_name', 'qualified_name', 'alias_qualified_name']);

/** `A.B.C.M()`: the left-hand chain `A.B.C` may be a type (static access) — a candidate. */
export function visitMemberAccess(ctx: WalkContext): void {
  const { left } = dottedParts(ctx);
  if (left !== null) recordCandidate(ctx, left, startLine(ctx));
}

/** `nameof(X)` / `nameof(A.B)`: the argument names a symbol, which may be a type. */
export function visitNameofArguments(ctx: WalkContext): void {
  forEachChild(ctx, (kind) => {
    if (kind.name !== 'argument') return visitAs(ctx, kind);
    forEachChild(ctx, (inner) => {
      if (!inner.named || inner.name === 'comment') return visitAs(ctx, inner);
      const line = startLine(ctx);
      const name = chainName(ctx);
      if (name !== null) recordCandidate(ctx, name, line);
    });
  });
}

/** `x is Foo`, `case Foo:`, `Foo => …`: a bare name in a constant pattern may be a type. */
export function visitConstantPattern(ctx: WalkContext): void {
  visitConstant(ctx, false);
}

/** `x is Models.Invoice`: after `is`, a dotted constant pattern is taken whole, as a type. */
export function visitIsPattern(ctx: WalkContext): void {
  forEachChild(ctx, (kind) => {
    if (kind.name === 'constant_pattern' && ctx.kinds.field(ctx.cursor) === 'pattern') visitConstant(ctx, true);
    else visitAs(ctx, kind);
  });
}

function visitConstant(ctx: WalkContext, dottedIsType: boolean): void {
  forEachChild(ctx, (kind) => {
    if (NAME_KINDS.has(kind.name) || (dottedIsType && kind.name === 'member_access_expression')) {
      const line = startLine(ctx);
      const name = chainName(ctx);
      if (name !== null) recordCandidate(ctx, name, line);
    } else {
      visitAs(ctx, kind);
    }
  });
}

/** One decision per `case` label; `default:` is not a decision. */
export function visitSwitchSection(ctx: WalkContext): void {
  forEachChild(ctx, (kind) => {
    if (!kind.named && kind.name === 'case') addDecision(ctx);
    else visitAs(ctx, kind);
  });
}

/** One decision per switch-expression arm, except the discard arm `_ => …`. */
export function visitSwitchArm(ctx: WalkContext): void {
  let first = true;
  forEachChild(ctx, (kind) => {
    if (first && kind.named && kind.name !== 'comment') {
      first = false;
      if (kind.name !== 'discard') addDecision(ctx);
    }
    visitAs(ctx, kind);
  });
}

/** Wraps a handler so that the node counts as one decision point. */
export function asDecision(handler: (ctx: WalkContext) => void = visitChildren) {
  return (ctx: WalkContext): void => {
    addDecision(ctx);
    handler(ctx);
  };
}

/** `#if A && B`: the condition is neither code to walk nor a decision point. */
export function visitPreprocessorConditional(ctx: WalkContext): void {
  forEachChild(ctx, () => {
    if (ctx.kinds.field(ctx.cursor) !== 'condition') visit(ctx);
  });
}

export function visitComment(ctx: WalkContext): void {
  ctx.comments.push(ctx.cursor.startIndex, ctx.cursor.endIndex);
}

export function declareImplicitParameter(ctx: WalkContext): void {
  ctx.owner.declareValue(nodeText(ctx));
}

export function skip(): void {}
