import { firstSegment, isNotTypeName } from './names.js';
import { forEachChild, readNested, visit, visitAs } from './traversal.js';
import { isTypeParameter, nodeText, startLine, type WalkContext } from './walkContext.js';

/**
 * Visits the node under the cursor knowing it sits in a type position. Types
 * nest (`List<List<…>>`, tuples of tuples) and each level recurses, so it
 * counts toward the walk's depth limit; past it the type is only visited.
 */
export function visitType(ctx: WalkContext): void {
  readNested(ctx, visitTypeHere, undefined);
}

function visitTypeHere(ctx: WalkContext): void {
  switch (ctx.kinds.current(ctx.cursor).name) {
    case 'identifier':
    case 'generic_name':
    case 'qualified_name':
    case 'alias_qualified_name':
      recordTypeName(ctx);
      return;
    case 'predefined_type':
    case 'implicit_type':
      return;
    case 'nullable_type':
    case 'pointer_type':
    case 'ref_type':
    case 'scoped_type':
    case 'tuple_type':
      readNested(ctx, visitTypeChildren, undefined);
      return;
    default:
      visit(ctx); // array_type, tuple_element, function_pointer_type: field-aware handlers
  }
}

/** Records the type name under the cursor (a name node) unless predefined or a type parameter; returns the name. */
export function recordTypeName(ctx: WalkContext): string | null {
  const name = chainName(ctx);
  if (name !== null && isReferenceable(ctx, name)) ctx.owner.addReference(name, startLine(ctx));
  return name;
}

/** Records a name that may or may not be a type (static member access, `nameof`, constant pattern). */
export function recordCandidate(ctx: WalkContext, name: string, line: number): void {
  if (isReferenceable(ctx, name)) ctx.owner.addCandidate(name, line);
}

function isReferenceable(ctx: WalkContext, name: string): boolean {
  if (name === '' || isNotTypeName(name)) return false;
  return !isTypeParameter(ctx, firstSegment(name));
}

/** `type_argument_list`: every argument is a type. Nested generics recurse, so this counts toward the depth limit. */
export function visitTypeArguments(ctx: WalkContext): void {
  readNested(ctx, visitTypeChildren, undefined);
}

function visitTypeChildren(ctx: WalkContext): void {
  forEachChild(ctx, (kind) => (kind.named ? visitType(ctx) : undefined));
}

/**
 * The dotted name of an identifier / generic / qualified / alias-qualified
 * name or a member-access chain of them (`global::A.B<T>.C` → `A.B.C`),
 * visiting generic arguments as types on the way. Returns null when the node
 * is not a pure name (`this.x`, `Get().Value`); such nodes are visited instead.
 */
export function chainName(ctx: WalkContext): string | null {
  // `a.b.c…` and `A<B<…>>` recurse once per level: bounded like every reader.
  return readNested(ctx, chainNameHere, null);
}

function chainNameHere(ctx: WalkContext): string | null {
  switch (ctx.kinds.current(ctx.cursor).name) {
    case 'identifier':
      return nodeText(ctx);
    case 'generic_name':
      return genericName(ctx);
    case 'qualified_name':
    case 'member_access_expression':
      // `a.b.c…` nests left-deep: a 10,000-long chain would recurse 10,000 times.
      return readNested(ctx, dottedName, null);
    case 'alias_qualified_name':
      return aliasQualifiedName(ctx);
    default:
      visit(ctx);
      return null;
  }
}

function dottedName(ctx: WalkContext): string | null {
  const { left, right } = dottedParts(ctx);
  return left !== null && right !== null ? `${left}.${right}` : null;
}

/** Left and right of `left.right` (qualified name or member access), visiting both. */
export function dottedParts(ctx: WalkContext): { left: string | null; right: string | null } {
  let left: string | null = null;
  let right: string | null = null;
  let afterDot = false;
  let pointerAccess = false;
  forEachChild(ctx, (kind) => {
    if (!kind.named) {
      if (kind.name === '.') afterDot = true;
      else if (kind.name === '->') afterDot = pointerAccess = true;
      return; // `this`, `base`: left stays null
    }
    if (kind.name === 'comment') visitAs(ctx, kind);
    else if (afterDot) right = chainName(ctx);
    else left = chainName(ctx);
  });
  return pointerAccess ? { left: null, right: null } : { left, right };
}

function genericName(ctx: WalkContext): string | null {
  let name: string | null = null;
  forEachChild(ctx, (kind) => {
    if (kind.name === 'identifier') name = nodeText(ctx);
    else if (kind.name === 'type_argument_list') visitTypeArguments(ctx);
    else visitAs(ctx, kind);
  });
  return name;
}

function aliasQualifiedName(ctx: WalkContext): string | null {
  let alias: string | null = null;
  let name: string | null = null;
  let afterColons = false;
  forEachChild(ctx, (kind) => {
    if (!kind.named) afterColons ||= kind.name === '::';
    else if (kind.name === 'comment') visitAs(ctx, kind);
    else if (afterColons) name = chainName(ctx);
    else alias = nodeText(ctx);
  });
  if (name === null) return null;
  return alias === null || alias === 'global' ? name : `${alias}.${name}`;
}
