/** The new items of a check as one list, in the report's order, for the line-per-item formats. */
import type { CheckReport } from '../core/check.js';
import type { Location, Severity } from '../core/result.js';

export interface CheckItem {
  section: 'dependencies' | 'cycles' | 'findings' | 'thresholds';
  rule: string;
  severity: Severity;
  message: string;
  location?: Location;
  ignored?: { reason: string; expires: string };
  /** Fails the check: an error no ignore covers. */
  failing: boolean;
}

export function checkItems(report: CheckReport): CheckItem[] {
  const item = (
    section: CheckItem['section'],
    i: { rule: string; severity: Severity; ignored?: CheckItem['ignored'] },
  ) => ({
    section,
    rule: i.rule,
    severity: i.severity,
    ...(i.ignored ? { ignored: i.ignored } : {}),
    failing: i.severity === 'error' && !i.ignored,
  });
  return [
    ...report.couplings.map((c) => ({ ...item('dependencies', c), message: c.message, location: c.location })),
    ...report.cycles.map((c) => ({
      ...item('cycles', c),
      message: c.message,
      ...(c.location ? { location: c.location } : {}),
    })),
    ...report.findings.map((f) => ({
      ...item('findings', f),
      message: f.finding.message,
      location: f.finding.location,
    })),
    ...report.thresholds.map((t) => ({ ...item('thresholds', t), message: t.message })),
  ];
}
