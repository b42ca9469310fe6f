import type { CSharpCallSite } from '../../core/facts.js';
import { readArgumentList, type CallArguments } from './callArguments.js';
import { entityBuilderMark, noteSchemaCall } from './callChains.js';
import { readConditionalAccess, readMemberAccess, readMemberName, type MemberName } from './chains.js';
import { visitNameofArguments } from './expressions.js';
import { isInterestingSink } from './interestingSinks.js';
import { forEachChild, readNested, visit, visitAs } from './traversal.js';
import { noteLinqCall } from './linqChains.js';
import { noteCall } from './urlFacts.js';
import { visitType } from './typeReferences.js';
import { nodeText, positionAt, withOwner, type WalkContext } from './walkContext.js';

/** The called member: `Query` (written `Query<User>`) on receiver `connection`. */
export interface Callee extends MemberName {
  receiver?: string;
}

/**
 * `conn.Query<User>("…")`, `Log("…")`, `_http?.GetAsync(url)`. `nameof(x)`
 * is no call: its argument names a symbol and is walked as such.
 */
export function visitInvocation(ctx: WalkContext): void {
  const mark = entityBuilderMark(ctx);
  let callee: Callee | null = null;
  let args: CallArguments | null = null;
  let seenFunction = false;
  let isNameof = false;
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') return visitAs(ctx, kind);
    if (!seenFunction) {
      seenFunction = true;
      if (kind.name === 'identifier' && nodeText(ctx) === 'nameof') isNameof = true;
      // The callee's chain nests the calls it is made on (`a.B().C()`).
      else callee = readNested(ctx, readCallee, null);
    } else if (kind.name === 'argument_list') {
      if (isNameof) visitNameofArguments(ctx);
      else args = readArgumentList(ctx);
    } else {
      visitAs(ctx, kind);
    }
  });
  // Set after the arguments, whose own calls overwrite it: a call on this call's result reads it next.
  const walked = callee as Callee | null; // assigned in the callback
  setLastCall(ctx, walked?.written, walked?.receiver, false);
  let urlArguments = false;
  if (walked !== null) {
    noteSchemaCall(ctx, walked, mark);
    noteLinqCall(ctx, walked.name);
    urlArguments = noteCall(ctx, walked);
  }
  if (callee !== null && args !== null) recordCallSite(ctx, callee, args, false, urlArguments);
}

/** `new SqlCommand("…", conn)`: a call site of the type's simple name. */
export function visitObjectCreation(ctx: WalkContext): void {
  let type: MemberName | null = null;
  let args: CallArguments | null = null;
  let seenType = false;
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') return visitAs(ctx, kind);
    if (!seenType) {
      seenType = true;
      type = constructedType(ctx);
      visitType(ctx);
    } else if (kind.name === 'argument_list') {
      args = readArgumentList(ctx);
    } else {
      visitAs(ctx, kind); // the initializer
    }
  });
  const created = type as MemberName | null; // assigned in the callback
  setLastCall(ctx, created?.written, undefined, true);
  const urlArguments = created !== null && noteCall(ctx, created);
  if (created !== null && args !== null) recordCallSite(ctx, created, args, true, urlArguments);
}

/** `SqlCommand cmd = new("…", conn)`: a creation of the declared type; elsewhere `new(…)` has no type to name. */
export function visitTargetTypedCreation(ctx: WalkContext, typeName: string): void {
  let start = ctx.cursor.startIndex;
  let args: CallArguments | null = null;
  forEachChild(ctx, (kind) => {
    if (kind.name === 'new') start = ctx.cursor.startIndex;
    else if (kind.name === 'argument_list') args = readArgumentList(ctx);
    else visitAs(ctx, kind);
  });
  const created = { name: typeName, written: typeName, start };
  const urlArguments = noteCall(ctx, created);
  if (args !== null) recordCallSite(ctx, created, args, true, urlArguments);
}

/** `: base("name=HarborDb")` / `: this("…")`: a constructor call site named `base` / `this`. */
export function visitConstructorInitializer(ctx: WalkContext): void {
  let target: MemberName | null = null;
  forEachChild(ctx, (kind) => {
    if (kind.name === 'base' || kind.name === 'this') {
      target = { name: kind.name, written: kind.name, start: ctx.cursor.startIndex };
    } else if (kind.name === 'argument_list' && target !== null) {
      recordCallSite(ctx, target, readArgumentList(ctx), true);
    } else {
      visitAs(ctx, kind);
    }
  });
}

function readCallee(ctx: WalkContext): Callee | null {
  switch (ctx.kinds.current(ctx.cursor).name) {
    case 'identifier':
    case 'generic_name':
      return readMemberName(ctx);
    case 'member_access_expression': {
      const { receiver, member } = readMemberAccess(ctx);
      return withReceiver(member, receiver.text);
    }
    case 'conditional_access_expression': {
      const { receiver, member } = readConditionalAccess(ctx);
      return withReceiver(member, receiver.text);
    }
    default:
      visit(ctx);
      return null;
  }
}

function withReceiver(member: MemberName | null, receiver: string | undefined): Callee | null {
  if (member === null || !receiver) return member;
  return { name: member.name, written: member.written, start: member.start, receiver };
}

function setLastCall(
  ctx: WalkContext,
  written: string | undefined,
  receiver: string | undefined,
  isConstructor: boolean,
): void {
  const call = ctx.lastCall;
  call.depth = ctx.handlerDepth;
  call.written = written;
  call.receiver = receiver;
  call.isConstructor = isConstructor;
}

/** The type under the cursor of `new T(…)`, by its simple name. */
function constructedType(ctx: WalkContext): MemberName | null {
  const written = nodeText(ctx).replace(/\s+/g, '');
  const name = simpleTypeName(written);
  return name === null ? null : { name, written, start: ctx.cursor.startIndex };
}

/** `System.Data.SqlClient.SqlCommand` → `SqlCommand`; `List<string>` → `List`; null for arrays, tuples, pointers. */
export function simpleTypeName(written: string): string | null {
  let bare = written.replace(/\s+/g, '');
  for (let previous = ''; previous !== bare; ) {
    previous = bare;
    bare = bare.replace(/<[^<>]*>/g, '');
  }
  const name = bare.slice(Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(':')) + 1);
  return /^@?[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : null;
}

/** `urlArguments`: the URL facts hold a shape of one of its arguments (`GetAsync(Api.Items(_base))`), so it is recorded whatever its arguments. */
export function recordCallSite(
  ctx: WalkContext,
  callee: Callee,
  args: CallArguments,
  isConstructor: boolean,
  urlArguments = false,
): void {
  const { strings, identifiers } = args;
  if (!urlArguments && strings.length === 0 && (identifiers.length === 0 || !isInterestingSink(callee.name))) return;
  const { name: method, receiver } = callee;
  const { line, column } = positionAt(ctx, callee.start);
  const site: CSharpCallSite =
    receiver === undefined
      ? { method, isConstructor, strings, identifiers, line, column }
      : { method, receiver, isConstructor, strings, identifiers, line, column };
  ctx.callSites.push(withOwner(ctx, site));
}
