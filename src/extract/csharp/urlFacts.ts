import { noteCollectionDeclaration } from './linqChains.js';
import type { CSharpClientCall, CSharpStringMethod, CSharpUrlFacts, CSharpValueAssignment } from '../../core/facts.js';
import type { Callee } from './callSites.js';
import { simpleTypeName } from './callSites.js';
import { namesIn, readArgumentValues, readValueShape } from './valueShapes.js';
import { positionAt, spareCursorHere, type WalkContext } from './walkContext.js';

/**
 * What the walk notes for URL reconstruction (see `CSharpUrlFacts`). During
 * the walk only positions are kept (a value's descendant index, a call on a
 * named receiver); the facts are read at the end of the file, from a second
 * cursor on the same tree, for just the values an URL argument names.
 */
export interface UrlWalk {
  readonly arguments: CSharpUrlFacts['arguments'];
  readonly stringMethods: CSharpStringMethod[];
  /** Every `name = value` seen: locals, fields, assignments. */
  readonly valueSites: ValueSite[];
  /** Names read by URL arguments, to be resolved to value sites at the end. */
  readonly needed: Scoped[];
  /** Variables, fields and parameters declared with a `…Client` type. */
  readonly clients: (Scoped & { type: string })[];
  /** Calls made on a plain named receiver, kept until the end to see if it is a client. */
  readonly receiverCalls: (Scoped & { method: string; start: number })[];
}

interface Scoped {
  name: string;
  ownerType: string | undefined;
  /** The enclosing member; undefined for a field (or a primary-constructor parameter). */
  member: string | undefined;
}

interface ValueSite extends Scoped {
  /** A local variable: seen only from its own member. */
  local: boolean;
  descendant: number;
  line: number;
}

/** HTTP calls and request objects whose arguments carry the URL (the same names `callSites.ts` in the graph reads). */
const URL_SINK =
  /^(?:(?:Get|Post|Put|Patch|Delete|Send)\w*Async|DownloadString\w*|UploadString\w*|HttpRequestMessage|RestRequest|Uri)$/;

/** Values read per needed name: an assignment in each branch of an `if` is a few, not hundreds. */
const MAX_SITES_PER_NAME = 4;

export function createUrlWalk(): UrlWalk {
  return { arguments: [], stringMethods: [], valueSites: [], needed: [], clients: [], receiverCalls: [] };
}

function scope(ctx: WalkContext, name: string, isField = false): Scoped {
  return { name, ownerType: ctx.owner.type?.fullName, member: isField ? undefined : ctx.member };
}

/** `name = <value under the cursor>`: remembered by position only. */
export function noteValueSite(ctx: WalkContext, name: string, local: boolean): void {
  const target = name.replace(/^this\./, '');
  ctx.urls.valueSites.push({
    ...scope(ctx, target),
    local,
    descendant: ctx.cursor.currentDescendantIndex,
    line: ctx.cursor.startPosition.row + 1,
  });
}

/** A field, local or parameter declared with `type`: kept when the type is a `…Client` (and, for the LINQ reader, a collection). */
export function noteDeclaredType(ctx: WalkContext, name: string, type: string, isField: boolean): void {
  noteCollectionDeclaration(ctx, name, type, isField);
  const simple = simpleTypeName(type);
  if (simple === null || !simple.endsWith('Client') || simple === 'Client') return;
  ctx.urls.clients.push({ ...scope(ctx, name, isField), type: withoutTypeArguments(type) });
}

/**
 * The invocation or creation under the cursor, its callee known: a URL sink's
 * arguments are read as shapes, and a call on a named receiver is kept.
 */
export function noteCall(ctx: WalkContext, callee: Callee): boolean {
  const receiver = callee.receiver?.replace(/^this\./, '');
  if (receiver !== undefined && /^@?[\p{L}_][\p{L}\p{N}_]*$/u.test(receiver)) {
    ctx.urls.receiverCalls.push({ ...scope(ctx, receiver), method: callee.name, start: callee.start });
  }
  if (!URL_SINK.test(callee.name)) return false;
  const cursor = spareCursorHere(ctx);
  if (!cursor.gotoFirstChild()) return false;
  let values: ReturnType<typeof readArgumentValues> = [];
  do {
    if (ctx.kinds.current(cursor).name === 'argument_list') values = readArgumentValues(ctx, cursor);
  } while (cursor.gotoNextSibling());
  const { line, column } = positionAt(ctx, callee.start);
  let noted = false;
  values.forEach((value, index) => {
    if (value.kind !== 'join' && value.kind !== 'call' && value.kind !== 'name') return;
    noted = true;
    ctx.urls.arguments.push({ line, column, index, value });
    for (const name of namesIn(value)) ctx.urls.needed.push(scope(ctx, name));
  });
  return noted;
}

/**
 * `static string Name(params) => expr;` or `{ …; return expr; }`, the method
 * node under the cursor: recorded with its parameter names and the returned
 * expression (the last statement's, when the body is a block).
 */
export function noteStringMethod(ctx: WalkContext, name: string, line: number): void {
  const cursor = spareCursorHere(ctx);
  const parameters: string[] = [];
  let returns: CSharpStringMethod['returns'] | undefined;
  if (!cursor.gotoFirstChild()) return;
  do {
    const kind = ctx.kinds.current(cursor).name;
    if (kind === 'parameter_list') parameters.push(...parameterNames(ctx, cursor));
    else if (kind === 'arrow_expression_clause') returns = firstNamedChildShape(ctx, cursor);
    else if (kind === 'block') returns = lastReturnShape(ctx, cursor);
  } while (cursor.gotoNextSibling());
  if (returns === undefined || returns.kind === 'other') return;
  const method: CSharpStringMethod = { name, parameters, returns, line };
  const ownerType = ctx.owner.type?.fullName;
  ctx.urls.stringMethods.push(ownerType === undefined ? method : { ...method, ownerType });
}

function parameterNames(ctx: WalkContext, cursor: WalkCursor): string[] {
  const names: string[] = [];
  if (!cursor.gotoFirstChild()) return names;
  do {
    if (ctx.kinds.current(cursor).name !== 'parameter' || !cursor.gotoFirstChild()) continue;
    do {
      if (ctx.kinds.field(cursor) === 'name') names.push(ctx.text.substring(cursor.startIndex, cursor.endIndex));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return names;
}

type WalkCursor = WalkContext['cursor'];

function firstNamedChildShape(ctx: WalkContext, cursor: WalkCursor): CSharpStringMethod['returns'] | undefined {
  if (!cursor.gotoFirstChild()) return undefined;
  let found: CSharpStringMethod['returns'] | undefined;
  do {
    const kind = ctx.kinds.current(cursor);
    if (kind.named && kind.name !== 'comment') {
      found = readValueShape(ctx, cursor);
      break;
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return found;
}

function lastReturnShape(ctx: WalkContext, cursor: WalkCursor): CSharpStringMethod['returns'] | undefined {
  if (!cursor.gotoFirstChild()) return undefined;
  let last: CSharpStringMethod['returns'] | undefined;
  do {
    const kind = ctx.kinds.current(cursor);
    if (!kind.named || kind.name === 'comment') continue;
    last = kind.name === 'return_statement' ? firstNamedChildShape(ctx, cursor) : undefined;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return last;
}

/** The facts, read now for what URL arguments name (transitively, within the file); undefined when there are none. */
export function finishUrlFacts(ctx: WalkContext): CSharpUrlFacts | undefined {
  const walk = ctx.urls;
  const values = resolveValues(ctx);
  const clientCalls = resolveClientCalls(ctx);
  if (walk.arguments.length + values.length + walk.stringMethods.length + clientCalls.length === 0) return undefined;
  return { arguments: walk.arguments, values, stringMethods: walk.stringMethods, clientCalls };
}

function resolveValues(ctx: WalkContext): CSharpValueAssignment[] {
  const walk = ctx.urls;
  const byName = new Map<string, ValueSite[]>();
  for (const site of walk.valueSites) {
    const key = `${site.ownerType ?? ''}\u0000${site.name}`;
    const list = byName.get(key);
    if (list) list.push(site);
    else byName.set(key, [site]);
  }
  const values: CSharpValueAssignment[] = [];
  const seen = new Set<string>();
  const read = new Set<ValueSite>();
  const queue = [...walk.needed];
  const cursor = spareCursorHere(ctx); // the main cursor is back on the root
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    const key = `${item.ownerType ?? ''}\u0000${item.member ?? ''}\u0000${item.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sites = byName.get(`${item.ownerType ?? ''}\u0000${item.name}`) ?? [];
    // A local of the same member hides fields; otherwise the field's assignments anywhere in the type.
    const local = sites.filter((s) => s.member === item.member && item.member !== undefined);
    const chosen = (local.length > 0 ? local : sites.filter((s) => !s.local)).slice(0, MAX_SITES_PER_NAME);
    for (const site of chosen) {
      if (read.has(site)) continue;
      read.add(site);
      cursor.resetTo(ctx.cursor);
      cursor.gotoDescendant(site.descendant);
      const value = readValueShape(ctx, cursor);
      if (value.kind === 'other') continue;
      const assignment: CSharpValueAssignment = { name: site.name, value, line: site.line };
      if (site.ownerType !== undefined) assignment.ownerType = site.ownerType;
      if (site.member !== undefined) assignment.ownerMember = site.member;
      values.push(assignment);
      for (const name of namesIn(value)) queue.push({ name, ownerType: site.ownerType, member: site.member });
    }
  }
  return values.sort((a, b) => a.line - b.line);
}

function resolveClientCalls(ctx: WalkContext): CSharpClientCall[] {
  const walk = ctx.urls;
  if (walk.clients.length === 0) return [];
  const calls: CSharpClientCall[] = [];
  for (const call of walk.receiverCalls) {
    const sameType = walk.clients.filter((c) => c.ownerType === call.ownerType && c.name === call.name);
    const client =
      sameType.find((c) => c.member !== undefined && c.member === call.member) ??
      sameType.find((c) => c.member === undefined);
    if (!client) continue;
    const { line, column } = positionAt(ctx, call.start);
    const found: CSharpClientCall = { clientType: client.type, method: call.method, line, column };
    if (call.ownerType !== undefined) found.ownerType = call.ownerType;
    if (call.member !== undefined) found.ownerMember = call.member;
    calls.push(found);
  }
  return calls;
}

function withoutTypeArguments(type: string): string {
  let bare = type.replace(/\s+/g, '');
  for (let previous = ''; previous !== bare; ) {
    previous = bare;
    bare = bare.replace(/<[^<>]*>/g, '');
  }
  return bare.replace(/^global::/, '').replace(/\?$/, '');
}
