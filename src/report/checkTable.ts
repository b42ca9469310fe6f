/** The terminal report of `assess check`: what is new, judged, then what improved and what is stale. */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { CheckReport } from '../core/check.js';
import type { Location, Severity } from '../core/result.js';
import { checkItems } from './checkItems.js';
import { inertStrings } from './inertText.js';

export function renderCheckTable(checked: CheckReport, options: { color: boolean }): string {
  const report = inertStrings(checked);
  const c = pc.createColors(options.color);
  const style = { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] };
  const paint = (severity: Severity, ignored: boolean) =>
    ignored
      ? c.dim('ignored')
      : severity === 'error'
        ? c.red(severity)
        : severity === 'warning'
          ? c.yellow(severity)
          : severity;
  const out: string[] = [
    c.bold(`assess check — ${report.root}${report.since ? ` (changes since ${report.since})` : ''}`),
  ];

  if (report.couplings.length > 0) {
    const table = new Table({ head: ['', 'Rule', 'New dependency', 'Where'], style, wordWrap: true });
    for (const item of report.couplings)
      table.push([paint(item.severity, Boolean(item.ignored)), item.rule, item.message, where(item.location)]);
    out.push(c.bold('New dependencies across boundaries'), table.toString());
  }
  if (report.cycles.length > 0) {
    const table = new Table({ head: ['', 'Rule', 'Cycle', 'Where'], style, wordWrap: true });
    for (const item of report.cycles)
      table.push([
        paint(item.severity, Boolean(item.ignored)),
        item.rule,
        item.message,
        item.location ? where(item.location) : '',
      ]);
    out.push(c.bold('New or grown cycles'), table.toString());
  }
  if (report.findings.length > 0) {
    const table = new Table({ head: ['', 'Rule', 'Finding', 'Where'], style, wordWrap: true });
    for (const item of report.findings)
      table.push([
        paint(item.severity, Boolean(item.ignored)),
        item.rule,
        item.finding.message,
        where(item.finding.location),
      ]);
    out.push(c.bold('New findings'), table.toString());
  }
  if (report.thresholds.length > 0) {
    const table = new Table({ head: ['', 'Rule', 'Threshold'], style, wordWrap: true });
    for (const item of report.thresholds)
      table.push([paint(item.severity, Boolean(item.ignored)), item.rule, item.message]);
    out.push(c.bold('Thresholds'), table.toString());
  }
  const { dependencies, cycles, findings } = report.improvements;
  if (dependencies.length + cycles.length + findings.length > 0)
    out.push(
      c.green(
        `Improvements: ${dependencies.length} dependencies, ${cycles.length} cycles and ${findings.length} findings of the baseline are gone — run \`assess baseline\` to record them`,
      ),
    );
  if (report.stale.length > 0) {
    out.push(c.bold(`Stale baseline entries (${report.stale.length}): they match nothing any more`));
    for (const s of report.stale) out.push(`  ${s.section}: ${s.entry} — ${s.reason}`);
  }
  for (const note of report.notes) out.push(c.yellow(`note: ${note}`));
  const failing = checkItems(report).filter((i) => i.failing).length;
  out.push(
    report.failed
      ? c.red(c.bold(`FAIL: ${failing} new ${failing === 1 ? 'item fails' : 'items fail'} the rules`))
      : c.green(c.bold('OK: nothing new fails the rules')),
  );
  return `${out.join('\n')}\n`;
}

function where(location: Location): string {
  return `${location.repo}${location.file ? `/${location.file}` : ''}${location.line ? `:${location.line}` : ''}`;
}
