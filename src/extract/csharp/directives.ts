import { normalizeName } from './names.js';
import { forEachChild, visitAs } from './traversal.js';
import { nodeText, startLine, type WalkContext } from './walkContext.js';

/** `[global] using [static] [Alias =] Target;` — recorded as a directive, never as a reference. */
export function visitUsingDirective(ctx: WalkContext): void {
  const line = startLine(ctx);
  let isGlobal = false;
  let isStatic = false;
  let alias: string | undefined;
  let target = '';
  forEachChild(ctx, (kind) => {
    if (!kind.named) {
      // `global` and `static` are anonymous tokens, so only their kind tells them apart.
      if (kind.name === 'global') isGlobal = true;
      else if (kind.name === 'static') isStatic = true;
    } else if (kind.name === 'comment') {
      visitAs(ctx, kind);
    } else if (kind.name === 'identifier' && ctx.kinds.field(ctx.cursor) === 'name') {
      alias = nodeText(ctx);
    } else {
      target = normalizeName(nodeText(ctx));
    }
  });
  if (target === '') return;
  ctx.usings.push(
    alias === undefined ? { target, isStatic, isGlobal, line } : { target, alias, isStatic, isGlobal, line },
  );
}

/** `namespace A.B { … }`: nested blocks compose with the enclosing namespace. */
export function visitNamespace(ctx: WalkContext): void {
  const enclosing = ctx.namespace;
  try {
    forEachChild(ctx, (kind) => {
      if (kind.named && kind.name !== 'comment' && ctx.kinds.field(ctx.cursor) === 'name') {
        enterNamespace(ctx, composeNamespace(enclosing, nodeText(ctx)));
      } else {
        visitAs(ctx, kind);
      }
    });
  } finally {
    ctx.namespace = enclosing;
  }
}

/** `namespace A.B;` applies to every declaration after it: the walk visits those as its siblings. */
export function visitFileScopedNamespace(ctx: WalkContext): void {
  forEachChild(ctx, (kind) => {
    if (kind.named && kind.name !== 'comment' && ctx.kinds.field(ctx.cursor) === 'name') {
      enterNamespace(ctx, normalizeName(nodeText(ctx)));
    } else {
      visitAs(ctx, kind);
    }
  });
}

function composeNamespace(enclosing: string, written: string): string {
  const name = normalizeName(written);
  return enclosing === '' ? name : `${enclosing}.${name}`;
}

function enterNamespace(ctx: WalkContext, name: string): void {
  ctx.namespace = name;
  if (!ctx.namespaces.includes(name)) ctx.namespaces.push(name);
}
