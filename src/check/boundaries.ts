/**
 * References lifted to each boundary level: a reference from one unit to
 * another of the same level is a dependency across that boundary. Each
 * dependency keeps the first reference behind it (by repo, file, line) as the
 * place to point at; its identity is its ends and kind only.
 */
import { BOUNDARY_LEVELS, type BoundaryDependency, type BoundaryLevel, dependencyKey } from '../core/check.js';
import type { Location } from '../core/result.js';
import type { Reference } from './references.js';

export interface LocatedDependency extends BoundaryDependency {
  location: Location;
  /** Every file whose references make it, `repo/file`: what `--since` filters on. */
  files: Set<string>;
}

export function boundaryDependencies(
  references: readonly Reference[],
  levels: readonly BoundaryLevel[] = BOUNDARY_LEVELS,
): LocatedDependency[] {
  const byKey = new Map<string, LocatedDependency>();
  for (const reference of references) {
    for (const level of levels) {
      const from = reference.from[level];
      const to = reference.to[level];
      if (!from || !to || from === to) continue;
      const dependency = { level, kind: reference.kind, from, to };
      const key = dependencyKey(dependency);
      const known = byKey.get(key);
      const file = fileOf(reference.location);
      if (!known) {
        byKey.set(key, { ...dependency, location: reference.location, files: new Set(file ? [file] : []) });
        continue;
      }
      if (file) known.files.add(file);
      if (compareLocations(reference.location, known.location) < 0) known.location = reference.location;
    }
  }
  return [...byKey.values()].sort(compareDependencies);
}

export function compareDependencies(a: BoundaryDependency, b: BoundaryDependency): number {
  return (
    BOUNDARY_LEVELS.indexOf(a.level) - BOUNDARY_LEVELS.indexOf(b.level) ||
    cmp(a.from, b.from) ||
    cmp(a.to, b.to) ||
    cmp(a.kind, b.kind)
  );
}

export function compareLocations(a: Location, b: Location): number {
  return cmp(a.repo, b.repo) || cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
}

export const fileOf = (location: Location): string | undefined =>
  location.file ? `${location.repo}/${location.file}` : undefined;

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first of the dependencies that runs between two members of the cycle: one that closes it. */
export function dependencyInCycle<D extends BoundaryDependency>(
  dependencies: readonly D[],
  cycle: { level: BoundaryLevel; members: readonly string[] },
): D | undefined {
  const members = new Set(cycle.members);
  return dependencies.find((d) => d.level === cycle.level && members.has(d.from) && members.has(d.to));
}
