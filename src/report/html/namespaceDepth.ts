/**
 * The namespace level kept readable: when an estate has more namespaces (and JS
 * module folders) than a person can read at once, each project's namespaces are
 * rolled up to a common depth below the project's own root namespace
 * (`Bit.Core.Auth.*` for `Bit.Core.Auth.Models` and `Bit.Core.Auth.Services`),
 * the deepest depth that keeps the level under the budget. Chosen from the data,
 * so a small estate keeps every namespace.
 */
import { compare } from './aggregate.js';
import type { UnitIndex, UnitInfo } from './units.js';

/** About what one screen of labelled nodes can show. */
export const READABLE_NODES = 300;

export interface NamespaceRollUp {
  /** Segments kept below each project's common root; undefined when nothing was rolled up. */
  depth?: number;
  /** Namespace units before and after. */
  before: number;
  after: number;
}

interface Rollable {
  unit: UnitInfo;
  parent: string;
  separator: '.' | '/';
  segments: string[];
}

/** Rewrites `index.unitOf.namespace` and adds the group units; returns what it did. */
export function rollUpNamespaces(index: UnitIndex, budget = READABLE_NODES): NamespaceRollUp {
  const used = new Set(index.unitOf.namespace.values());
  const rollable: Rollable[] = [];
  let fixed = 0;
  for (const id of [...used].sort(compare)) {
    const unit = index.units.get(id);
    if (unit?.kind !== 'unit') continue;
    const separator = id.startsWith('namespace:') ? '.' : id.startsWith('module:') ? '/' : undefined;
    if (!separator || !unit.parent || unit.label.startsWith('<')) fixed++;
    else rollable.push({ unit, parent: unit.parent, separator, segments: unit.label.split(separator) });
  }
  const before = fixed + rollable.length;
  if (before <= budget) return { before, after: before };

  const roots = commonRoots(rollable);
  const deepest = Math.max(0, ...rollable.map((r) => r.segments.length - (roots.get(rootKey(r)) ?? 0)));
  const groupsAt = (depth: number): Map<string, Rollable[]> => {
    const groups = new Map<string, Rollable[]>();
    for (const r of rollable) {
      const key = groupKey(r, (roots.get(rootKey(r)) ?? 0) + depth);
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    return groups;
  };
  // The deepest depth under budget; one segment below the root when even that is over.
  let depth = 1;
  for (let d = deepest - 1; d >= 1; d--)
    if (fixed + groupsAt(d).size <= budget) {
      depth = d;
      break;
    }
  const groups = groupsAt(depth);
  const target = new Map<string, string>();
  for (const [key, members] of groups) {
    const first = members[0]!;
    const keep = (roots.get(rootKey(first)) ?? 0) + depth;
    const prefix = first.segments.slice(0, keep).join(first.separator);
    if (members.length === 1 && first.unit.label === prefix) {
      target.set(first.unit.id, first.unit.id);
      continue;
    }
    const id = `namespaces:${key}`;
    index.units.set(id, {
      id,
      label: `${prefix}${first.separator}*`,
      kind: 'unit',
      ...(first.unit.repo ? { repo: first.unit.repo } : {}),
      parent: first.parent,
    });
    for (const m of members) target.set(m.unit.id, id);
  }
  for (const [base, unit] of index.unitOf.namespace) {
    const group = target.get(unit);
    if (group) index.unitOf.namespace.set(base, group);
  }
  return { depth, before, after: fixed + groups.size };
}

const rootKey = (r: Rollable): string => `${r.parent}\u0000${r.separator}`;
/** A namespace of just the prefix joins the group of those below it. */
const groupKey = (r: Rollable, keep: number): string => `${r.parent}/${r.segments.slice(0, keep).join(r.separator)}`;

/** Per project and kind, the segments every one of its namespaces shares: its root namespace (`Bit.Core`). */
function commonRoots(rollable: readonly Rollable[]): Map<string, number> {
  const shared = new Map<string, string[]>();
  for (const r of rollable) {
    const key = rootKey(r);
    const prefix = shared.get(key);
    if (!prefix) shared.set(key, [...r.segments]);
    else {
      let i = 0;
      while (i < prefix.length && i < r.segments.length && prefix[i] === r.segments[i]) i++;
      prefix.length = i;
    }
  }
  return new Map([...shared].map(([key, prefix]) => [key, prefix.length]));
}
