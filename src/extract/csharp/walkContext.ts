import type Parser from 'tree-sitter';
import type { CSharpCallChain, CSharpCallSite, CSharpStringDeclaration, CSharpUsing } from '../../core/facts.js';
import type { NodeKinds } from './nodeKinds.js';
import { ReferenceOwner } from './referenceOwner.js';
import type { DeclaredType } from './typeOwners.js';
import { createLinqWalk, type LinqWalk } from './linqChains.js';
import { createUrlWalk, type UrlWalk } from './urlFacts.js';

/** Handles the node under the cursor and leaves the cursor on that same node. */
export type NodeHandler = (ctx: WalkContext) => void;

/** Mutable state of one file's walk; never outlives the call that created it. */
export interface WalkContext {
  readonly cursor: Parser.TreeCursor;
  readonly text: string;
  readonly kinds: NodeKinds;
  readonly handlers: ReadonlyMap<string, NodeHandler>;
  /** Innermost type being walked, or the file scope. */
  owner: ReferenceOwner;
  readonly fileScope: ReferenceOwner;
  /** Namespace in effect: enclosing blocks composed, or the file-scoped one. */
  namespace: string;
  /** Type parameters of the enclosing types and methods, innermost last. */
  readonly typeParameters: string[][];
  /** Declared types in source order (outer before nested). */
  readonly types: DeclaredType[];
  readonly usings: CSharpUsing[];
  readonly namespaces: string[];
  /** Comment ranges as flat [start, end, start, end, …] string offsets. */
  readonly comments: number[];
  fileDecisions: number;
  /** Handlers currently running, outermost first: bounds recursion. */
  handlerDepth: number;
  /** Set when the walk went past the depth limit: facts below it are missing, and the file says so. */
  depthLimited: boolean;
  /** Name of the member being walked (method, constructor, property, field, …); lambdas and local functions inherit it. */
  member: string | undefined;
  readonly callSites: CSharpCallSite[];
  readonly stringDeclarations: CSharpStringDeclaration[];
  /** The call walked last, so a call on its result can name it as receiver without re-walking it. */
  readonly lastCall: WalkedCall;
  /** Offsets where lines start, built on first use: positions are computed only for what is recorded. */
  lineStarts: number[] | undefined;
  /** What the walk gathers for the EF schema readers (see `schemaSyntax.ts`). */
  readonly schema: SchemaWalk;
  /** What the walk notes for URL reconstruction (see `urlFacts.ts`). */
  readonly urls: UrlWalk;
  /** What the walk gathers for the LINQ query reader (see `linqChains.ts`). */
  readonly linq: LinqWalk;
  /** Creates a second cursor on the same tree, for readers that must not move `cursor`. */
  readonly newCursor: () => Parser.TreeCursor;
  /** The second cursor, once created. */
  spare: Parser.TreeCursor | undefined;
}

export interface SchemaWalk {
  /** Recorded chains with the offset where each starts, for sorting. */
  readonly chains: { start: number; chain: CSharpCallChain }[];
  /** Start offsets of the chains recorded: a chain through two listed methods is recorded once. */
  readonly chainStarts: Set<number>;
  /** `Entity<T>()` calls walked so far: a call whose callee raised it is made on an entity builder. */
  entityBuilderCalls: number;
  /** `IEntityTypeConfiguration<T>` bases walked so far. */
  entityConfigurations: number;
}

/** Callee of the call or creation whose handler finished last; updated in place, one per walk. */
export interface WalkedCall {
  /** `handlerDepth` its handler ran at: tells a call's own entry from one of a call nested in it. */
  depth: number;
  /** Callee as written (`Query<User>`, or the created type); undefined when it has none. */
  written: string | undefined;
  receiver: string | undefined;
  isConstructor: boolean;
}

export function createWalkContext(
  cursor: Parser.TreeCursor,
  text: string,
  kinds: NodeKinds,
  handlers: ReadonlyMap<string, NodeHandler>,
  newCursor: () => Parser.TreeCursor,
): WalkContext {
  const fileScope = new ReferenceOwner(null, null);
  return {
    cursor,
    text,
    kinds,
    handlers,
    owner: fileScope,
    fileScope,
    namespace: '',
    typeParameters: [],
    types: [],
    usings: [],
    namespaces: [],
    comments: [],
    fileDecisions: 0,
    handlerDepth: 0,
    depthLimited: false,
    member: undefined,
    callSites: [],
    stringDeclarations: [],
    lastCall: { depth: -1, written: undefined, receiver: undefined, isConstructor: false },
    lineStarts: undefined,
    schema: { chains: [], chainStarts: new Set(), entityBuilderCalls: 0, entityConfigurations: 0 },
    urls: createUrlWalk(),
    linq: createLinqWalk(),
    newCursor,
    spare: undefined,
  };
}

/**
 * The second cursor, placed on the node under `cursor`: it can read that
 * node's subtree, or climb to its ancestors, while the walk stays where it is.
 */
export function spareCursorHere(ctx: WalkContext): Parser.TreeCursor {
  ctx.spare ??= ctx.newCursor();
  const spare = ctx.spare;
  spare.resetTo(ctx.cursor);
  return spare;
}

export function nodeText(ctx: WalkContext): string {
  const { cursor } = ctx;
  return ctx.text.substring(cursor.startIndex, cursor.endIndex);
}

export function startLine(ctx: WalkContext): number {
  return ctx.cursor.startPosition.row + 1;
}

export function isTypeParameter(ctx: WalkContext, name: string): boolean {
  for (const scope of ctx.typeParameters) if (scope.includes(name)) return true;
  return false;
}

export function addDecision(ctx: WalkContext): void {
  ctx.owner.decisions++;
  ctx.fileDecisions++;
}

/** Position of the node under the cursor, 1-based; columns count UTF-16 code units. */
export function startPosition(ctx: WalkContext): { line: number; column: number } {
  return positionAt(ctx, ctx.cursor.startIndex);
}

/** 1-based line and column of a text offset (lines end at `\n`, as tree-sitter counts rows). */
export function positionAt(ctx: WalkContext, offset: number): { line: number; column: number } {
  ctx.lineStarts ??= lineStartsOf(ctx.text);
  const starts = ctx.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Runs `walk` with `member` as the enclosing member name. */
export function withMember(ctx: WalkContext, member: string | undefined, walk: () => void): void {
  const enclosing = ctx.member;
  ctx.member = member;
  try {
    walk();
  } finally {
    ctx.member = enclosing;
  }
}

/** Sets `ownerType` / `ownerMember` of a fact found now, leaving out what is absent; returns the fact. */
export function withOwner<T extends { ownerType?: string; ownerMember?: string }>(ctx: WalkContext, fact: T): T {
  const ownerType = ctx.owner.type?.fullName;
  if (ownerType !== undefined) fact.ownerType = ownerType;
  if (ctx.member !== undefined) fact.ownerMember = ctx.member;
  return fact;
}
