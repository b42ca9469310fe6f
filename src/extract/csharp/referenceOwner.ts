import type { CSharpTypeFacts, CSharpTypeReference } from '../../core/facts.js';
import { firstSegment } from './names.js';

interface Tally {
  count: number;
  line: number;
}

/**
 * Collects the references of one type body (or of the file outside any type).
 *
 * Type positions give certain references. Static member access and `nameof`
 * give candidates (`x.Foo()` may name a variable, not a type): a candidate is
 * dropped when its first segment is a value (field, property, local,
 * parameter, …) declared in this owner or an enclosing one. That check runs
 * once the whole file has been walked, because fields may be declared after use.
 */
export class ReferenceOwner {
  private readonly references = new Map<string, Tally>();
  private readonly candidates = new Map<string, Tally>();
  private readonly valueNames = new Set<string>();
  /** Decision points in this owner's own body, nested types excluded. */
  decisions = 0;

  constructor(
    readonly parent: ReferenceOwner | null,
    readonly type: CSharpTypeFacts | null,
  ) {}

  addReference(name: string, line: number): void {
    tally(this.references, name, line);
  }

  addCandidate(name: string, line: number): void {
    tally(this.candidates, name, line);
  }

  declareValue(name: string): void {
    this.valueNames.add(name);
  }

  /** Merged references; call after the walk of the whole file. */
  finishReferences(): CSharpTypeReference[] {
    const merged = new Map<string, Tally & { candidate?: true }>(this.references);
    for (const [name, candidate] of this.candidates) {
      if (this.isValueInScope(firstSegment(name))) continue;
      const known = merged.get(name);
      merged.set(
        name,
        known
          ? { count: known.count + candidate.count, line: Math.min(known.line, candidate.line) }
          : { ...candidate, candidate: true },
      );
    }
    return [...merged]
      .map(([name, { count, line, candidate }]) => ({ name, count, line, ...(candidate ? { candidate } : {}) }))
      .sort((a, b) => a.line - b.line || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private isValueInScope(name: string): boolean {
    for (let owner: ReferenceOwner | null = this; owner; owner = owner.parent) {
      if (owner.valueNames.has(name)) return true;
    }
    return false;
  }
}

function tally(map: Map<string, Tally>, name: string, line: number): void {
  const known = map.get(name);
  if (known) known.count++;
  else map.set(name, { count: 1, line });
}
