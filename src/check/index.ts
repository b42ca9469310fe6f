/**
 * `assess baseline` and `assess check` over a scan result: the estate's boundary
 * dependencies, cycles and findings recorded (baseline.ts), compared
 * (compare.ts), limited to what changed files add (`--since`), and judged
 * against the config's rules (judge.ts).
 */
import type { Baseline, CheckReport } from '../core/check.js';
import type { ScanResult } from '../core/result.js';
import type { RulesConfig } from '../config/rules.js';
import { estateState } from './baseline.js';
import { dependencyInCycle, fileOf } from './boundaries.js';
import { type Comparison, compareWithBaseline } from './compare.js';
import { instabilityRises } from './instability.js';
import { judge } from './judge.js';
import { SelectorMatcher } from './selectors.js';
import { UnitIndex } from './units.js';

export { estateState, parseBaseline, renderBaseline, toBaseline } from './baseline.js';
export { changedFilesSince } from './since.js';

export interface CheckOptions {
  rules: RulesConfig;
  today: string;
  /** `--since`: the revision, and the `repo/file` paths changed since it. */
  since?: { revision: string; files: ReadonlySet<string> };
}

export function checkEstate(result: ScanResult, baseline: Baseline, options: CheckOptions): CheckReport {
  const units = new UnitIndex(result);
  const state = estateState(result, undefined, units);
  const comparison = compareWithBaseline(baseline, state);
  const limited = options.since ? limitToChanged(comparison, options.since.files) : comparison;
  const { instability } = options.rules;
  const judged = judge(limited, {
    rules: options.rules,
    units,
    matcher: new SelectorMatcher(units),
    today: options.today,
    ...(instability
      ? { instabilityRises: instabilityRises(baseline.dependencies, state.dependencies, instability) }
      : {}),
  });
  return { root: result.root, ...(options.since ? { since: options.since.revision } : {}), ...judged };
}

/** What the changed files add: dependencies and cycles with a reference in one, findings located in one. */
function limitToChanged(comparison: Comparison, files: ReadonlySet<string>): Comparison {
  const dependencies = comparison.dependencies.filter((d) => [...d.files].some((f) => files.has(f)));
  const cycles = comparison.cycles.filter(({ cycle }) => dependencyInCycle(dependencies, cycle) !== undefined);
  const findings = comparison.findings.filter((f) => {
    const file = fileOf(f.location);
    return file !== undefined && files.has(file);
  });
  return { ...comparison, dependencies, cycles, findings };
}
