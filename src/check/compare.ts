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
import { type EstateState, findingContent } from './baseline.js';
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
    if (gone.length > 0)
      stale.push({ section: 'dependencies', entry: dependencyKey(d), reason: goneReason(gone), gone });
    else improvements.dependencies.push(d);
  }

  const cycles = compareCycles(
    baseline.cycles.filter((c) => levels.has(c.level)),
    state.cycles.filter((c) => levels.has(c.level)),
  );
  for (const c of cycles.gone) {
    const gone = c.members.filter((unit) => !state.nodes.has(unit));
    if (gone.length > 0) stale.push({ section: 'cycles', entry: cycleKey(c), reason: goneReason(gone), gone });
    else improvements.cycles.push(c);
  }

  const findings = compareFindings(baseline.findings, state);
  improvements.findings.push(...findings.fixed);
  stale.push(...findings.stale);

  return {
    dependencies: current.filter((d) => !known.has(dependencyKey(d))),
    cycles: cycles.added,
    findings: findings.added,
    unchanged: findings.unchanged,
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

/**
 * Findings match by id. One whose file is gone is paired, by rule and message and
 * once only, with a new finding elsewhere (the same finding after a rename, or
 * after its code moved into another file); what is left is fixed (its file still
 * there) or stale (its file gone).
 */
function compareFindings(
  baseline: readonly BaselineFinding[],
  state: EstateState,
): { added: Finding[]; unchanged: Finding[]; fixed: BaselineFinding[]; stale: StaleEntry[] } {
  const accepted = new Set(baseline.map((f) => f.id));
  const found = new Set(state.findings.map((f) => f.id));
  const gone = baseline.filter((f) => !found.has(f.id));
  const inLostFile = new Map<string, BaselineFinding[]>();
  for (const f of gone)
    if (f.content && isLostFile(f.at, state)) inLostFile.set(f.content, [...(inLostFile.get(f.content) ?? []), f]);
  const moved = new Set<BaselineFinding>();
  const added: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const finding of state.findings) {
    if (accepted.has(finding.id)) {
      unchanged.push(finding);
      continue;
    }
    // Into a new file (a rename) or one that had findings already (code folded into it).
    const candidates = inLostFile.get(findingContent(finding));
    const pair = candidates?.find((c) => !moved.has(c));
    if (pair) {
      moved.add(pair);
      unchanged.push(finding);
    } else added.push(finding);
  }
  const fixed: BaselineFinding[] = [];
  const stale: StaleEntry[] = [];
  for (const f of gone) {
    if (moved.has(f)) continue;
    if (isLostFile(f.at, state))
      stale.push({
        section: 'findings',
        entry: `${f.id} ${f.ruleId} ${f.at}`,
        reason: `${f.at} is gone`,
        gone: [f.at],
      });
    else fixed.push(f);
  }
  return { added, unchanged, fixed, stale };
}

/** `at` is `repo/file` or the repo alone: a file the scan no longer has. */
function isLostFile(at: string, state: EstateState): boolean {
  return at.includes('/') && !state.nodes.has(`file:${at}`) && !state.nodes.has(`repo:${at}`);
}

function goneReason(units: readonly string[]): string {
  return `${units.join(', ')} ${units.length === 1 ? 'is' : 'are'} no longer in the estate`;
}
