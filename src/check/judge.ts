/**
 * Judging what is new against the rules: forbidden and allowed dependencies,
 * the default new-coupling and new-cycle rules with their thresholds, the
 * finding severity that fails, and ignores (a reason and an expiry date each).
 */
import type { CheckReport, NewCoupling, NewCycle, NewFinding, ThresholdBreach } from '../core/check.js';
import type { Finding, Severity } from '../core/result.js';
import type { IgnoreRule, RulesConfig } from '../config/rules.js';
import { dependencyInCycle, type LocatedDependency } from './boundaries.js';
import type { Comparison } from './compare.js';
import { describeUnit } from './describe.js';
import type { InstabilityRise } from './instability.js';
import { coversKind, type SelectorMatcher } from './selectors.js';
import type { UnitIndex } from './units.js';

export const NEW_COUPLING = 'new-coupling';
export const NEW_CYCLE = 'new-cycle';
export const INSTABILITY = 'instability';

export interface JudgeContext {
  rules: RulesConfig;
  units: UnitIndex;
  matcher: SelectorMatcher;
  /** `YYYY-MM-DD`: ignores that expired before it no longer apply. */
  today: string;
  /** Units the change made too unstable (`rules.instability`). */
  instabilityRises?: readonly InstabilityRise[];
}

export function judge(comparison: Comparison, context: JudgeContext): Omit<CheckReport, 'root' | 'since'> {
  const notes: string[] = [];
  const ignores = activeIgnores(context.rules.ignore, context.today, notes);
  const couplings = comparison.dependencies.map((d) => judgeCoupling(d, context));
  applyMaxNew(couplings, context.rules.newCoupling.maxNew);
  const cycles = comparison.cycles.map(({ cycle, grownFrom }) => {
    const names = cycle.members.map((m) => describeUnit(context.units, m)).join(', ');
    const added = dependencyInCycle(comparison.dependencies, cycle);
    const judged: NewCycle = {
      ...cycle,
      rule: NEW_CYCLE,
      severity: context.rules.cycles.severity,
      message: grownFrom
        ? `Cycle grew to ${cycle.members.length} members (was ${grownFrom.length}): ${names}`
        : `New cycle of ${cycle.members.length} members: ${names}`,
      ...(grownFrom ? { grownFrom } : {}),
      ...(added ? { location: added.location } : {}),
    };
    return judged;
  });
  const findings = comparison.findings.map((finding): NewFinding => {
    const fails = failsAt(finding.severity, context.rules.findings.failOn);
    return { finding, rule: finding.ruleId, severity: fails ? 'error' : demote(finding.severity) };
  });

  const thresholds = (context.instabilityRises ?? []).map((rise): ThresholdBreach => {
    const { level, max, severity } = context.rules.instability!;
    const figure = (n: number) => n.toFixed(2);
    return {
      rule: INSTABILITY,
      severity,
      level,
      unit: rise.unit,
      instability: rise.after,
      ...(rise.before !== undefined ? { before: rise.before } : {}),
      max,
      message: `Instability of ${describeUnit(context.units, rise.unit)} is ${figure(rise.after)}${rise.before !== undefined ? ` (was ${figure(rise.before)})` : ''}, above the maximum ${figure(max)}`,
    };
  });

  for (const item of couplings) applyIgnores(item, ignores, context, { from: item.from, to: item.to });
  for (const item of cycles) applyIgnores(item, ignores, context, { members: item.members });
  for (const item of findings) applyIgnores(item, ignores, context, { finding: item.finding });
  for (const item of thresholds) applyIgnores(item, ignores, context, { members: [item.unit] });

  const failed = [...couplings, ...cycles, ...findings, ...thresholds].some(
    (i) => i.severity === 'error' && !i.ignored,
  );
  return {
    couplings,
    cycles,
    findings,
    thresholds,
    unchanged: comparison.unchanged,
    improvements: comparison.improvements,
    stale: comparison.stale,
    notes,
    failed,
  };
}

function judgeCoupling(d: LocatedDependency, { rules, units, matcher }: JudgeContext): NewCoupling {
  const what = `${d.kind} dependency ${describeUnit(units, d.from)} → ${describeUnit(units, d.to)}`;
  const base = { level: d.level, kind: d.kind, from: d.from, to: d.to, location: d.location };
  const forbidden = rules.forbidden.find(
    (r) => coversKind(r.kinds, d.kind) && matcher.matches(r.from, d.from) && matcher.matches(r.to, d.to),
  );
  if (forbidden)
    return {
      ...base,
      rule: forbidden.name,
      severity: forbidden.severity,
      message: `New ${what} is forbidden by rule ${forbidden.name}${forbidden.comment ? ` (${forbidden.comment})` : ''}`,
    };
  const allowing = rules.allowed.filter((r) => coversKind(r.kinds, d.kind) && matcher.matches(r.from, d.from));
  if (allowing.length > 0) {
    if (allowing.some((r) => matcher.matches(r.to, d.to)))
      return { ...base, rule: NEW_COUPLING, severity: 'note', message: `New ${what} (allowed)` };
    const rule = allowing[0]!;
    return {
      ...base,
      rule: rule.name ?? 'allowed-dependencies',
      severity: rule.severity,
      message: `New ${what} goes outside what ${rule.name ?? 'the allowed rule'} allows (${rule.to.join(', ')})`,
    };
  }
  const fails = rules.levels.includes(d.level);
  return {
    ...base,
    rule: NEW_COUPLING,
    severity: fails ? rules.newCoupling.severity : 'note',
    message: `New ${what} across a ${d.level} boundary`,
  };
}

/** The default rule's threshold: up to `maxNew` new dependencies are let through as warnings. */
function applyMaxNew(couplings: NewCoupling[], maxNew: number): void {
  const counted = couplings.filter((c) => c.rule === NEW_COUPLING && c.severity === 'error');
  if (counted.length === 0 || counted.length > maxNew) return;
  for (const c of counted) {
    c.severity = 'warning';
    c.message += ` (within newCoupling.maxNew ${maxNew})`;
  }
}

function activeIgnores(ignores: readonly IgnoreRule[], today: string, notes: string[]): IgnoreRule[] {
  return ignores.filter((ignore, i) => {
    if (ignore.expires >= today) return true;
    notes.push(`rules.ignore.${i} expired on ${ignore.expires} and no longer applies (${ignore.reason})`);
    return false;
  });
}

type IgnoreTarget = { from: string; to: string } | { members: string[] } | { finding: Finding };

function applyIgnores(
  item: NewCoupling | NewCycle | NewFinding | ThresholdBreach,
  ignores: readonly IgnoreRule[],
  { matcher }: JudgeContext,
  target: IgnoreTarget,
): void {
  const covering = ignores.find((ignore) => {
    if (ignore.rule && ignore.rule !== item.rule) return false;
    if (ignore.finding) return 'finding' in target && target.finding.id === ignore.finding;
    if ('from' in target) return matcher.matches(ignore.from, target.from) && matcher.matches(ignore.to, target.to);
    if ('members' in target)
      return (
        (!ignore.from || target.members.some((m) => matcher.matches(ignore.from, m))) &&
        (!ignore.to || target.members.some((m) => matcher.matches(ignore.to, m)))
      );
    return !ignore.from && !ignore.to;
  });
  if (covering) item.ignored = { reason: covering.reason, expires: covering.expires };
}

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

function failsAt(severity: Severity, failOn: RulesConfig['findings']['failOn']): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

/** A finding below the failing severity is reported at most as a warning. */
function demote(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity;
}
