/**
 * The current state against the baseline: what is new (dependencies, cycles that
 * appeared or grew, findings), what went away while its units are still there
 * (improvements), and entries whose units are gone (stale: the baseline wants
 * regenerating). Dependencies match by ends and kind, cycles by members, findings by id.
 */
import {
  type Baseline,
  type BaselineFinding,
  type BoundaryCycle,
  type BoundaryDependency,
  cycleKey,
  dependencyKey,
  type StaleEntry,
} from '../core/check.js';
import type { Finding } from '../core/result.js';
import type { EstateState } from './baseline.js';
import type { LocatedDependency } from './boundaries.js';

export interface Comparison {
  dependencies: LocatedDependency[];
  cycles: { cycle: BoundaryCycle; grownFrom?: string[] }[];
  findings: Finding[];
  unchanged: Finding[];
  improvements: { dependencies: BoundaryDependency[]; cycles: BoundaryCycle[]; findings: BaselineFinding[] };
  stale: StaleEntry[];
}

export function compareWithBaseline(baseline: Baseline, state: EstateState): Comparison {
  const levels = new Set(baseline.levels);
  const current = state.dependencies.filter((d) => levels.has(d.level));
  const known = new Set(baseline.dependencies.map(dependencyKey));
  const present = new Set(current.map(dependencyKey));
  const improvements: Comparison['improvements'] = { dependencies: [], cycles: [], findings: [] };
  const stale: StaleEntry[] = [];

  for (const d of baseline.dependencies) {
    if (present.has(dependencyKey(d))) continue;
    const gone = [d.from, d.to].filter((unit) => !state.nodes.has(unit));
    if (gone.length > 0) stale.push({ section: 'dependencies', entry: dependencyKey(d), reason: goneReason(gone) });
    else improvements.dependencies.push(d);
  }

  const cycles = compareCycles(
    baseline.cycles.filter((c) => levels.has(c.level)),
    state.cycles.filter((c) => levels.has(c.level)),
  );
  for (const c of cycles.gone) {
    const gone = c.members.filter((unit) => !state.nodes.has(unit));
    if (gone.length > 0) stale.push({ section: 'cycles', entry: cycleKey(c), reason: goneReason(gone) });
    else improvements.cycles.push(c);
  }

  const accepted = new Set(baseline.findings.map((f) => f.id));
  const found = new Set(state.findings.map((f) => f.id));
  for (const f of baseline.findings) {
    if (found.has(f.id)) continue;
    // `at` is `repo/file` or the repo alone; a finding on a file that is gone cannot be judged fixed.
    if (f.at.includes('/') && !state.nodes.has(`file:${f.at}`))
      stale.push({ section: 'findings', entry: `${f.id} ${f.ruleId} ${f.at}`, reason: `${f.at} is gone` });
    else improvements.findings.push(f);
  }

  return {
    dependencies: current.filter((d) => !known.has(dependencyKey(d))),
    cycles: cycles.added,
    findings: state.findings.filter((f) => !accepted.has(f.id)),
    unchanged: state.findings.filter((f) => accepted.has(f.id)),
    improvements,
    stale,
  };
}

/**
 * A current cycle equal to a baseline one is accepted, one inside a baseline
 * cycle is what is left of it; one holding members no baseline cycle of its
 * level had is new, or grown from the baseline cycle it shares most members with.
 */
function compareCycles(
  baseline: readonly BoundaryCycle[],
  current: readonly BoundaryCycle[],
): { added: Comparison['cycles']; gone: BoundaryCycle[] } {
  const added: Comparison['cycles'] = [];
  const kept = new Set<string>();
  for (const cycle of current) {
    const members = new Set(cycle.members);
    const sameLevel = baseline.filter((b) => b.level === cycle.level);
    const equal = sameLevel.find((b) => cycleKey(b) === cycleKey(cycle));
    if (equal) {
      kept.add(cycleKey(equal));
      continue;
    }
    const containing = sameLevel.find((b) => {
      const within = new Set(b.members);
      return cycle.members.every((m) => within.has(m));
    });
    if (containing) continue;
    let best: BoundaryCycle | undefined;
    let overlap = 0;
    for (const b of sameLevel) {
      const shared = b.members.filter((m) => members.has(m)).length;
      if (shared > overlap) [best, overlap] = [b, shared];
    }
    if (best) kept.add(cycleKey(best));
    added.push(best ? { cycle, grownFrom: best.members } : { cycle });
  }
  return { added, gone: baseline.filter((b) => !kept.has(cycleKey(b))) };
}

function goneReason(units: readonly string[]): string {
  return `${units.join(', ')} ${units.length === 1 ? 'is' : 'are'} no longer in the estate`;
}
