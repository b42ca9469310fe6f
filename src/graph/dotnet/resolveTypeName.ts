/**
 * C# name lookup, approximated from syntax: a name written in a type resolves
 * through its enclosing types, its namespace and each enclosing namespace, the
 * file's using aliases, `using` namespaces (file and project-global) and
 * `using static` types. Dotted names also try shorter prefixes so that
 * `Tax.Rate.Round()` finds the type `Tax`.
 */
import type { CSharpUsing } from '../../core/facts.js';
import type { TypeDeclaration, TypeIndex } from './typeIndex.js';

export interface NameScope {
  /** The referencing type's namespace ('' for global). */
  namespace: string;
  /** Full names of the referencing type and its enclosing types, innermost first. */
  enclosingTypes: readonly string[];
  usings: readonly CSharpUsing[];
  project: string | undefined;
  /** Projects the referencing project can see: its declared dependencies, transitively. */
  visible: ReadonlySet<string>;
  /** Whether a type outside `visible` may be meant (see `ProjectModel.hasUnplacedReferences`). */
  lenient: boolean;
}

export function resolveTypeName(name: string, scope: NameScope, index: TypeIndex): TypeDeclaration | undefined {
  // Only what the project can see, as the compiler would; then, where references
  // point at code the model cannot place, anything. Otherwise a framework `List`
  // would bind to some unrelated estate class named `List`.
  for (const strict of scope.lenient ? [true, false] : [true]) {
    const found =
      resolveWritten(name, scope, index, strict) ?? resolveWritten(`${name}Attribute`, scope, index, strict, false);
    if (found) return found;
  }
  return undefined;
}

/** `[Audit]` names `AuditAttribute`: the extractor strips the suffix, lookup adds it back. */
function resolveWritten(
  name: string,
  scope: NameScope,
  index: TypeIndex,
  strict: boolean,
  prefixes = true,
): TypeDeclaration | undefined {
  const segments = name.split('.');
  if (!prefixes) return resolveExact(segments, scope, index, strict);
  // Longest dotted prefix first: `Harbor.Billing.Invoice.Create` → `…Invoice`.
  for (let length = segments.length; length >= 1; length--) {
    const found = resolveExact(segments.slice(0, length), scope, index, strict);
    if (found) return found;
  }
  return undefined;
}

function resolveExact(
  segments: readonly string[],
  scope: NameScope,
  index: TypeIndex,
  strict: boolean,
): TypeDeclaration | undefined {
  const find = (fullName: string) => index.lookup(fullName, scope.project, scope.visible, strict);
  const [head, ...rest] = segments;
  if (head === undefined) return undefined;
  const tail = rest.length > 0 ? `.${rest.join('.')}` : '';

  const alias = scope.usings.find((u) => u.alias === head);
  if (alias) return find(`${alias.target}${tail}`);

  for (const outer of scope.enclosingTypes) {
    const found = find(`${outer}.${head}${tail}`);
    if (found) return found;
  }
  for (let ns = scope.namespace; ; ns = parentNamespace(ns)) {
    const found = find(ns === '' ? `${head}${tail}` : `${ns}.${head}${tail}`);
    if (found) return found;
    if (ns === '') break;
  }
  for (const using of scope.usings) {
    if (using.alias) continue;
    const found = find(`${using.target}.${head}${tail}`);
    if (found) return found;
  }
  return undefined;
}

function parentNamespace(ns: string): string {
  const dot = ns.lastIndexOf('.');
  return dot < 0 ? '' : ns.slice(0, dot);
}
