import type Parser from 'tree-sitter';
import type { CSharpCallChain } from '../../core/facts.js';
import type { MemberName } from './chains.js';
import { readCalledName, readChainLinks } from './expressionShapes.js';
import { declaredTypeOf } from './linqChains.js';
import { ENTITY_BUILDER_METHOD, isMigrationOperation, isModelConfiguration } from './schemaSyntax.js';
import { spareCursorHere, type WalkContext } from './walkContext.js';

/**
 * Records the whole chain around a call to one of the methods `schemaSyntax.ts`
 * lists (`CreateTable(…).PrimaryKey(…)`, `Entity<User>().HasIndex(…).IsUnique()`),
 * read from the spare cursor once the main walk is done with the call.
 */

/** Taken before a call's callee is walked; `noteSchemaCall` compares it to see an `Entity<T>()` inside the callee. */
export function entityBuilderMark(ctx: WalkContext): number {
  return ctx.schema.entityBuilderCalls;
}

/** Called with the cursor on an invocation just walked, whose callee is `callee`. */
export function noteSchemaCall(ctx: WalkContext, callee: MemberName, mark: number): void {
  const method = callee.name;
  if (method === ENTITY_BUILDER_METHOD) {
    if (callee.written !== method) ctx.schema.entityBuilderCalls++; // generic: `Entity<User>`
    return;
  }
  if (isMigrationOperation(method)) {
    recordChain(ctx);
    return;
  }
  if (!isModelConfiguration(method)) return;
  // `void Configure(EntityTypeBuilder<Order> builder) { builder.HasKey(…); }`: the parameter says which entity.
  const configures = builderEntity(ctx);
  if (configures !== undefined || onEntityBuilder(ctx, mark)) recordChain(ctx, configures);
}

/** The entity of the chain's root when it is declared `EntityTypeBuilder<T>` (EF Core) or `EntityTypeConfiguration<T>` (EF6). */
function builderEntity(ctx: WalkContext): string | undefined {
  const cursor = spareCursorHere(ctx);
  for (;;) {
    const kind = ctx.kinds.current(cursor).name;
    if (kind !== 'invocation_expression' && kind !== 'member_access_expression') break;
    const field = kind === 'invocation_expression' ? 'function' : 'expression';
    if (!cursor.gotoFirstChild()) return undefined;
    while (ctx.kinds.field(cursor) !== field) if (!cursor.gotoNextSibling()) return undefined;
  }
  if (ctx.kinds.current(cursor).name !== 'identifier') return undefined;
  const type = declaredTypeOf(ctx, ctx.text.substring(cursor.startIndex, cursor.endIndex));
  return type === undefined
    ? undefined
    : /^(?:[\w.]+\.)?(?:EntityTypeBuilder|EntityTypeConfiguration)<([\w.]+)>$/.exec(type)?.[1];
}

function onEntityBuilder(ctx: WalkContext, mark: number): boolean {
  return ctx.schema.entityBuilderCalls > mark || ctx.schema.entityConfigurations > 0;
}

function recordChain(ctx: WalkContext, configures?: string): void {
  const cursor = spareCursorHere(ctx);
  climbToChainTop(ctx, cursor);
  const start = cursor.startIndex;
  if (ctx.schema.chainStarts.has(start)) return; // another listed call of the same chain recorded it
  ctx.schema.chainStarts.add(start);
  const chain: CSharpCallChain = { links: readChainLinks(ctx, cursor) };
  if (configures !== undefined) chain.configures = configures;
  const lambdaOf = enclosingLambdaCall(ctx, cursor);
  if (lambdaOf !== undefined) chain.inLambdaOf = lambdaOf;
  ctx.schema.chains.push({ start, chain });
}

/**
 * Up from a call to the outermost call or member access of its chain: the
 * node is the `function` of an invocation or the `expression` of a member
 * access. (`expression` also names the operand of an element access or an
 * `is` pattern: the climb then steps back down.)
 */
function climbToChainTop(ctx: WalkContext, cursor: Parser.TreeCursor): void {
  for (;;) {
    const field = ctx.kinds.field(cursor);
    if (field !== 'function' && field !== 'expression') return;
    const child = cursor.currentDescendantIndex;
    if (!cursor.gotoParent()) return;
    const parent = ctx.kinds.current(cursor).name;
    if (parent === 'invocation_expression' || parent === 'member_access_expression') continue;
    cursor.gotoDescendant(child);
    return;
  }
}

/**
 * The method a lambda is passed to, when the chain under the cursor is that
 * lambda's body or one of its statements: `Map` for `Map(m => m.ToTable(…))`.
 * Moves the cursor up.
 */
function enclosingLambdaCall(ctx: WalkContext, cursor: Parser.TreeCursor): string | undefined {
  const up = (kind: string): boolean => cursor.gotoParent() && ctx.kinds.current(cursor).name === kind;
  const field = ctx.kinds.field(cursor);
  if (!cursor.gotoParent()) return undefined;
  const parent = ctx.kinds.current(cursor).name;
  const inLambda =
    parent === 'lambda_expression'
      ? field === 'body'
      : parent === 'expression_statement' &&
        up('block') &&
        ctx.kinds.field(cursor) === 'body' &&
        up('lambda_expression');
  if (!inLambda || !up('argument') || !up('argument_list') || !up('invocation_expression')) return undefined;
  return readCalledName(ctx, cursor);
}
