import { forEachChild } from './traversal.js';
import { nodeText, type WalkContext } from './walkContext.js';

/**
 * Names declared by the `type_parameter_list` child of the node under the
 * cursor. Read ahead of the walk because `T M<T>()` uses T before declaring it.
 */
export function readTypeParameters(ctx: WalkContext): string[] {
  let names: string[] = [];
  forEachChild(ctx, (kind) => {
    if (kind.name === 'type_parameter_list') names = readTypeParameterList(ctx);
  });
  return names;
}

/** Names in the `type_parameter_list` under the cursor: `<in T, [X] U>` → T, U. */
export function readTypeParameterList(ctx: WalkContext): string[] {
  const names: string[] = [];
  forEachChild(ctx, (parameter) => {
    if (parameter.name !== 'type_parameter') return;
    forEachChild(ctx, (part) => {
      if (part.name === 'identifier') names.push(nodeText(ctx));
    });
  });
  return names;
}

/** Runs `walk` with the given type parameters in scope. */
export function withTypeParameters(ctx: WalkContext, names: string[], walk: () => void): void {
  if (names.length === 0) {
    walk();
    return;
  }
  ctx.typeParameters.push(names);
  try {
    walk();
  } finally {
    ctx.typeParameters.pop();
  }
}
