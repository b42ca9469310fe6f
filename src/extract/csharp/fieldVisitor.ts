import { forEachChild, visit, visitAs } from './traversal.js';
import { visitType } from './typeReferences.js';
import { nodeText, type WalkContext } from './walkContext.js';

/** How `visitFields` treats a node's children beyond "`type`/`returns` is a type". */
export const FieldRules = {
  None: 0,
  /** The `name` child declares a value (parameter, local, pattern variable, …). */
  NameDeclaresValue: 1,
  /** Unlabelled identifier children declare values (`let x = …`, `join x in …`). */
  BareIdentifierDeclaresValue: 2,
  /** The `right` child is a type (`x as T`, `x is T`). */
  RightIsType: 4,
  /** The `left` child declares the loop variable (`foreach`). */
  LeftDeclaresValue: 8,
} as const;

/** Visits children by field: types as types, declared names as values, the rest as expressions. */
export function visitFields(ctx: WalkContext, rules: number): void {
  forEachChild(ctx, (kind) => {
    if (!kind.named || kind.name === 'comment') {
      visitAs(ctx, kind);
      return;
    }
    const field = ctx.kinds.field(ctx.cursor);
    if (field === 'type' || field === 'returns' || (field === 'right' && rules & FieldRules.RightIsType)) {
      visitType(ctx);
    } else if (
      (field === 'name' && rules & FieldRules.NameDeclaresValue) ||
      (field === 'left' && rules & FieldRules.LeftDeclaresValue) ||
      (field === '' && kind.name === 'identifier' && rules & FieldRules.BareIdentifierDeclaresValue)
    ) {
      declareValue(ctx);
    } else {
      visitAs(ctx, kind);
    }
  });
}

/** Declares the identifier under the cursor as a value name; visits anything else (tuple patterns). */
export function declareValue(ctx: WalkContext): void {
  if (ctx.kinds.current(ctx.cursor).name === 'identifier') ctx.owner.declareValue(nodeText(ctx));
  else visit(ctx);
}
