/**
 * From Louvain's communities to parts that respect what is known: a community
 * holding units of two deployables or two pin groups is split by them (a unit
 * bound to neither joins the part it is most tied to), every part of one pin
 * group becomes one, and a unit with no edges at all — nothing but its
 * namespace to go by — joins the part holding most of its namespace.
 */
import { compare, type Unit } from './units.js';

export interface Part {
  /** `pin:<group>` or `deploy:<project>`; absent when no member is bound. */
  anchor?: string;
  /** Unit ids, sorted. */
  members: string[];
}

export type Neighbours = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A unit's anchor: its pin group, else its deployable. */
export function anchorOf(unit: Unit, pinGroup: string | undefined): string | undefined {
  if (pinGroup !== undefined) return `pin:${pinGroup}`;
  return unit.deployable ? `deploy:${unit.deployable}` : undefined;
}

export function partition(
  units: readonly Unit[],
  community: ReadonlyMap<string, number>,
  anchors: ReadonlyMap<string, string>,
  neighbours: Neighbours,
  leftOut: ReadonlySet<string>,
): Part[] {
  const byCommunity = new Map<number, string[]>();
  const isolated: Unit[] = [];
  for (const unit of units) {
    if (leftOut.has(unit.id)) continue;
    if (!hasNeighbour(unit.id, neighbours, leftOut) && !anchors.get(unit.id)?.startsWith('pin:')) {
      isolated.push(unit);
      continue;
    }
    const id = community.get(unit.id);
    if (id === undefined) continue;
    const list = byCommunity.get(id) ?? [];
    list.push(unit.id);
    byCommunity.set(id, list);
  }
  const parts: Part[] = [];
  for (const id of [...byCommunity.keys()].sort((a, b) => a - b))
    parts.push(...splitByAnchor(byCommunity.get(id)!, anchors, neighbours));
  const merged = mergePins(parts);
  placeIsolated(isolated, merged, anchors, new Map(units.map((u) => [u.id, u.label])));
  for (const part of merged) part.members.sort(compare);
  return merged.filter((part) => part.members.length > 0);
}

function hasNeighbour(id: string, neighbours: Neighbours, leftOut: ReadonlySet<string>): boolean {
  for (const other of neighbours.get(id)?.keys() ?? []) if (!leftOut.has(other)) return true;
  return false;
}

/** Anchored units stay with their anchor; the others follow their strongest ties, pass by pass. */
function splitByAnchor(members: string[], anchors: ReadonlyMap<string, string>, neighbours: Neighbours): Part[] {
  const present = [...new Set(members.map((m) => anchors.get(m)).filter((a) => a !== undefined))].sort(compare);
  if (present.length <= 1) return [{ ...(present[0] ? { anchor: present[0] } : {}), members: [...members] }];
  const assigned = new Map<string, string>();
  for (const member of members) {
    const anchor = anchors.get(member);
    if (anchor) assigned.set(member, anchor);
  }
  let pending = members.filter((m) => !assigned.has(m));
  for (let pass = 0; pending.length > 0 && pass < 8; pass++) {
    const next: string[] = [];
    for (const member of pending) {
      const ties = new Map<string, number>();
      for (const [other, weight] of neighbours.get(member) ?? []) {
        const anchor = assigned.get(other);
        if (anchor) ties.set(anchor, (ties.get(anchor) ?? 0) + weight);
      }
      const best = strongest(ties);
      if (best) assigned.set(member, best);
      else next.push(member);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  const sizes = new Map<string, number>();
  for (const anchor of assigned.values()) sizes.set(anchor, (sizes.get(anchor) ?? 0) + 1);
  const largest = strongest(sizes)!;
  for (const member of pending) assigned.set(member, largest);
  return present.map((anchor) => ({ anchor, members: members.filter((m) => assigned.get(m) === anchor) }));
}

/** The key with the highest value; ties go to the lowest key. */
export function strongest(values: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestValue = -Infinity;
  for (const [key, value] of values)
    if (value > bestValue || (value === bestValue && best !== undefined && key < best)) {
      best = key;
      bestValue = value;
    }
  return best;
}

function mergePins(parts: Part[]): Part[] {
  const byPin = new Map<string, Part>();
  const out: Part[] = [];
  for (const part of parts) {
    if (!part.anchor?.startsWith('pin:')) {
      out.push(part);
      continue;
    }
    const existing = byPin.get(part.anchor);
    if (existing) existing.members.push(...part.members);
    else {
      byPin.set(part.anchor, part);
      out.push(part);
    }
  }
  return out;
}

/** Isolated units join the part holding most of their label (namespace or folder), else one part per label. */
function placeIsolated(
  isolated: readonly Unit[],
  parts: Part[],
  anchors: ReadonlyMap<string, string>,
  labelOf: ReadonlyMap<string, string>,
): void {
  const byLabel = new Map<string, Map<number, number>>();
  parts.forEach((part, index) => {
    for (const member of part.members) {
      const label = labelOf.get(member) ?? '';
      const counts = byLabel.get(label) ?? new Map<number, number>();
      counts.set(index, (counts.get(index) ?? 0) + 1);
      byLabel.set(label, counts);
    }
  });
  const fresh = new Map<string, Part>();
  for (const unit of isolated) {
    const anchor = anchors.get(unit.id);
    let target: number | undefined;
    let targetCount = 0;
    for (const [index, count] of byLabel.get(unit.label) ?? []) {
      const partAnchor = parts[index]!.anchor;
      if (anchor !== undefined && partAnchor !== undefined && partAnchor !== anchor) continue;
      if (count > targetCount || (count === targetCount && target !== undefined && index < target)) {
        target = index;
        targetCount = count;
      }
    }
    if (target !== undefined) {
      parts[target]!.members.push(unit.id);
      continue;
    }
    const key = `${unit.label}\u0000${anchor ?? ''}`;
    let part = fresh.get(key);
    if (!part) {
      part = { ...(anchor ? { anchor } : {}), members: [] };
      fresh.set(key, part);
      parts.push(part);
    }
    part.members.push(unit.id);
  }
}

/**
 * Fragments — parts of fewer than `minUnits` units that Louvain left loosely
 * tied to a larger part — are no candidate service: each joins the part it is
 * most tied to, where deployables and pins allow. Smallest first, so a
 * fragment can grow another before that one is judged.
 */
export function absorbFragments(
  parts: Part[],
  neighbours: Neighbours,
  minUnits: number,
  deployableOf: (unit: string) => string | undefined,
): Part[] {
  const partOf = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const member of part.members) partOf.set(member, index);
  });
  const deployables = parts.map((part) => new Set(part.members.map(deployableOf).filter((d) => d !== undefined)));
  const order = parts
    .map((part, index) => ({ part, index }))
    .filter(({ part }) => part.members.length < minUnits && !part.anchor?.startsWith('pin:'))
    .sort((a, b) => a.part.members.length - b.part.members.length || compare(a.part.members[0]!, b.part.members[0]!));
  for (const { part, index } of order) {
    if (part.members.length >= minUnits) continue;
    const ties = new Map<string, number>();
    for (const member of part.members)
      for (const [other, weight] of neighbours.get(member) ?? []) {
        const target = partOf.get(other);
        if (target === undefined || target === index || parts[target]!.members.length === 0) continue;
        if (!compatible(deployables[index]!, deployables[target]!) || parts[target]!.anchor?.startsWith('pin:'))
          continue;
        const key = String(target).padStart(9, '0');
        ties.set(key, (ties.get(key) ?? 0) + weight);
      }
    // Tied to nothing that may take it: the largest other part of its own deployable, if any.
    const best = strongest(ties) ?? largestOfDeployable(parts, deployables, index);
    if (best === undefined) continue;
    const target = Number(best);
    for (const member of part.members) partOf.set(member, target);
    parts[target]!.members.push(...part.members);
    for (const d of deployables[index]!) deployables[target]!.add(d);
    part.members = [];
  }
  for (const part of parts) part.members.sort(compare);
  return parts.filter((part) => part.members.length > 0);
}

function largestOfDeployable(
  parts: readonly Part[],
  deployables: readonly ReadonlySet<string>[],
  index: number,
): string | undefined {
  const own = deployables[index]!;
  if (own.size !== 1) return undefined;
  const [deployable] = own;
  let best: number | undefined;
  parts.forEach((part, i) => {
    if (i === index || part.anchor?.startsWith('pin:') || deployables[i]!.size !== 1) return;
    if (!deployables[i]!.has(deployable!)) return;
    if (best === undefined || part.members.length > parts[best]!.members.length) best = i;
  });
  return best === undefined ? undefined : String(best).padStart(9, '0');
}

/** Two parts may merge when at most one deployable is among them. */
function compatible(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  return a.size === 1 && b.size === 1 && [...a][0] === [...b][0];
}
