/**
 * Reading EF's arguments from the expression shapes the C# facts carry
 * (`CSharpExpression`): strings, string lists, the members a key lambda
 * names, and the argument that fills a parameter.
 */
import type { CSharpArgument, CSharpCallChain, CSharpChainLink, CSharpExpression } from '../../core/facts.js';

/** The argument named one of `names`, else the one at `position` if it is not named (C# puts named arguments last). */
export function argument(
  args: readonly CSharpArgument[],
  position: number,
  ...names: string[]
): CSharpExpression | undefined {
  const named = args.find((a) => a.name !== undefined && names.includes(a.name));
  if (named) return named.value;
  const positional = args[position];
  return positional && positional.name === undefined ? positional.value : undefined;
}

/** Whether an argument is named `name`: EF Core's migration API is called with named arguments, EF6's positionally. */
export function hasNamed(args: readonly CSharpArgument[], ...names: string[]): boolean {
  return args.some((a) => a.name !== undefined && names.includes(a.name));
}

/** `"x"`, `@"x"` → x; anything else undefined. */
export function stringValue(expression: CSharpExpression | undefined): string | undefined {
  return expression?.kind === 'string' ? expression.text : undefined;
}

/** `"a"`, `new[] { "a", "b" }`, `new string[] { … }`, `["a", "b"]` → the strings. */
export function stringList(expression: CSharpExpression | undefined): string[] {
  if (expression?.kind === 'string') return [expression.text];
  if (expression?.kind === 'array')
    return expression.items.flatMap((item) => (item.kind === 'string' ? [item.text] : []));
  return [];
}

/** `true` as written. */
export function isTrue(expression: CSharpExpression | undefined): boolean {
  return expression?.kind === 'literal' && expression.text === 'true';
}

/** `t => t.Email` → [Email]; `t => new { t.A, t.B }` → [A, B]; `nameof(X.Email)`, `t.Email` → [Email]. */
export function memberNames(expression: CSharpExpression | undefined): string[] {
  if (!expression) return [];
  const body = expression.kind === 'lambda' ? expression.body : expression;
  if (body?.kind === 'object') return body.members.flatMap((member) => memberName(member.value));
  return body ? memberName(body) : [];
}

/** `x.Email`, `Email`, `nameof(User.Email)` → [Email]. */
function memberName(expression: CSharpExpression): string[] {
  return expression.kind === 'name' || expression.kind === 'nameof' ? [lastSegment(expression.text)] : [];
}

/** `Bit.Core.User` → `User`. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** A call of a chain with the links that follow it: `CreateTable(…)` and its `.PrimaryKey(…).Index(…)`. */
export interface ChainedCall {
  call: CSharpChainLink & { arguments: CSharpArgument[] };
  after: CSharpChainLink[];
}

/** Every call named `method` in the chains, in source order. */
export function callsNamed(chains: readonly CSharpCallChain[], method: string): ChainedCall[] {
  const found: ChainedCall[] = [];
  for (const { links } of chains) {
    links.forEach((link, at) => {
      if (link.name === method && link.arguments !== undefined)
        found.push({ call: { ...link, arguments: link.arguments }, after: links.slice(at + 1) });
    });
  }
  return found;
}

/** The calls of a lambda's body or statements (`table => { table.PrimaryKey(…); }`) named `method`. */
export function lambdaCallsNamed(expression: CSharpExpression | undefined, method: string): ChainedCall[] {
  if (expression?.kind !== 'lambda') return [];
  const parts = expression.statements ?? (expression.body ? [expression.body] : []);
  const chains = parts.flatMap((part) => (part.kind === 'chain' ? [{ links: part.links }] : []));
  return callsNamed(chains, method);
}
