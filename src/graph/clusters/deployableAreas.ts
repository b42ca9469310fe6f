/**
 * A deployable is split only where it really holds several areas. Louvain cuts
 * a service's project into its folders (view models, validators, integration
 * events) because each is denser than the whole; those are layers of one
 * service, not areas. So the parts of one deployable are merged back, weakest
 * first, until each remaining part is an area of its own: sizeable, and more
 * tied to itself than to its sibling parts. A part tied to its siblings joins
 * the sibling it is most tied to; one tied to none and too small joins the
 * largest sibling. Parts of different deployables never merge here: what is
 * deployed apart is a fact.
 */
import type { Neighbours, Part } from './partition.js';
import { compare } from './units.js';

export interface AreaRules {
  /**
   * A part of fewer units is no area of its own: NED's low end, or the square
   * root of the deployable's units when that is more (the rule of thumb of
   * √n-sized groups: a 30-unit service holds no 5-unit area, a 2,500-unit
   * monolith holds no 20-unit one).
   */
  minUnits: number;
  /**
   * A part whose ties to sibling parts exceed this share of its weight
   * (sibling ties ÷ (its internal weight + sibling ties)) is a layer of its
   * neighbour, not an area of its own.
   */
  maxSiblingShare: number;
}

export const DEFAULT_AREA_RULES: AreaRules = { minUnits: 5, maxSiblingShare: 0.35 };

/** The parts' deployable: the `deploy:` anchor that bound them, else none (a library several use). */
const deployableOfPart = (part: Part) => (part.anchor?.startsWith('deploy:') ? part.anchor : undefined);

/**
 * `areaOf` names the area most of a part's members say they are in (their
 * dominant namespace segment once layer words are set aside), or nothing.
 */
export function mergeLayersOfDeployables(
  parts: Part[],
  neighbours: Neighbours,
  rules: AreaRules,
  areaOf: (members: readonly string[]) => string | undefined,
): Part[] {
  const byDeployable = new Map<string, Part[]>();
  for (const part of parts) {
    const deployable = deployableOfPart(part);
    if (!deployable) continue;
    const list = byDeployable.get(deployable) ?? [];
    list.push(part);
    byDeployable.set(deployable, list);
  }
  for (const deployable of [...byDeployable.keys()].sort(compare))
    settle(byDeployable.get(deployable)!, neighbours, rules, areaOf);
  for (const part of parts) part.members.sort(compare);
  return parts.filter((part) => part.members.length > 0);
}

interface Standing {
  index: number;
  size: number;
  siblingShare: number;
  /** Sibling index → tie weight. */
  ties: Map<number, number>;
}

/** Merges the weakest failing part into its strongest sibling until every part stands as an area (or one is left). */
function settle(
  siblings: Part[],
  neighbours: Neighbours,
  rules: AreaRules,
  areaOf: (members: readonly string[]) => string | undefined,
): void {
  for (;;) {
    const alive = siblings.map((_p, i) => i).filter((i) => siblings[i]!.members.length > 0);
    if (alive.length < 2) return;
    const partOf = new Map<string, number>();
    for (const i of alive) for (const member of siblings[i]!.members) partOf.set(member, i);
    const standings = alive.map((i) => standing(siblings, i, partOf, neighbours));
    const minUnits = Math.max(rules.minUnits, Math.ceil(Math.sqrt(partOf.size)));
    const failing = standings
      .filter((s) => s.size < minUnits || s.siblingShare > rules.maxSiblingShare)
      // Weakest first: the most tied to its siblings, then the smallest, then the first member.
      .sort(
        (a, b) =>
          b.siblingShare - a.siblingShare ||
          a.size - b.size ||
          compare(siblings[a.index]!.members[0]!, siblings[b.index]!.members[0]!),
      );
    const weakest = failing[0];
    if (weakest) {
      const target = strongestTie(weakest.ties) ?? largestOther(siblings, weakest.index);
      siblings[target]!.members.push(...siblings[weakest.index]!.members);
      siblings[weakest.index]!.members = [];
      continue;
    }
    const namesake = sameArea(siblings, alive, areaOf);
    if (!namesake) return;
    siblings[namesake.into]!.members.push(...siblings[namesake.from]!.members);
    siblings[namesake.from]!.members = [];
  }
}

/**
 * Two parts that both say they are the same area (Ordering's commands and its integration events,
 * split by Louvain along the layers) are one: the smaller joins the larger.
 */
function sameArea(
  siblings: readonly Part[],
  alive: readonly number[],
  areaOf: (members: readonly string[]) => string | undefined,
): { from: number; into: number } | undefined {
  const first = new Map<string, number>();
  const bySize = [...alive].sort(
    (a, b) =>
      siblings[b]!.members.length - siblings[a]!.members.length ||
      compare(siblings[a]!.members[0]!, siblings[b]!.members[0]!),
  );
  for (const index of bySize) {
    const area = areaOf(siblings[index]!.members);
    if (area === undefined) continue;
    const into = first.get(area);
    if (into !== undefined) return { from: index, into };
    first.set(area, index);
  }
  return undefined;
}

function standing(
  siblings: readonly Part[],
  index: number,
  partOf: ReadonlyMap<string, number>,
  neighbours: Neighbours,
): Standing {
  let internal = 0;
  let toSiblings = 0;
  const ties = new Map<number, number>();
  for (const member of siblings[index]!.members)
    for (const [other, weight] of neighbours.get(member) ?? []) {
      const at = partOf.get(other);
      if (at === undefined) continue;
      if (at === index) internal += weight / 2;
      else {
        toSiblings += weight;
        ties.set(at, (ties.get(at) ?? 0) + weight);
      }
    }
  const total = internal + toSiblings;
  return {
    index,
    size: siblings[index]!.members.length,
    siblingShare: total > 0 ? toSiblings / total : 0,
    ties,
  };
}

function strongestTie(ties: ReadonlyMap<number, number>): number | undefined {
  let best: number | undefined;
  let bestWeight = 0;
  for (const [index, weight] of [...ties].sort(([a], [b]) => a - b))
    if (weight > bestWeight) {
      best = index;
      bestWeight = weight;
    }
  return best;
}

function largestOther(siblings: readonly Part[], index: number): number {
  let best = -1;
  siblings.forEach((part, i) => {
    if (i === index || part.members.length === 0) return;
    if (best < 0 || part.members.length > siblings[best]!.members.length) best = i;
  });
  return best;
}
