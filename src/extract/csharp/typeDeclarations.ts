import type { CSharpMemberFacts, CSharpTypeFacts, CSharpTypeKind } from '../../core/facts.js';
import { readAttributeList } from './attributes.js';
import { genericTypeHere } from './expressionShapes.js';
import { declareValue } from './fieldVisitor.js';
import { isEntityConfigurationBase } from './schemaSyntax.js';
import { forEachChild, readNested, visitAs } from './traversal.js';
import { openTypeOwner } from './typeOwners.js';
import { readTypeParameterList, withTypeParameters } from './typeParameters.js';
import { recordTypeName, visitType } from './typeReferences.js';
import { nodeText, startLine, withMember, type WalkContext } from './walkContext.js';

const TYPE_KINDS: Readonly<Record<string, CSharpTypeKind>> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  struct_declaration: 'struct',
  enum_declaration: 'enum',
  delegate_declaration: 'delegate',
  record_declaration: 'record',
  record_struct_declaration: 'record struct',
};

export const TYPE_DECLARATION_KINDS: readonly string[] = Object.keys(TYPE_KINDS);

const BASE_NAME_KINDS = new Set(['identifier', 'generic_name', 'qualified_name', 'alias_qualified_name']);

/** A nested type declaration takes about four plain handlers' stack (10,000 nested classes overflowed at 937). */
const TYPE_DECLARATION_DEPTH = 4;

/** class / interface / struct / record / enum / delegate, nested ones included. */
export function visitTypeDeclaration(ctx: WalkContext): void {
  const { cursor } = ctx;
  const nodeKind = ctx.kinds.current(cursor).name;
  const header = readHeader(ctx);
  const enclosing = ctx.owner;
  const { owner, facts } = openTypeOwner(ctx, {
    name: header.name,
    kind: nodeKind === 'record_declaration' && header.isStruct ? 'record struct' : (TYPE_KINDS[nodeKind] ?? 'class'),
    modifiers: [],
    line: startLine(ctx),
    endLine: cursor.endPosition.row + 1,
  });
  ctx.owner = owner;
  try {
    if (header.typeParameters.length > 0) facts.typeParameters = header.typeParameters;
    // A type's walk takes several times a handler's stack (member and type-parameter scopes): it weighs more.
    readNested(
      ctx,
      () =>
        withMember(ctx, undefined, () =>
          withTypeParameters(ctx, header.typeParameters, () => visitTypeParts(ctx, facts)),
        ),
      undefined,
      TYPE_DECLARATION_DEPTH,
    );
  } finally {
    ctx.owner = enclosing;
  }
}

interface TypeHeader {
  name: string;
  typeParameters: string[];
  /** `record struct` */
  isStruct: boolean;
}

function readHeader(ctx: WalkContext): TypeHeader {
  const header: TypeHeader = { name: '', typeParameters: [], isStruct: false };
  forEachChild(ctx, (kind) => {
    if (kind.name === 'struct') header.isStruct = true;
    else if (kind.name === 'type_parameter_list') header.typeParameters = readTypeParameterList(ctx);
    else if (kind.name === 'identifier' && ctx.kinds.field(ctx.cursor) === 'name') header.name = nodeText(ctx);
  });
  return header;
}

function visitTypeParts(ctx: WalkContext, facts: CSharpTypeFacts): void {
  forEachChild(ctx, (kind) => {
    switch (kind.name) {
      case 'attribute_list':
        return readAttributeList(ctx, facts.attributes);
      case 'modifier':
        facts.modifiers.push(nodeText(ctx));
        return;
      case 'base_list':
        return readBaseList(ctx, facts);
      case 'parameter_list':
        // Positional record parameters are properties; a class's primary-constructor parameters are not.
        if (facts.kind !== 'record' && facts.kind !== 'record struct') return visitAs(ctx, kind);
        return readPositionalProperties(ctx, facts.members);
    }
    if (kind.named && ctx.kinds.field(ctx.cursor) === 'type')
      visitType(ctx); // a delegate's return type
    else visitAs(ctx, kind);
  });
}

/**
 * `: Base<T>, Models.IThing` → bases `Base`, `Models.IThing`, each also a
 * reference; a generic base (`IEntityTypeConfiguration<User>`, `Repository<User, Guid>`)
 * is kept with its type arguments too.
 */
function readBaseList(ctx: WalkContext, facts: CSharpTypeFacts): void {
  const readBase = (): void => {
    const isGeneric = nodeText(ctx).includes('<');
    const name = recordTypeName(ctx);
    if (name === null || name === '') return;
    facts.bases.push(name);
    if (!isGeneric) return;
    const generic = genericTypeHere(ctx, name);
    if (generic === undefined) return;
    facts.genericBases ??= [];
    facts.genericBases.push(generic);
    if (isEntityConfigurationBase(name)) ctx.schema.entityConfigurations++;
  };
  forEachChild(ctx, (kind) => {
    if (BASE_NAME_KINDS.has(kind.name)) readBase();
    else if (kind.name === 'primary_constructor_base_type') {
      // `: Base(arg)` in a record or a C# 12 primary-constructor class.
      forEachChild(ctx, (part) => (BASE_NAME_KINDS.has(part.name) ? readBase() : visitAs(ctx, part)));
    } else if (kind.name !== 'predefined_type') visitAs(ctx, kind); // `enum E : byte` has no base type
  });
}

/** `record R([property: Key] int Id)`: positional parameters are the record's properties. */
function readPositionalProperties(ctx: WalkContext, members: CSharpMemberFacts[]): void {
  forEachChild(ctx, (kind) => {
    if (kind.name !== 'parameter') return visitAs(ctx, kind);
    const member: CSharpMemberFacts = { name: '', kind: 'property', line: startLine(ctx), attributes: [] };
    forEachChild(ctx, (part) => {
      if (part.name === 'attribute_list') return readAttributeList(ctx, member.attributes);
      const field = part.named ? ctx.kinds.field(ctx.cursor) : '';
      if (field === 'type') visitType(ctx);
      else if (field === 'name') {
        member.name = nodeText(ctx);
        declareValue(ctx);
      } else visitAs(ctx, part);
    });
    if (member.name !== '') members.push(member);
  });
}
