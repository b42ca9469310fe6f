/**
 * Change coupling as code-maat defines it: two entities are coupled by the
 * commits (change sets) they share; the degree is the shared count divided by
 * the average of their revision counts. Change sets bigger than the bulk limit
 * (reformats, mass renames) say nothing about coupling and are dropped entirely,
 * from the revisions too. Pair counting is quadratic only in a change set's size,
 * which that limit bounds.
 */
import { round } from './tally.js';

export interface ChangeSet {
  /** Entity ids changed together (duplicates are ignored). */
  entities: readonly string[];
  /** Labels to report with the pairs this change set supports (ticket keys, `author`). */
  tags?: readonly string[];
  /**
   * Linked by an explicit ticket key shared by its commits: stronger evidence than
   * co-occurrence, so its pairs need not reach `minRevisions` (the guard against
   * chance co-change between rarely changed files).
   */
  explicit?: boolean;
}

export interface CouplingThresholds {
  /** The two entities' average revisions must reach this. */
  minRevisions: number;
  minSharedCommits: number;
  /** 0..1 */
  minDegree: number;
  /** Change sets with more entities than this are ignored. */
  maxChangeSetSize: number;
}

export interface Coupling {
  a: string;
  b: string;
  shared: number;
  revisionsA: number;
  revisionsB: number;
  /** shared / average(revisionsA, revisionsB), 0..1, three decimals. */
  degree: number;
  /** Sorted labels of the change sets behind the pair (at most 10). */
  tags: string[];
}

const MAX_TAGS = 10;

/** Pairs within the thresholds, strongest first; `acceptPair` limits which pairs count (e.g. across repositories). */
export function computeCoupling(
  changeSets: Iterable<ChangeSet>,
  thresholds: CouplingThresholds,
  acceptPair: (a: string, b: string) => boolean = () => true,
): Coupling[] {
  const index = new Map<string, number>();
  const names: string[] = [];
  const revisions: number[] = [];
  const kept: { ids: number[]; tags?: readonly string[]; explicit?: boolean }[] = [];
  for (const set of changeSets) {
    const unique = [...new Set(set.entities)];
    if (unique.length === 0 || unique.length > thresholds.maxChangeSetSize) continue;
    const ids = unique.map((name) => {
      let id = index.get(name);
      if (id === undefined) {
        id = names.length;
        index.set(name, id);
        names.push(name);
        revisions.push(0);
      }
      revisions[id]!++;
      return id;
    });
    if (ids.length > 1)
      kept.push({
        ids: ids.sort((x, y) => compare(names[x]!, names[y]!)),
        ...(set.tags ? { tags: set.tags } : {}),
        ...(set.explicit ? { explicit: true } : {}),
      });
  }

  const n = names.length;
  const shared = new Map<number, number>();
  const accepted = new Map<number, boolean>();
  const explicitPairs = new Set<number>();
  for (const { ids, explicit } of kept) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = ids[i]! * n + ids[j]!;
        let ok = accepted.get(key);
        if (ok === undefined) {
          ok = acceptPair(names[ids[i]!]!, names[ids[j]!]!);
          accepted.set(key, ok);
        }
        if (!ok) continue;
        shared.set(key, (shared.get(key) ?? 0) + 1);
        if (explicit) explicitPairs.add(key);
      }
    }
  }

  const found = new Map<number, Coupling>();
  for (const [key, count] of shared) {
    const a = Math.floor(key / n);
    const b = key % n;
    const average = (revisions[a]! + revisions[b]!) / 2;
    const degree = count / average;
    const byChance = average < thresholds.minRevisions && !explicitPairs.has(key);
    if (byChance || count < thresholds.minSharedCommits || degree < thresholds.minDegree) continue;
    found.set(key, {
      a: names[a]!,
      b: names[b]!,
      shared: count,
      revisionsA: revisions[a]!,
      revisionsB: revisions[b]!,
      degree: round(degree, 3),
      tags: [],
    });
  }
  collectTags(kept, n, found);
  return [...found.values()].sort(
    (x, y) => y.degree - x.degree || y.shared - x.shared || compare(x.a, y.a) || compare(x.b, y.b),
  );
}

/** Second pass, only for reported pairs: which tickets (or `author`) linked them. */
function collectTags(
  kept: { ids: number[]; tags?: readonly string[] }[],
  n: number,
  found: Map<number, Coupling>,
): void {
  if (found.size === 0) return;
  const tags = new Map<number, Set<string>>();
  for (const { ids, tags: setTags } of kept) {
    if (!setTags || setTags.length === 0) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = ids[i]! * n + ids[j]!;
        if (!found.has(key)) continue;
        const bucket = tags.get(key) ?? new Set<string>();
        for (const tag of setTags) bucket.add(tag);
        tags.set(key, bucket);
      }
    }
  }
  for (const [key, bucket] of tags) found.get(key)!.tags = [...bucket].sort().slice(0, MAX_TAGS);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
