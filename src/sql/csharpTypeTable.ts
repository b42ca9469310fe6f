/**
 * The estate's C# types as far as procedure names need them: each type's
 * string-valued members (const, field, property initialisers), its bases
 * resolved by name, and the type arguments a subclass binds
 * (`UserRepository : Repository<User, Guid>` binds T = User). A base or
 * qualifier that names more than one type is not guessed at.
 */
import type { CSharpFileFacts, CSharpStringDeclaration, CSharpTypeFacts } from '../core/facts.js';

/** Type parameter → the type argument written for it, as seen from a concrete subclass. */
export type Bindings = ReadonlyMap<string, string>;

export interface TypeEntry {
  repo: string;
  fullName: string;
  namespace: string;
  typeParameters?: string[];
  bases: string[];
  /** Simple base name → its type arguments as written. */
  baseArguments: Map<string, string[]>;
  members: Map<string, CSharpStringDeclaration>;
}

export interface FoundMember {
  declaration: CSharpStringDeclaration;
  /** The type declaring it, and the bindings of that type's parameters. */
  type: TypeEntry;
  bindings: Bindings;
}

/** Bases followed at most this deep (and never in a cycle). */
const MAX_BASES = 12;
const NO_BINDINGS: Bindings = new Map();

export class CSharpTypeTable {
  private readonly byName = new Map<string, TypeEntry>();
  private readonly bySimpleName = new Map<string, TypeEntry[]>();
  private descendants?: Map<string, { type: TypeEntry; bindings: Bindings }[]>;

  constructor(files: readonly { repo: string; facts: CSharpFileFacts }[]) {
    for (const { repo, facts } of files) {
      for (const type of facts.types) this.addType(repo, type);
      for (const declaration of facts.stringDeclarations) {
        if (declaration.kind === 'local' || declaration.kind === 'assignment' || !declaration.ownerType) continue;
        const owner = this.byName.get(declaration.ownerType);
        if (owner && !owner.members.has(declaration.name)) owner.members.set(declaration.name, declaration);
      }
    }
  }

  get(fullName: string): TypeEntry | undefined {
    return this.byName.get(fullName);
  }

  /** `name` declared by `from` or the nearest base that declares it. */
  member(from: TypeEntry, name: string): FoundMember | undefined {
    for (const { type, bindings } of this.lineage(from)) {
      const declaration = type.members.get(name);
      if (declaration) return { declaration, type, bindings };
    }
    return undefined;
  }

  /** `Constants.Schema`, `Tables.Names.User`: a member of the type the qualifier names, seen from `from`. */
  staticMember(chain: string, from: TypeEntry): FoundMember | undefined {
    const dot = chain.lastIndexOf('.');
    const type = this.resolveName(chain.slice(0, dot), from, undefined);
    return type ? this.member(type, chain.slice(dot + 1)) : undefined;
  }

  /** Every non-generic type deriving from `ancestor`, with the bindings of `ancestor`'s parameters seen from it. */
  descendantsOf(ancestor: TypeEntry): readonly { type: TypeEntry; bindings: Bindings }[] {
    if (!this.descendants) {
      this.descendants = new Map();
      for (const type of this.byName.values()) {
        if (type.typeParameters) continue;
        for (const step of this.lineage(type).slice(1)) {
          const list = this.descendants.get(step.type.fullName) ?? [];
          list.push({ type, bindings: step.bindings });
          this.descendants.set(step.type.fullName, list);
        }
      }
    }
    return this.descendants.get(ancestor.fullName) ?? [];
  }

  /** `from`, its base, its base's base…, each with its parameters' bindings. */
  private lineage(from: TypeEntry): { type: TypeEntry; bindings: Bindings }[] {
    const steps = [{ type: from, bindings: NO_BINDINGS }];
    const seen = new Set([from.fullName]);
    for (let at = 0; at < steps.length && steps.length <= MAX_BASES; at++) {
      const { type, bindings } = steps[at]!;
      for (const written of type.bases) {
        const simple = lastSegment(written);
        const args = type.baseArguments.get(simple) ?? [];
        const base = this.resolveName(written, type, args.length);
        if (!base || seen.has(base.fullName) || base.fullName === type.fullName) continue;
        seen.add(base.fullName);
        const bound = new Map<string, string>();
        base.typeParameters?.forEach((parameter, i) => {
          const arg = args[i];
          if (arg !== undefined) bound.set(parameter, bindings.get(arg) ?? arg);
        });
        steps.push({ type: base, bindings: bound });
      }
    }
    return steps;
  }

  /** The one type a name written in `from` can mean: same repo first, then same namespace; `arity` when known. */
  private resolveName(written: string, from: TypeEntry, arity: number | undefined): TypeEntry | undefined {
    let candidates = (this.bySimpleName.get(lastSegment(written)) ?? []).filter(
      (t) =>
        (t.fullName === written || t.fullName.endsWith(`.${written}`)) &&
        (arity === undefined || (t.typeParameters?.length ?? 0) === arity),
    );
    for (const narrower of [
      (t: TypeEntry) => t.repo === from.repo,
      (t: TypeEntry) => t.namespace === from.namespace,
      (t: TypeEntry) => from.namespace.startsWith(`${t.namespace}.`),
    ]) {
      if (candidates.length <= 1) break;
      const kept = candidates.filter(narrower);
      if (kept.length > 0) candidates = kept;
    }
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  private addType(repo: string, type: CSharpTypeFacts): void {
    const existing = this.byName.get(type.fullName);
    if (existing) {
      // A partial type: its parts add bases.
      for (const base of type.bases) if (!existing.bases.includes(base)) existing.bases.push(base);
      for (const generic of type.genericBases ?? [])
        existing.baseArguments.set(lastSegment(generic.name), generic.arguments);
      return;
    }
    const entry: TypeEntry = {
      repo,
      fullName: type.fullName,
      namespace: type.namespace,
      ...(type.typeParameters ? { typeParameters: type.typeParameters } : {}),
      bases: [...type.bases],
      baseArguments: new Map((type.genericBases ?? []).map((g) => [lastSegment(g.name), g.arguments])),
      members: new Map(),
    };
    this.byName.set(type.fullName, entry);
    const simple = this.bySimpleName.get(type.name) ?? [];
    simple.push(entry);
    this.bySimpleName.set(type.name, simple);
  }
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}
