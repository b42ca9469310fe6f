/**
 * The URL a C# HTTP call builds, put together from the extractor's URL facts:
 * the argument's shape, the locals and fields it names (same file), the static
 * string helpers it calls (anywhere in the estate, parameters bound to the
 * call's arguments) and string constants. What stays unknown — a configured
 * base (`settings.Value.PurchaseUrl`, `IConfiguration["x"]`), a computed part —
 * becomes a hole `{}`, so a leading one is an unknown host and the path still
 * matches.
 */
import type {
  CSharpCallSite,
  CSharpFileFacts,
  CSharpStringDeclaration,
  CSharpStringMethod,
  CSharpValueShape,
} from '../../core/facts.js';
import type { RepoModel } from '../../core/model.js';

const HOLE = '{}';
/** Helpers calling helpers, values naming values: a few levels, never a cycle. */
const MAX_DEPTH = 6;

interface Helper extends CSharpStringMethod {
  repo: string;
}

interface Scope {
  facts: CSharpFileFacts;
  repo: string;
  ownerType: string | undefined;
  ownerMember: string | undefined;
  /** A helper's parameters, bound to the evaluated arguments. */
  bound?: ReadonlyMap<string, string>;
}

export interface ResolvedUrl {
  text: string;
  /** The argument as written in the call, when it is a name or helper call; else the built text. */
  written: string;
}

export class CSharpUrlResolver {
  private readonly helpers = new Map<string, Helper[]>();
  /** Literal constants, fields and properties by name, for `Routes.Base` read from another class. */
  private readonly constants = new Map<string, CSharpStringDeclaration[]>();

  constructor(repos: readonly RepoModel[]) {
    for (const repo of repos)
      for (const file of repo.files) {
        if (file.facts?.kind !== 'csharp') continue;
        for (const method of file.facts.urls?.stringMethods ?? [])
          push(this.helpers, method.name, { ...method, repo: repo.name });
        for (const declaration of file.facts.stringDeclarations ?? [])
          if (
            declaration.kind !== 'local' &&
            declaration.kind !== 'assignment' &&
            declaration.ownerType &&
            !declaration.value.dynamic
          )
            push(this.constants, declaration.name, declaration);
      }
  }

  /** The URL argument `index` of `call`, or undefined when the file's facts do not say what it is. */
  resolve(call: CSharpCallSite, index: number, facts: CSharpFileFacts, repo: string): ResolvedUrl | undefined {
    const shape = facts.urls?.arguments.find(
      (a) => a.line === call.line && a.column === call.column && a.index === index,
    );
    if (!shape) return undefined;
    const scope: Scope = { facts, repo, ownerType: call.ownerType, ownerMember: call.ownerMember };
    const text = this.evaluate(shape.value, scope, 0);
    // Nothing known but holes (`GetAsync(id)` on a repository): no URL, whatever the method is called.
    if (text.replaceAll(HOLE, '') === '') return undefined;
    const written =
      shape.value.kind === 'name' ? shape.value.text : shape.value.kind === 'call' ? `${shape.value.callee}(…)` : text;
    return { text, written };
  }

  private evaluate(shape: CSharpValueShape, scope: Scope, depth: number): string {
    if (depth > MAX_DEPTH) return HOLE;
    switch (shape.kind) {
      case 'text':
        return shape.text;
      case 'join':
        return shape.parts.map((part) => this.evaluate(part, scope, depth + 1)).join('');
      case 'name':
        return this.named(shape.text, scope, depth);
      case 'call':
        return this.called(shape, scope, depth);
      case 'choice':
        return agreed(shape.options.map((option) => this.evaluate(option, scope, depth + 1)));
      case 'other':
        return HOLE;
    }
  }

  private named(name: string, scope: Scope, depth: number): string {
    const bound = scope.bound?.get(name);
    if (bound !== undefined) return bound;
    if (scope.bound === undefined) {
      const values = (scope.facts.urls?.values ?? []).filter((v) => v.name === name && v.ownerType === scope.ownerType);
      const local = values.filter((v) => v.ownerMember === scope.ownerMember);
      const assigned = local.length > 0 ? local : values;
      // Assigned in several branches (`url = "https://eu…/installations/"` or `"https://us…"`): what they agree on.
      if (assigned.length > 0)
        return agreedUrl(
          assigned.map((v) => this.evaluate(v.value, { ...scope, ownerMember: v.ownerMember }, depth + 1)),
        );
      const declared = sameFileString(scope.facts, name, scope);
      if (declared) return declared.value.text.replaceAll('{…}', HOLE);
    }
    const constant = this.constant(name, scope.ownerType);
    return constant ? constant.value.text : HOLE;
  }

  /** `Version` in its own or an enclosing class, or `Routes.Version` anywhere: a literal constant. */
  private constant(name: string, ownerType: string | undefined): CSharpStringDeclaration | undefined {
    const dot = name.lastIndexOf('.');
    const simple = name.slice(dot + 1);
    const qualifier = dot < 0 ? undefined : name.slice(0, dot);
    // Unqualified: declared in the type or one enclosing it (a nested `Get` helper class reads its outer `ApiUrlBase`).
    const candidates = (this.constants.get(simple) ?? []).filter((c) =>
      qualifier === undefined
        ? ownerType !== undefined && (ownerType === c.ownerType || ownerType.startsWith(`${c.ownerType}.`))
        : endsWithType(c.ownerType!, qualifier),
    );
    return closest(candidates, ownerType);
  }

  private called(call: Extract<CSharpValueShape, { kind: 'call' }>, scope: Scope, depth: number): string {
    const dot = call.callee.lastIndexOf('.');
    const name = call.callee.slice(dot + 1);
    const qualifier = dot < 0 ? undefined : call.callee.slice(0, dot);
    // More parameters than arguments: the rest have defaults (`Items(bool paginated = false)`).
    const candidates = (this.helpers.get(name) ?? []).filter(
      (h) =>
        h.parameters.length >= call.arguments.length &&
        (qualifier === undefined
          ? h.ownerType === scope.ownerType
          : h.ownerType !== undefined && endsWithType(h.ownerType, qualifier)),
    );
    const sameRepo = candidates.filter((h) => h.repo === scope.repo);
    const inRepo = sameRepo.length > 0 ? sameRepo : candidates;
    const exact = inRepo.filter((h) => h.parameters.length === call.arguments.length);
    const helper = closest(exact.length > 0 ? exact : inRepo, scope.ownerType);
    if (!helper) return HOLE;
    const bound = new Map<string, string>();
    helper.parameters.forEach((parameter, i) => {
      const argument = call.arguments[i];
      bound.set(parameter, argument ? this.evaluate(argument, scope, depth + 1) : HOLE);
    });
    return this.evaluate(
      helper.returns,
      { ...scope, ownerType: helper.ownerType, ownerMember: helper.name, bound },
      depth + 1,
    );
  }
}

/** Branches that differ only after the path (`?page=…` or not) agree on it; otherwise nothing is known. */
function agreed(options: string[]): string {
  const paths = new Set(options.map((option) => option.replace(/[?#].*$/, '')));
  return paths.size === 1 ? [...paths][0]! : HOLE;
}

/** One URL when all agree; else the path they share behind different hosts (`{}/installations/`); else a hole. */
function agreedUrl(urls: string[]): string {
  if (new Set(urls).size === 1) return urls[0]!;
  const paths = new Set(urls.map((url) => url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\{\}(?=\/)/, '')));
  return paths.size === 1 ? `${HOLE}${[...paths][0]!}` : HOLE;
}

/** A string declared in the calling file: the same member's first, then the type's, then any. */
function sameFileString(facts: CSharpFileFacts, name: string, scope: Scope): CSharpStringDeclaration | undefined {
  const declared = (facts.stringDeclarations ?? []).filter((d) => d.name === name && !d.appended);
  return (
    declared.find((d) => d.ownerType === scope.ownerType && d.ownerMember === scope.ownerMember) ??
    declared.find((d) => d.ownerType === scope.ownerType && d.kind !== 'local')
  );
}

/** `Shop.Web.Api.Orders` ends with the written `Api.Orders` (or is it). */
function endsWithType(fullName: string, written: string): boolean {
  const bare = written.replace(/^global::/, '');
  return fullName === bare || fullName.endsWith(`.${bare}`);
}

/** The candidate whose type shares the longest namespace prefix with the caller's (two projects may each have a `UrlsConfig`); ties by name. */
function closest<T extends { ownerType?: string; line?: number }>(
  candidates: T[],
  ownerType: string | undefined,
): T | undefined {
  let best: T | undefined;
  let bestShared = -1;
  for (const candidate of candidates) {
    const shared = sharedSegments(candidate.ownerType ?? '', ownerType ?? '');
    if (
      shared > bestShared ||
      (shared === bestShared && best !== undefined && (candidate.ownerType ?? '') < (best.ownerType ?? ''))
    ) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}

function sharedSegments(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
