import type { CSharpStringDeclaration, CSharpStringValue } from '../../core/facts.js';
import { simpleTypeName, visitTargetTypedCreation } from './callSites.js';
import { mayBeStringValue, readStringValue, typeNameValue } from './stringValues.js';
import { forEachChild, visit, visitAs } from './traversal.js';
import { visitType } from './typeReferences.js';
import { noteDeclaredType, noteValueSite } from './urlFacts.js';
import { nodeText, withOwner, type WalkContext } from './walkContext.js';

type DeclarationKind = CSharpStringDeclaration['kind'];

/** Offsets of a declaration's written type. */
interface TypeRange {
  start: number;
  end: number;
}

/** Declared types that can be the target of `new(…)`; `var` (`implicit_type`) and `string` cannot. */
const TYPE_NAME_KINDS = new Set(['identifier', 'generic_name', 'qualified_name', 'alias_qualified_name']);

/** `var sql = "…";`, `string sql = @"…";`, `const string Q = "…";` — locals declare values, as in any walk. */
export function visitLocalDeclaration(ctx: WalkContext): void {
  let kind: DeclarationKind = 'local';
  forEachChild(ctx, (part) => {
    if (part.name === 'modifier') {
      if (nodeText(ctx) === 'const') kind = 'const';
    } else if (part.name === 'variable_declaration') {
      readVariableDeclaration(ctx, kind, (name) => ctx.owner.declareValue(name));
    } else {
      visitAs(ctx, part);
    }
  });
}

/** `Type a = …, b = …`: the type as a type, each declarator's string initializer recorded as `kind`. */
export function readVariableDeclaration(ctx: WalkContext, kind: DeclarationKind, onName: (name: string) => void): void {
  let declaredType: TypeRange | undefined;
  forEachChild(ctx, (part) => {
    if (part.name === 'variable_declarator') readDeclarator(ctx, kind, onName, declaredType);
    else if (part.named && ctx.kinds.field(ctx.cursor) === 'type') {
      // Named only if `SqlCommand cmd = new("…")` needs it.
      if (TYPE_NAME_KINDS.has(part.name)) declaredType = { start: ctx.cursor.startIndex, end: ctx.cursor.endIndex };
      visitType(ctx);
    } else visitAs(ctx, part);
  });
}

/** `name = value`: `onName` is told the name before the value is walked; a string value is recorded. */
function readDeclarator(
  ctx: WalkContext,
  kind: DeclarationKind,
  onName: (name: string) => void,
  declaredType: TypeRange | undefined,
): void {
  let name: string | undefined;
  let afterEquals = false;
  forEachChild(ctx, (part) => {
    if (!part.named || part.name === 'comment') {
      afterEquals ||= part.name === '=';
      return visitAs(ctx, part);
    }
    if (name === undefined && part.name === 'identifier') {
      name = nodeText(ctx);
      onName(name);
      if (declaredType !== undefined)
        noteDeclaredType(ctx, name, ctx.text.substring(declaredType.start, declaredType.end), kind !== 'local');
      return;
    }
    if (afterEquals && name !== undefined) noteValueSite(ctx, name, kind === 'local');
    if (afterEquals && name !== undefined && mayBeStringValue(part.name)) {
      afterEquals = false;
      const value = readStringValue(ctx);
      if (value !== null) recordStringDeclaration(ctx, name, kind, value);
      return;
    }
    // A member's `nameof`/`typeof(T).Name` may name a procedure; a local's is left alone.
    const typeName = afterEquals && name !== undefined && kind !== 'local' ? typeNameValue(ctx, part.name) : null;
    if (typeName !== null && name !== undefined) recordStringDeclaration(ctx, name, kind, typeName);
    if (afterEquals && declaredType !== undefined && part.name === 'implicit_object_creation_expression') {
      afterEquals = false;
      const typeName = simpleTypeName(ctx.text.substring(declaredType.start, declaredType.end));
      return typeName === null ? visit(ctx) : visitTargetTypedCreation(ctx, typeName);
    }
    if (afterEquals && name !== undefined && declaredType === undefined && part.name === 'cast_expression') {
      // `var root = (IQueryable<Item>)_db.Items`: the cast's type is the variable's.
      const cast = castType(ctx);
      if (cast !== undefined) noteDeclaredType(ctx, name, cast, kind !== 'local');
    }
    if (afterEquals && name !== undefined && declaredType === undefined && part.name === 'invocation_expression') {
      // `var eCipher = builder.Entity<Cipher>()`: the local holds Cipher's entity builder.
      afterEquals = false;
      visit(ctx);
      const called = ctx.lastCall;
      const entity =
        called.depth === ctx.handlerDepth + 1 ? /^Entity<([\w.]+)>$/.exec(called.written ?? '')?.[1] : undefined;
      if (entity !== undefined) noteDeclaredType(ctx, name, `EntityTypeBuilder<${entity}>`, kind !== 'local');
      return;
    }
    if (afterEquals && name !== undefined && declaredType === undefined && part.name === 'object_creation_expression') {
      // `var client = new Basket.BasketClient(channel)`: the created type is the variable's.
      afterEquals = false;
      visit(ctx);
      const created = ctx.lastCall;
      if (created.isConstructor && created.written !== undefined && created.depth === ctx.handlerDepth + 1)
        noteDeclaredType(ctx, name, created.written, kind !== 'local');
      return;
    }
    visitAs(ctx, part);
  });
}

/** A property's `= "…"` initializer or `=> "…"` body. */
export function readPropertyValue(ctx: WalkContext, name: string): void {
  const readValue = (kind: string): void => {
    if (!mayBeStringValue(kind)) {
      const typeName = typeNameValue(ctx, kind);
      if (typeName !== null) recordStringDeclaration(ctx, name, 'property', typeName);
      visit(ctx);
      return;
    }
    const value = readStringValue(ctx);
    if (value !== null) recordStringDeclaration(ctx, name, 'property', value);
  };
  const kind = ctx.kinds.current(ctx.cursor);
  if (kind.name !== 'arrow_expression_clause') {
    readValue(kind.name);
    return;
  }
  forEachChild(ctx, (part) => (part.named && part.name !== 'comment' ? readValue(part.name) : visitAs(ctx, part)));
}

export function recordStringDeclaration(
  ctx: WalkContext,
  name: string,
  kind: DeclarationKind,
  value: CSharpStringValue,
  appended = false,
): void {
  const declaration: CSharpStringDeclaration = appended ? { name, kind, value, appended } : { name, kind, value };
  ctx.stringDeclarations.push(withOwner(ctx, declaration));
}

/** The type of the cast expression under the cursor, as written. */
function castType(ctx: WalkContext): string | undefined {
  const { cursor } = ctx;
  let type: string | undefined;
  if (!cursor.gotoFirstChild()) return undefined;
  do {
    if (ctx.kinds.field(cursor) === 'type') type = nodeText(ctx);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return type;
}
