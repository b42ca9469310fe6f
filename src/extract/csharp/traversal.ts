import type { NodeKind } from './nodeKinds.js';
import { addDecision, type WalkContext } from './walkContext.js';

/**
 * Cursor-based traversal. Every function here starts with the cursor on a
 * node and leaves it on that same node: tree-sitter's Node-API calls are the
 * cost, so the walk never materialises SyntaxNode objects.
 */

/** Visits the node under the cursor in expression/declaration context. */
export function visit(ctx: WalkContext): void {
  const kind = ctx.kinds.current(ctx.cursor);
  if (!kind.named) {
    if (kind.decision) addDecision(ctx);
    return;
  }
  const handler = ctx.handlers.get(kind.name);
  if (handler) handler(ctx);
  else visitChildren(ctx);
}

export function visitChildren(ctx: WalkContext): void {
  const { cursor } = ctx;
  if (!cursor.gotoFirstChild()) return;
  do visit(ctx);
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

/** Calls `each` with the cursor on every child in turn; `each` must leave it there. */
export function forEachChild(ctx: WalkContext, each: (kind: NodeKind) => void): void {
  const { cursor } = ctx;
  if (!cursor.gotoFirstChild()) return;
  do each(ctx.kinds.current(cursor));
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
}
