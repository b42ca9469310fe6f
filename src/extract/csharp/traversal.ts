import type { NodeKind } from './nodeKinds.js';
import { addDecision, type NodeHandler, type WalkContext } from './walkContext.js';

/**
 * Cursor-based traversal. Every function here starts with the cursor on a
 * node and leaves it on that same node: tree-sitter's Node-API calls are the
 * cost, so the walk never materialises SyntaxNode objects.
 */

/**
 * Handlers recurse (a fluent chain nests invocation in member access in
 * invocation …). Past this many nested handlers the walk goes on without
 * them, in a loop: a very deep chain loses the references nested below the
 * limit instead of overflowing the stack and losing the whole file.
 */
const MAX_HANDLER_DEPTH = 1000;

/** Visits the node under the cursor in expression/declaration context. */
export function visit(ctx: WalkContext): void {
  visitAs(ctx, ctx.kinds.current(ctx.cursor));
}

/** `visit` for a caller that already knows the node's kind (saves a Node-API call). */
export function visitAs(ctx: WalkContext, kind: NodeKind): void {
  if (!kind.named) {
    if (kind.decision) addDecision(ctx);
    return;
  }
  const handler = handlerFor(ctx, kind.name);
  if (handler) runHandler(ctx, handler);
  else visitChildren(ctx);
}

function handlerFor(ctx: WalkContext, kind: string): NodeHandler | undefined {
  if (ctx.handlerDepth < MAX_HANDLER_DEPTH || kind === 'comment') return ctx.handlers.get(kind);
  return undefined;
}

function runHandler(ctx: WalkContext, handler: NodeHandler): void {
  ctx.handlerDepth++;
  handler(ctx);
  ctx.handlerDepth--;
}

/**
 * Visits the descendants of the node under the cursor. Nodes without a
 * handler are walked in a loop, not by recursion, so a 5,000-term string
 * concatenation (a deep `binary_expression` chain) cannot overflow the stack.
 */
export function visitChildren(ctx: WalkContext): void {
  const { cursor, kinds } = ctx;
  if (!cursor.gotoFirstChild()) return;
  let depth = 1;
  for (;;) {
    const kind = kinds.current(cursor);
    if (!kind.named) {
      if (kind.decision) addDecision(ctx);
    } else {
      const handler = handlerFor(ctx, kind.name);
      if (handler) runHandler(ctx, handler);
      else if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
    }
    while (!cursor.gotoNextSibling()) {
      cursor.gotoParent();
      if (--depth === 0) return;
    }
  }
}

/**
 * Runs a reader that recurses into nested expressions the way handlers do
 * (string values, call arguments and callees): it counts toward the same
 * depth limit, and past it the node is only visited, in a loop, and
 * `fallback` returned.
 */
export function readNested<T>(ctx: WalkContext, read: (ctx: WalkContext) => T, fallback: T): T {
  if (ctx.handlerDepth >= MAX_HANDLER_DEPTH) {
    visitChildren(ctx);
    return fallback;
  }
  ctx.handlerDepth += READER_DEPTH;
  const result = read(ctx);
  ctx.handlerDepth -= READER_DEPTH;
  return result;
}

/** A reader's frames take about twice a plain handler's stack: it counts double. */
const READER_DEPTH = 2;

/**
 * Runs `walk` counting `extra` more toward the depth limit, for a handler whose
 * frames take several plain handlers' stack (a type declaration: owner, type
 * parameters, member scope, parts). Past the limit the nested node is walked
 * without handlers, as any node is.
 */
export function withExtraDepth(ctx: WalkContext, extra: number, walk: () => void): void {
  ctx.handlerDepth += extra;
  try {
    walk();
  } finally {
    ctx.handlerDepth -= extra;
  }
}

/** Calls `each` with the cursor on every child in turn; `each` must leave it there. */
export function forEachChild(ctx: WalkContext, each: (kind: NodeKind) => void): void {
  const { cursor } = ctx;
  if (!cursor.gotoFirstChild()) return;
  do each(ctx.kinds.current(cursor));
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
}
