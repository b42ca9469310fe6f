import { declareValue } from './fieldVisitor.js';
import { forEachChild, visitAs } from './traversal.js';
import { visitType } from './typeReferences.js';
import { noteDeclaredType } from './urlFacts.js';
import { nodeText, type WalkContext } from './walkContext.js';

/**
 * `Basket.BasketClient client`: the type as a type, the name as a value (as
 * every value-declaring node), and the pair noted for client calls.
 */
export function visitParameter(ctx: WalkContext): void {
  let type: string | undefined;
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') return visitAs(ctx, kind);
    const field = ctx.kinds.field(ctx.cursor);
    if (field === 'type') {
      type = nodeText(ctx);
      visitType(ctx);
    } else if (field === 'name') {
      if (type !== undefined && kind.name === 'identifier') noteDeclaredType(ctx, nodeText(ctx), type, false);
      declareValue(ctx);
    } else visitAs(ctx, kind);
  });
}
