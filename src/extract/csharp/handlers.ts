import { visitAssignment } from './assignments.js';
import { visitAttribute, visitAttributeList } from './attributes.js';
import { visitFileScopedNamespace, visitNamespace, visitUsingDirective } from './directives.js';
import {
  asDecision,
  declareImplicitParameter,
  skip,
  visitComment,
  visitConstantPattern,
  visitIsPattern,
  visitMemberAccess,
  visitPreprocessorConditional,
  visitSwitchArm,
  visitSwitchSection,
} from './expressions.js';
import { visitConstructorInitializer, visitInvocation, visitObjectCreation } from './callSites.js';
import { visitError } from './errorRecovery.js';
import { FieldRules, visitFields } from './fieldVisitor.js';
import { MEMBER_DECLARATION_KINDS, visitMemberDeclaration } from './memberDeclarations.js';
import { noteQueryExpression } from './linqChains.js';
import { forEachChild, visitChildren } from './traversal.js';
import { visitLocalDeclaration } from './stringDeclarations.js';
import { visitParameter } from './parameters.js';
import { TYPE_DECLARATION_KINDS, visitTypeDeclaration } from './typeDeclarations.js';
import { readTypeParameters, withTypeParameters } from './typeParameters.js';
import { recordTypeName, visitType, visitTypeArguments } from './typeReferences.js';
import type { NodeHandler, WalkContext } from './walkContext.js';

const fields =
  (rules: number): NodeHandler =>
  (ctx) =>
    visitFields(ctx, rules);

/** Nodes whose `type` / `returns` child is a type and which declare nothing. */
const TYPE_FIELD_KINDS = [
  'variable_declaration',
  'cast_expression',
  'array_creation_expression',
  'stackalloc_expression',
  'typeof_expression',
  'default_expression',
  'sizeof_expression',
  'refvalue_expression',
  'type_parameter_constraint',
  'type_pattern',
  'lambda_expression',
  'tuple_element',
  'array_type',
  'function_pointer_type',
  'function_pointer_parameter',
  'primary_constructor_base_type',
  'ref_type',
  'scoped_type',
  'nullable_type',
  'pointer_type',
];

/** Nodes whose `name` child declares a value (and whose `type` child is a type). */
const VALUE_DECLARING_KINDS = [
  'parameter_list',
  'bracketed_parameter_list',
  'variable_declarator',
  'catch_declaration',
  'declaration_pattern',
  'declaration_expression',
  'recursive_pattern',
  'list_pattern',
  'var_pattern',
  'tuple_pattern',
  'parenthesized_variable_designation',
  'from_clause',
];

/** Nodes that only hold text: nothing to find below them. */
const OPAQUE_KINDS = [
  'string_literal',
  'verbatim_string_literal',
  'raw_string_literal',
  'character_literal',
  'integer_literal',
  'real_literal',
  'boolean_literal',
  'null_literal',
  'preproc_region',
  'preproc_endregion',
  'preproc_define',
  'preproc_undef',
  'preproc_pragma',
  'preproc_nullable',
  'preproc_error',
  'preproc_warning',
  'preproc_line',
  'extern_alias_directive',
];

/** Local functions: own type parameters; the name is a value (`nameof(Local)`). */
function visitLocalFunction(ctx: WalkContext): void {
  withTypeParameters(ctx, readTypeParameters(ctx), () => visitFields(ctx, FieldRules.NameDeclaresValue));
}

/** A query expression is recorded for the LINQ reader, then walked as any expression. */
function visitQueryExpression(ctx: WalkContext): void {
  noteQueryExpression(ctx);
  visitChildren(ctx);
}

/** Top-level statements see the implicit `string[] args`. */
function visitGlobalStatement(ctx: WalkContext): void {
  ctx.fileScope.declareValue('args');
  visitChildren(ctx);
}

function visitTypeChildren(ctx: WalkContext): void {
  forEachChild(ctx, (kind) => (kind.named ? visitType(ctx) : undefined));
}

function buildHandlers(): ReadonlyMap<string, NodeHandler> {
  const handlers = new Map<string, NodeHandler>();
  for (const kind of TYPE_FIELD_KINDS) handlers.set(kind, fields(FieldRules.None));
  for (const kind of VALUE_DECLARING_KINDS) handlers.set(kind, fields(FieldRules.NameDeclaresValue));
  for (const kind of OPAQUE_KINDS) handlers.set(kind, skip);
  for (const kind of TYPE_DECLARATION_KINDS) handlers.set(kind, visitTypeDeclaration);
  for (const kind of MEMBER_DECLARATION_KINDS) handlers.set(kind, visitMemberDeclaration);

  handlers.set('as_expression', fields(FieldRules.RightIsType));
  handlers.set('is_expression', fields(FieldRules.RightIsType));
  handlers.set('join_clause', fields(FieldRules.BareIdentifierDeclaresValue));
  handlers.set('join_into_clause', fields(FieldRules.BareIdentifierDeclaresValue));
  handlers.set('let_clause', fields(FieldRules.BareIdentifierDeclaresValue));
  handlers.set('implicit_parameter', declareImplicitParameter);
  handlers.set('parameter', visitParameter);
  handlers.set('local_function_statement', visitLocalFunction);
  handlers.set('global_statement', visitGlobalStatement);
  handlers.set('query_expression', visitQueryExpression);

  handlers.set('type_argument_list', visitTypeArguments);
  handlers.set('base_list', visitTypeChildren);
  handlers.set('explicit_interface_specifier', visitTypeChildren);
  handlers.set('qualified_name', (ctx) => void recordTypeName(ctx));
  handlers.set('member_access_expression', visitMemberAccess);
  handlers.set('invocation_expression', visitInvocation);
  handlers.set('object_creation_expression', visitObjectCreation);
  handlers.set('constructor_initializer', visitConstructorInitializer);
  handlers.set('local_declaration_statement', visitLocalDeclaration);
  handlers.set('assignment_expression', visitAssignment);
  handlers.set('constant_pattern', visitConstantPattern);
  handlers.set('is_pattern_expression', visitIsPattern);

  handlers.set('if_statement', asDecision());
  handlers.set('while_statement', asDecision());
  handlers.set('do_statement', asDecision());
  handlers.set('for_statement', asDecision());
  handlers.set('catch_clause', asDecision());
  handlers.set('conditional_expression', asDecision());
  handlers.set('foreach_statement', asDecision(fields(FieldRules.LeftDeclaresValue)));
  handlers.set('switch_section', visitSwitchSection);
  handlers.set('switch_expression_arm', visitSwitchArm);

  handlers.set('using_directive', visitUsingDirective);
  handlers.set('namespace_declaration', visitNamespace);
  handlers.set('file_scoped_namespace_declaration', visitFileScopedNamespace);
  handlers.set('attribute_list', visitAttributeList);
  handlers.set('attribute', visitAttribute);
  handlers.set('comment', visitComment);
  handlers.set('ERROR', visitError);
  handlers.set('preproc_if', visitPreprocessorConditional);
  handlers.set('preproc_elif', visitPreprocessorConditional);
  handlers.set('preproc_if_in_attribute_list', visitPreprocessorConditional);
  return handlers;
}

export const CSHARP_HANDLERS: ReadonlyMap<string, NodeHandler> = buildHandlers();
