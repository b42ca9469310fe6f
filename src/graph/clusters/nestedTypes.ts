/**
 * A nested type is part of the type that declares it: `GlobalSettings.SmtpSettings` lives and
 * changes with `GlobalSettings`, whatever the clustering made of its few references. Left alone,
 * the nested classes of a shared settings type (referenced by nothing but it) form a "candidate
 * service" of their own. So each nested type goes where its outermost declaring unit went — the
 * shared layer included — unless a pin placed it.
 */
import { compare } from './units.js';

export interface Shape {
  members: string[];
  shared: boolean;
  anchor?: string;
}

/** The nearest enclosing unit of `type:A.B.C` (`type:A.B` when that is a unit), else none. */
function containerOf(id: string, units: ReadonlySet<string>): string | undefined {
  if (!id.startsWith('type:') || id.includes('@')) return undefined;
  for (let end = id.lastIndexOf('.'); end > 'type:'.length; end = id.lastIndexOf('.', end - 1)) {
    const outer = id.slice(0, end);
    if (units.has(outer)) return outer;
  }
  return undefined;
}

/** Moves nested types to their container's shape; returns the shapes left non-empty. */
export function followContainers<S extends Shape>(shapes: S[], pinned: ReadonlySet<string>): S[] {
  const placeOf = new Map<string, number>();
  shapes.forEach((shape, index) => {
    for (const member of shape.members) placeOf.set(member, index);
  });
  const units = new Set(placeOf.keys());
  // Outer types first, so a type nested two levels deep follows where its container ended up.
  const byDepth = [...units].sort((a, b) => a.length - b.length || compare(a, b));
  let moved = false;
  for (const id of byDepth) {
    if (pinned.has(id)) continue;
    const outer = containerOf(id, units);
    if (outer === undefined) continue;
    const target = placeOf.get(outer)!;
    if (placeOf.get(id) !== target) {
      placeOf.set(id, target);
      moved = true;
    }
  }
  if (!moved) return shapes;
  for (const shape of shapes) shape.members = [];
  for (const [id, index] of placeOf) shapes[index]!.members.push(id);
  for (const shape of shapes) shape.members.sort(compare);
  return shapes.filter((shape) => shape.members.length > 0);
}
