/**
 * Fan-in hubs: the utility knots every area depends on. What counts is how many
 * distinct areas depend on a node, not how many references it gets: a type used
 * a hundred times by its own namespace is cohesion, a namespace used once by
 * each of forty others is a knot. The areas are the namespaces for a type (its
 * own left out), and the nodes of the same level for a namespace, a project or
 * a repo (Ca).
 */
import { COUPLING_LEVELS, type CouplingFigures, type CouplingUnitLevel, type EstateCoupling } from './coupling.js';

export interface HubThresholds {
  /** Fewer dependent areas than this is never a hub. */
  minDependents: number;
  /** Share of the level's dependent-capable areas (those depending on anything) that must depend on it, 0..1. */
  minShare: number;
  /** How many hubs per level, best first. */
  top: number;
}

export interface FanInHub {
  level: CouplingUnitLevel;
  figures: CouplingFigures;
  /** The distinct areas depending on it (see the module comment). */
  dependentAreas: number;
  /** Areas of the level that depend on anything: what `dependentAreas` is a share of. */
  areas: number;
}

/** Dependent areas of a node at its level. */
export function dependentAreas(level: CouplingUnitLevel, figures: CouplingFigures): number {
  return level === 'type' ? figures.dependentNamespaces : figures.afferent;
}

/** Hubs per level, ranked by dependent areas, then references in, then id; levels in COUPLING_LEVELS order. */
export function fanInHubs(
  coupling: EstateCoupling,
  levels: readonly CouplingUnitLevel[],
  thresholds: HubThresholds,
): FanInHub[] {
  const hubs: FanInHub[] = [];
  for (const level of COUPLING_LEVELS) {
    if (!levels.includes(level)) continue;
    const areaLevel = level === 'type' ? 'namespace' : level;
    const areas = coupling[areaLevel].filter((f) => f.efferent > 0).length;
    const needed = Math.max(thresholds.minDependents, Math.ceil(thresholds.minShare * areas));
    const ranked = coupling[level]
      .map((figures) => ({ level, figures, dependentAreas: dependentAreas(level, figures), areas }))
      .filter((hub) => hub.dependentAreas >= needed)
      .sort(
        (a, b) =>
          b.dependentAreas - a.dependentAreas ||
          b.figures.referencesIn - a.figures.referencesIn ||
          (a.figures.id < b.figures.id ? -1 : a.figures.id > b.figures.id ? 1 : 0),
      );
    hubs.push(...ranked.slice(0, thresholds.top));
  }
  return hubs;
}
