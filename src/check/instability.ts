/**
 * The instability threshold: Martin's I = Ce / (Ca + Ce) per unit of one level,
 * over code dependencies (references and calls; tables only ever receive). A
 * unit fails when a change lifts its instability above the maximum: one that
 * was already above it and did not rise is the accepted state.
 */
import type { BoundaryDependency, BoundaryLevel } from '../core/check.js';
import { cmp } from './boundaries.js';

const CODE_KINDS = new Set(['reference', 'http', 'grpc']);

export interface InstabilityRise {
  unit: string;
  before?: number;
  after: number;
}

export function instabilityRises(
  baseline: readonly BoundaryDependency[],
  current: readonly BoundaryDependency[],
  threshold: { level: BoundaryLevel; max: number },
): InstabilityRise[] {
  const before = instability(baseline, threshold.level);
  const rises: InstabilityRise[] = [];
  for (const [unit, after] of instability(current, threshold.level)) {
    const was = before.get(unit);
    if (after > threshold.max && (was === undefined || after > was))
      rises.push({ unit, after, ...(was !== undefined ? { before: was } : {}) });
  }
  return rises.sort((a, b) => cmp(a.unit, b.unit));
}

function instability(dependencies: readonly BoundaryDependency[], level: BoundaryLevel): Map<string, number> {
  const outgoing = new Map<string, Set<string>>();
  const incoming = new Map<string, Set<string>>();
  for (const d of dependencies) {
    if (d.level !== level || !CODE_KINDS.has(d.kind)) continue;
    outgoing.set(d.from, (outgoing.get(d.from) ?? new Set()).add(d.to));
    incoming.set(d.to, (incoming.get(d.to) ?? new Set()).add(d.from));
  }
  const figures = new Map<string, number>();
  for (const unit of new Set([...outgoing.keys(), ...incoming.keys()])) {
    const ce = outgoing.get(unit)?.size ?? 0;
    const ca = incoming.get(unit)?.size ?? 0;
    figures.set(unit, ce / (ca + ce));
  }
  return figures;
}
