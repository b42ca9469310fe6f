/**
 * `assess baseline` and `assess check` over a scan result: the estate's boundary
 * dependencies, cycles and findings recorded (baseline.ts), compared
 * (compare.ts), limited to what changed files add (`--since`), and judged
 * against the config's rules (judge.ts).
 */
import type { Baseline, CheckReport, StaleEntry } from '../core/check.js';
import type { ScanResult } from '../core/result.js';
import type { RulesConfig } from '../config/rules.js';
import { estateState } from './baseline.js';
import { dependencyInCycle, fileOf } from './boundaries.js';
import { type Comparison, compareWithBaseline } from './compare.js';
import { instabilityRises } from './instability.js';
import { judge } from './judge.js';
import { SelectorMatcher } from './selectors.js';
import type { ChangedFiles } from './since.js';
import { UnitIndex } from './units.js';

export { estateState, parseBaseline, renderBaseline, toBaseline } from './baseline.js';
export { changedFilesSince } from './since.js';

export interface CheckOptions {
  rules: RulesConfig;
  today: string;
  /** `--since`: the revision, the files changed since it, and the repositories that know it. */
  since?: { revision: string } & Pick<ChangedFiles, 'files' | 'changed' | 'repos'>;
}

export function checkEstate(result: ScanResult, baseline: Baseline, options: CheckOptions): CheckReport {
  // Cluster boundaries are the baseline's: re-clustering the changed estate must not move them.
  const units = new UnitIndex(result, baseline.clusters ?? []);
  const state = estateState(result, undefined, units);
  const comparison = compareWithBaseline(baseline, state);
  const limited = options.since ? limitToChanged(comparison, options.since, units) : comparison;
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
  if (options.rules.levels.includes('cluster') && !baseline.levels.includes('cluster'))
    judged.notes.push(
      'the baseline records no clusters: cluster boundaries were not checked (record it with the decomposition: an analyzer that needs it selected)',
    );
  const hidden = comparison.stale.length - limited.stale.length;
  if (hidden > 0)
    judged.notes.push(
      `--since: ${hidden} stale baseline ${hidden === 1 ? 'entry' : 'entries'} outside ${options.since?.repos.join(', ')} not shown (run without --since to list them)`,
    );
  return { root: result.root, ...(options.since ? { since: options.since.revision } : {}), ...judged };
}

/**
 * What the changed files do: dependencies and cycles they add (a reference in
 * one), findings located in one; improvements of the units they belong to, and
 * stale entries of the repositories that know the revision. A check of one
 * repository's pull request says nothing about the rest of the estate.
 */
function limitToChanged(
  comparison: Comparison,
  since: NonNullable<CheckOptions['since']>,
  units: UnitIndex,
): Comparison {
  const { files } = since;
  const dependencies = comparison.dependencies.filter((d) => [...d.files].some((f) => files.has(f)));
  const cycles = comparison.cycles.filter(({ cycle }) => dependencyInCycle(dependencies, cycle) !== undefined);
  const findings = comparison.findings.filter((f) => {
    const file = fileOf(f.location);
    return file !== undefined && files.has(file);
  });
  const touched = new Set(since.changed.flatMap(({ repo, file }) => Object.values(units.unitsOfFile(repo, file))));
  const improvements = {
    dependencies: comparison.improvements.dependencies.filter((d) => touched.has(d.from)),
    cycles: comparison.improvements.cycles.filter((c) => c.members.some((m) => touched.has(m))),
    findings: comparison.improvements.findings.filter((f) => files.has(f.at)),
  };
  const stale = comparison.stale.filter((entry) => inRepos(entry, since.repos));
  return { ...comparison, dependencies, cycles, findings, improvements, stale };
}

/** Whether a stale entry's gone units (or file) belong to one of the repositories. */
function inRepos(entry: StaleEntry, repos: readonly string[]): boolean {
  return entry.gone.some((unit) =>
    repos.some(
      (repo) =>
        unit === `repo:${repo}` ||
        unit === repo ||
        unit.startsWith(`${repo}/`) ||
        unit.startsWith(`project:${repo}/`) ||
        unit.startsWith(`file:${repo}/`) ||
        unit.startsWith(`module:${repo}/`) ||
        unit === `module:${repo}` ||
        unit.endsWith(`@${repo}`) ||
        unit.includes(`@${repo}/`),
    ),
  );
}
