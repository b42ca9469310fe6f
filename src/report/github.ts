/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`):
 * each new item of a check becomes an annotation on the pull request's diff.
 * Ignored items are left out; improvements and stale entries are notices.
 */
import type { CheckReport } from '../core/check.js';
import type { Severity } from '../core/result.js';
import { checkItems } from './checkItems.js';
import { estatePathResolver, type RepoPaths } from './estatePath.js';
import { inertText } from './inertText.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

export function renderGithubAnnotations(report: CheckReport, repos: RepoPaths): string {
  const pathOf = estatePathResolver(repos);
  const lines: string[] = [];
  for (const item of checkItems(report)) {
    if (item.ignored) continue;
    const properties = [
      ...(item.location?.file ? [`file=${property(pathOf(item.location))}`] : []),
      ...(item.location?.line ? [`line=${item.location.line}`] : []),
      ...(item.location?.column ? [`col=${item.location.column}`] : []),
      `title=${property(`assess ${item.rule}`)}`,
    ];
    lines.push(`::${COMMAND[item.severity]} ${properties.join(',')}::${data(item.message)}`);
  }
  const { dependencies, cycles, findings } = report.improvements;
  if (dependencies.length + cycles.length + findings.length > 0)
    lines.push(
      `::notice title=assess improvements::${data(`${dependencies.length} dependencies, ${cycles.length} cycles and ${findings.length} findings of the baseline are gone; run assess baseline to record them`)}`,
    );
  for (const stale of report.stale)
    lines.push(
      `::notice title=assess stale baseline entry::${data(`${stale.section}: ${stale.entry} (${stale.reason})`)}`,
    );
  for (const note of report.notes) lines.push(`::warning title=assess config::${data(note)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Workflow command escaping: the message may hold any text, property values also no `:` or `,`. */
function data(text: string): string {
  // Newlines are the command's own escapes; other control characters (ESC …) are shown, not sent to the log.
  return (
    text
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => inertText(ch))
  );
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
