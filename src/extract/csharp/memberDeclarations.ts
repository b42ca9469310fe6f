import type { CSharpAttributeUse, CSharpGenericType, CSharpMemberFacts } from '../../core/facts.js';
import { readAttributeList } from './attributes.js';
import { genericTypeHere } from './expressionShapes.js';
import { isRecordedPropertyType } from './schemaSyntax.js';
import { readPropertyValue, readVariableDeclaration } from './stringDeclarations.js';
import { forEachChild, visitAs } from './traversal.js';
import { readTypeParameters, withTypeParameters } from './typeParameters.js';
import { recordTypeName, visitType } from './typeReferences.js';
import { notePropertyType } from './linqChains.js';
import { noteStringMethod } from './urlFacts.js';
import { nodeText, startLine, withMember, type WalkContext } from './walkContext.js';

type MemberKind = CSharpMemberFacts['kind'];

/** Member declarations with one name; fields and field-like events are handled per declarator. */
const SINGLE_MEMBER_KINDS: Readonly<Record<string, MemberKind>> = {
  method_declaration: 'method',
  constructor_declaration: 'constructor',
  property_declaration: 'property',
  indexer_declaration: 'property',
  event_declaration: 'event',
  operator_declaration: 'method',
  conversion_operator_declaration: 'method',
};

const DECLARATOR_MEMBER_KINDS: Readonly<Record<string, MemberKind>> = {
  field_declaration: 'field',
  event_field_declaration: 'event',
};

export const MEMBER_DECLARATION_KINDS: readonly string[] = [
  ...Object.keys(SINGLE_MEMBER_KINDS),
  ...Object.keys(DECLARATOR_MEMBER_KINDS),
  'destructor_declaration',
];

/**
 * Member names that shadow a type of the same name inside the body, as in C#
 * lookup: `Name.Length` or `nameof(Get)` then refer to the member, not a type.
 */
const VALUE_MEMBER_KINDS = new Set<MemberKind>(['property', 'field', 'event', 'method']);

/**
 * Methods, constructors, properties, indexers, events, operators, fields (one
 * entry per declarator) and destructors (walked for references, not listed).
 */
export function visitMemberDeclaration(ctx: WalkContext): void {
  withMember(ctx, ctx.member, () => visitMember(ctx));
}

function visitMember(ctx: WalkContext): void {
  const nodeKind = ctx.kinds.current(ctx.cursor).name;
  const singleKind = SINGLE_MEMBER_KINDS[nodeKind];
  const declaratorKind = DECLARATOR_MEMBER_KINDS[nodeKind];
  const line = startLine(ctx);
  const attributes: CSharpAttributeUse[] = [];
  const modifiers: string[] = [];
  const names: string[] = [];
  let genericType: CSharpGenericType | undefined;
  let propertyType: string | undefined;
  const typeParameters = nodeKind === 'method_declaration' ? readTypeParameters(ctx) : [];
  let isConst = false;
  let returnsString = false;
  // The name precedes the body and initializer: what is walked after it belongs to this member.
  const declareName = (name: string): void => {
    names.push(name);
    if (names.length === 1) ctx.member = nodeKind === 'destructor_declaration' ? `~${name}` : name;
  };
  const declareDeclarator = (name: string): void => {
    names.push(name);
    ctx.member = name;
  };

  withTypeParameters(ctx, typeParameters, () =>
    forEachChild(ctx, (kind) => {
      if (kind.name === 'attribute_list') return readAttributeList(ctx, attributes);
      if (kind.name === 'modifier') {
        const modifier = nodeText(ctx);
        modifiers.push(modifier);
        isConst ||= modifier === 'const';
        return; // a keyword token only
      }
      if (kind.name === 'variable_declaration') {
        return readVariableDeclaration(ctx, isConst ? 'const' : 'field', declareDeclarator);
      }
      if (kind.name === 'explicit_interface_specifier') {
        return forEachChild(ctx, (part) => (part.named ? visitType(ctx) : undefined));
      }
      if (!kind.named || kind.name === 'comment') {
        if (kind.name === 'this')
          declareName('this[]'); // indexer
        else if (kind.name === 'implicit' || kind.name === 'explicit') declareName(`${kind.name} operator`);
        else if (nodeKind === 'operator_declaration' && ctx.kinds.field(ctx.cursor) === 'operator') {
          declareName(`operator ${nodeText(ctx)}`);
        }
        return visitAs(ctx, kind);
      }
      const field = ctx.kinds.field(ctx.cursor);
      if (field === 'type' && nodeKind === 'property_declaration') {
        propertyType = nodeText(ctx);
        genericType = visitPropertyType(ctx);
      } else if (field === 'type' || field === 'returns') {
        returnsString = /^string\??$/.test(nodeText(ctx));
        visitType(ctx);
      } else if (field === 'name' && kind.name === 'identifier') declareName(nodeText(ctx));
      else if (field === 'value' && nodeKind === 'property_declaration' && names[0] !== undefined) {
        readPropertyValue(ctx, names[0]);
      } else visitAs(ctx, kind);
    }),
  );

  // Static string helpers build URLs from their parameters (`API.Basket.GetBasket(baseUri, id)`).
  if (nodeKind === 'method_declaration' && returnsString && modifiers.includes('static') && names[0] !== undefined)
    noteStringMethod(ctx, names[0], line);
  const kind = singleKind ?? declaratorKind;
  const typeFacts = ctx.owner.type;
  if (kind === undefined || typeFacts === null) return;
  const declared = singleKind === undefined ? names : names.slice(0, 1);
  if (propertyType !== undefined && names[0] !== undefined) notePropertyType(ctx, names[0], propertyType);
  for (const name of declared) {
    typeFacts.members.push({
      name,
      kind,
      line,
      attributes: declared.length > 1 ? [...attributes] : attributes,
      ...(modifiers.length > 0 ? { modifiers: [...modifiers] } : {}),
      ...(genericType !== undefined ? { genericType } : {}),
    });
    if (VALUE_MEMBER_KINDS.has(kind)) ctx.owner.declareValue(name);
  }
}

/** Visits a property's type; returns it when `schemaSyntax.ts` lists it (`DbSet<User>`). */
function visitPropertyType(ctx: WalkContext): CSharpGenericType | undefined {
  const kind = ctx.kinds.current(ctx.cursor).name;
  if (kind !== 'generic_name' && kind !== 'qualified_name') {
    visitType(ctx);
    return undefined;
  }
  const name = recordTypeName(ctx); // what `visitType` does for names
  return name !== null && isRecordedPropertyType(name) ? genericTypeHere(ctx, name) : undefined;
}
