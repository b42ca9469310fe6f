import type { CSharpCallSite } from '../../core/facts.js';
import { readArgumentList, type CallArguments } from './callArguments.js';
import { readConditionalAccess, readMemberAccess, readMemberName, type MemberName } from './chains.js';
import { visitNameofArguments } from './expressions.js';
import { isInterestingSink } from './interestingSinks.js';
import { forEachChild, readNested, visit } from './traversal.js';
import { visitType } from './typeReferences.js';
import { nodeText, ownerOf, startPosition, type WalkContext } from './walkContext.js';

/** The called member: `Query` (written `Query<User>`) on receiver `connection`. */
interface Callee extends MemberName {
  receiver?: string;
}

/**
 * `conn.Query<User>("…")`, `Log("…")`, `_http?.GetAsync(url)`. `nameof(x)`
 * is no call: its argument names a symbol and is walked as such.
 */
export function visitInvocation(ctx: WalkContext): void {
  const { cursor, kinds } = ctx;
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  let callee: Callee | null = null;
  let args: CallArguments | null = null;
  let isNameof = false;
  forEachChild(ctx, (kind) => {
    const field = kind.named ? kinds.field(cursor) : '';
    if (field === 'function') {
      if (kind.name === 'identifier' && nodeText(ctx) === 'nameof') isNameof = true;
      // The callee's chain nests the calls it is made on (`a.B().C()`).
      else callee = readNested(ctx, () => readCallee(ctx), null);
    } else if (field === 'arguments') {
      if (isNameof) visitNameofArguments(ctx);
      else args = readArgumentList(ctx);
    } else {
      visit(ctx);
    }
  });
  // Set after the arguments, whose own calls overwrite it: a call on this call's result reads it next.
  ctx.lastCall = { start, end, rendered: callee === null ? undefined : renderCall(callee) };
  if (callee !== null && args !== null) recordCallSite(ctx, callee, args, false);
}

/** `new SqlCommand("…", conn)`: a call site of the type's simple name. */
export function visitObjectCreation(ctx: WalkContext): void {
  const { cursor, kinds } = ctx;
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  let type: MemberName | null = null;
  let args: CallArguments | null = null;
  forEachChild(ctx, (kind) => {
    const field = kind.named ? kinds.field(cursor) : '';
    if (field === 'type') {
      type = constructedType(ctx);
      visitType(ctx);
    } else if (field === 'arguments') {
      args = readArgumentList(ctx);
    } else {
      visit(ctx);
    }
  });
  ctx.lastCall = { start, end, rendered: type === null ? undefined : `new ${(type as MemberName).written}()` };
  if (type !== null && args !== null) recordCallSite(ctx, type, args, true);
}

/** `: base("name=HarborDb")` / `: this("…")`: a constructor call site named `base` / `this`. */
export function visitConstructorInitializer(ctx: WalkContext): void {
  let target: MemberName | null = null;
  forEachChild(ctx, (kind) => {
    if (kind.name === 'base' || kind.name === 'this') {
      target = { name: kind.name, written: kind.name, ...startPosition(ctx) };
    } else if (kind.name === 'argument_list' && target !== null) {
      recordCallSite(ctx, target, readArgumentList(ctx), true);
    } else {
      visit(ctx);
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
      if (member === null) return null;
      return receiver.text ? { ...member, receiver: receiver.text } : member;
    }
    case 'conditional_access_expression': {
      const { receiver, member } = readConditionalAccess(ctx);
      if (member === null) return null;
      return receiver.text ? { ...member, receiver: receiver.text } : member;
    }
    default:
      visit(ctx);
      return null;
  }
}

/** `GetConnection()`, `_factory.Create()`; a receiver that is itself a call result is left out to keep it short. */
function renderCall(callee: Callee): string {
  const { receiver } = callee;
  return receiver === undefined || receiver.includes('(') ? `${callee.written}()` : `${receiver}.${callee.written}()`;
}

/** `System.Data.SqlClient.SqlCommand` → `SqlCommand`; `List<string>` → `List`. */
function constructedType(ctx: WalkContext): MemberName | null {
  const written = nodeText(ctx).replace(/\s+/g, '');
  let bare = written;
  for (let previous = ''; previous !== bare; ) {
    previous = bare;
    bare = bare.replace(/<[^<>]*>/g, '');
  }
  const name = bare.slice(Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(':')) + 1);
  if (!/^@?[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return null; // arrays, tuples, pointers
  return { name, written, ...startPosition(ctx) };
}

function recordCallSite(ctx: WalkContext, callee: Callee, args: CallArguments, isConstructor: boolean): void {
  const { strings, identifiers } = args;
  if (strings.length === 0 && (identifiers.length === 0 || !isInterestingSink(callee.name))) return;
  const site: CSharpCallSite = {
    method: callee.name,
    ...(callee.receiver === undefined ? {} : { receiver: callee.receiver }),
    isConstructor,
    strings,
    identifiers,
    ...ownerOf(ctx),
    line: callee.line,
    column: callee.column,
  };
  ctx.callSites.push(site);
}
