import { NAMED_VALUE_KINDS } from './callArguments.js';
import { recordCallSite, type Callee } from './callSites.js';
import { isPlainChain, joinChain, readExpressionChain, readMemberAccess } from './chains.js';
import { isInterestingSink } from './interestingSinks.js';
import { recordStringDeclaration } from './stringDeclarations.js';
import { mayBeStringValue, readStringValue } from './stringValues.js';
import { forEachChild, visitAs } from './traversal.js';
import { noteValueSite } from './urlFacts.js';
import { nodeText, type WalkContext } from './walkContext.js';

/** Operators whose right-hand string is recorded: `=`, `??=`, and `+=` (recorded as appended). */
const STRING_ASSIGNMENT_OPERATORS = new Set(['=', '+=', '??=']);

/** What is assigned to: `sql`, `cmd.CommandText` (setter `CommandText` on receiver `cmd`). */
interface AssignmentTarget {
  text: string;
  /** Set when the assigned member is an interesting sink: the assignment is a call of its setter. */
  setter?: Callee;
}

/**
 * `cmd.CommandText = "…"`, `sql = "…"`, `CommandText = "…"` in an object
 * initializer, `sql += "…"` (recorded with `appended`): string declarations
 * named as the target is written, `this.` dropped; indexers and other
 * targets are not recorded. A plain `=` to a member named like an
 * interesting sink (`cmd.CommandText = sql`) is also a call site of its
 * setter, the value being argument 0 — string or identifier.
 */
export function visitAssignment(ctx: WalkContext): void {
  let target: AssignmentTarget | undefined;
  let operator = '';
  forEachChild(ctx, (part) => {
    if (!part.named || part.name === 'comment') {
      if (!part.named) operator = part.name;
      return visitAs(ctx, part);
    }
    // The left side comes before the operator, the right side after it.
    if (operator === '') {
      target = readTarget(ctx, part.name);
      return;
    }
    if (target === undefined || !STRING_ASSIGNMENT_OPERATORS.has(operator)) return visitAs(ctx, part);
    if (operator !== '+=') noteValueSite(ctx, target.text, false);
    const setter = operator === '=' ? target.setter : undefined;
    if (mayBeStringValue(part.name)) {
      const value = readStringValue(ctx);
      if (value === null) return;
      recordStringDeclaration(ctx, target.text, 'assignment', value, operator === '+=');
      if (setter) recordCallSite(ctx, setter, { strings: [{ index: 0, value }], identifiers: [] }, false);
    } else if (setter && NAMED_VALUE_KINDS.has(part.name)) {
      const identifier = part.name === 'identifier' ? nodeText(ctx) : readExpressionChain(ctx).text;
      if (isPlainChain(identifier))
        recordCallSite(ctx, setter, { strings: [], identifiers: [{ index: 0, identifier }] }, false);
    } else {
      visitAs(ctx, part);
    }
  });
}

/** Reads (and walks) the left-hand side; undefined for targets that are not plain chains. */
function readTarget(ctx: WalkContext, kind: string): AssignmentTarget | undefined {
  if (kind === 'identifier') {
    const start = ctx.cursor.startIndex;
    const text = nodeText(ctx);
    return isInterestingSink(text) ? { text, setter: { name: text, written: text, start } } : { text };
  }
  if (kind !== 'member_access_expression') {
    visitAs(ctx, ctx.kinds.current(ctx.cursor));
    return undefined;
  }
  const { receiver, member } = readMemberAccess(ctx);
  const text = joinChain(receiver, member).text;
  if (!isPlainChain(text) || member === null) return undefined;
  if (!isInterestingSink(member.name)) return { text };
  const setter: Callee = receiver.text ? { ...member, receiver: receiver.text } : member;
  return { text, setter };
}
