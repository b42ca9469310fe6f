import { forEachChild, readNested, visit, visitAs } from './traversal.js';
import { chainName, recordCandidate } from './typeReferences.js';
import { compact, readExpressionText } from './expressionText.js';
import { nodeText, startLine, type WalkContext } from './walkContext.js';

/**
 * Member chains (`_db.Database`, `this._sql`, `GetConnection().Query`) read
 * for call-site facts while they are walked. Each reader walks its node
 * exactly as the plain walk would — same references, same candidates — and
 * also renders it the way facts show receivers and identifier arguments.
 */
export interface Chain {
  /** The name `chainName` gives (a possible type reference); null when not a pure name. */
  name: string | null;
  /**
   * As facts show it: `this.` dropped (`''` for a bare `this`), generic
   * arguments kept, a call result as its callee plus `()` (`GetConnection()`);
   * undefined when the expression is too long or spans lines.
   */
  text: string | undefined;
}

/** A member name after a dot (or a bare callee): `Query`, and as written, `Query<User>`; `start` is its offset. */
export interface MemberName {
  name: string;
  written: string;
  start: number;
}

/** Reads the expression under the cursor as the plain walk visits it (a member access records its left chain as candidate). */
export function readExpressionChain(ctx: WalkContext): Chain {
  const kind = ctx.kinds.current(ctx.cursor).name;
  if (kind === 'identifier') return identifierChain(ctx);
  if (kind === 'member_access_expression') {
    const { receiver, member } = readMemberAccess(ctx);
    return joinChain(receiver, member);
  }
  return { name: null, text: readExpressionText(ctx) };
}

/** Reads a member access `left.Name` as the plain walk does; `member` is null for pointer access and oddities. */
export function readMemberAccess(ctx: WalkContext): { receiver: Chain; member: MemberName | null } {
  const dotted = readDotted(ctx);
  if (dotted.receiver.name !== null && dotted.member !== null) {
    recordCandidate(ctx, dotted.receiver.name, startLine(ctx)); // as `visitMemberAccess`
  }
  return dotted;
}

/** An identifier or generic name in member position; anything else is visited and yields null. */
export function readMemberName(ctx: WalkContext): MemberName | null {
  const { cursor } = ctx;
  const kind = ctx.kinds.current(cursor).name;
  const start = cursor.startIndex;
  if (kind === 'identifier') {
    const name = ctx.text.substring(start, cursor.endIndex);
    return { name, written: name, start };
  }
  if (kind !== 'generic_name') {
    visit(ctx);
    return null;
  }
  const written = compact(nodeText(ctx));
  const name = chainName(ctx); // visits the type arguments as types
  return name === null ? null : { name, written, start };
}

/** Like `chainName` (no candidate for the node itself), rendering as it goes; bounded as `chainName` is. */
function readChainName(ctx: WalkContext): Chain {
  return readNested(ctx, readChainNameHere, UNREAD_CHAIN);
}

/** What a chain past the depth limit reads as: neither a name nor text. */
const UNREAD_CHAIN: Chain = Object.freeze({ name: null, text: undefined });

function readChainNameHere(ctx: WalkContext): Chain {
  switch (ctx.kinds.current(ctx.cursor).name) {
    case 'identifier':
      return identifierChain(ctx);
    case 'generic_name':
    case 'qualified_name':
    case 'alias_qualified_name': {
      const written = compact(nodeText(ctx));
      return { name: chainName(ctx), text: written };
    }
    case 'member_access_expression':
      return readInnerMemberAccess(ctx);
    case 'conditional_access_expression': {
      const { receiver, member } = readConditionalAccess(ctx);
      return { name: null, text: joinChain(receiver, member).text };
    }
    default:
      return { name: null, text: readExpressionText(ctx) };
  }
}

/** A member access inside a chain: `dottedParts` semantics, no candidate of its own. */
function readInnerMemberAccess(ctx: WalkContext): Chain {
  const { receiver, member } = readDotted(ctx);
  return joinChain(receiver, member);
}

/** Both sides of `left.Name`, walked as `dottedParts` walks them; pointer access `p->x` yields no member. */
function readDotted(ctx: WalkContext): { receiver: Chain; member: MemberName | null } {
  let receiver: Chain = { name: null, text: undefined };
  let member: MemberName | null = null;
  let afterDot = false;
  let pointerAccess = false;
  forEachChild(ctx, (kind) => {
    if (!kind.named) {
      if (kind.name === '.') afterDot = true;
      else if (kind.name === '->') afterDot = pointerAccess = true;
      else if (kind.name === 'this') receiver = { name: null, text: '' };
      else if (kind.name === 'base') receiver = { name: null, text: 'base' };
      return;
    }
    if (kind.name === 'comment') visitAs(ctx, kind);
    else if (afterDot) member = readMemberName(ctx);
    else receiver = readChainName(ctx);
  });
  return { receiver, member: pointerAccess ? null : member };
}

/**
 * `_http?.GetAsync`, rendered without the `?`. The grammar parses
 * `await client?.PostAsync(…)` as `(await client)?.PostAsync(…)`: an awaited
 * condition is read as the operand it awaits.
 */
export function readConditionalAccess(ctx: WalkContext): { receiver: Chain; member: MemberName | null } {
  let receiver: Chain = { name: null, text: undefined };
  let member: MemberName | null = null;
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') return visitAs(ctx, kind);
    if (ctx.kinds.field(ctx.cursor) === 'condition') {
      receiver = kind.name === 'await_expression' ? readAwaited(ctx) : readExpressionChain(ctx);
    } else if (kind.name === 'member_binding_expression') {
      forEachChild(ctx, (part) => {
        if (part.named && ctx.kinds.field(ctx.cursor) === 'name') member = readMemberName(ctx);
        else visitAs(ctx, part);
      });
    } else {
      visitAs(ctx, kind);
    }
  });
  return { receiver, member };
}

function readAwaited(ctx: WalkContext): Chain {
  let operand: Chain = { name: null, text: undefined };
  forEachChild(ctx, (kind) => {
    if (kind.named && kind.name !== 'comment') operand = readExpressionChain(ctx);
    else visitAs(ctx, kind);
  });
  return operand;
}

export function joinChain(receiver: Chain, member: MemberName | null): Chain {
  if (member === null) return { name: null, text: undefined };
  const name = receiver.name === null ? null : `${receiver.name}.${member.name}`;
  if (receiver.text === undefined) return { name, text: undefined };
  return { name, text: receiver.text === '' ? member.written : `${receiver.text}.${member.written}` };
}

function identifierChain(ctx: WalkContext): Chain {
  const text = nodeText(ctx);
  return { name: text, text };
}

/** `sql`, `Queries.ByUser`, `_options.Value.Sql`; not `this`, `GetSql().Text` or `_map[key]`. */
export function isPlainChain(text: string | undefined): text is string {
  return text !== undefined && text !== '' && !/[()[\]]/.test(text);
}
