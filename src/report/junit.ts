/**
 * JUnit XML for CI test tabs: one suite per section of the check (new
 * dependencies, cycles, findings), one test case per new item — failed when it
 * fails the check, skipped when an ignore covers it — and a passing case per
 * empty section so a clean check still shows up.
 */
import type { CheckReport } from '../core/check.js';
import { type CheckItem, checkItems } from './checkItems.js';
import { estatePathResolver, type RepoPaths } from './estatePath.js';

const SECTIONS: { section: CheckItem['section']; name: string }[] = [
  { section: 'dependencies', name: 'assess: new dependencies across boundaries' },
  { section: 'cycles', name: 'assess: new or grown cycles' },
  { section: 'findings', name: 'assess: new findings' },
  { section: 'thresholds', name: 'assess: thresholds' },
];

export function renderJunit(report: CheckReport, repos: RepoPaths): string {
  const pathOf = estatePathResolver(repos);
  const items = checkItems(report);
  const suites = SECTIONS.map(({ section, name }) => {
    const own = items.filter((i) => i.section === section);
    const cases = own.map((item) => {
      const where = item.location
        ? `${pathOf(item.location)}${item.location.line ? `:${item.location.line}` : ''}`
        : '';
      const open = `    <testcase classname="${attr(item.rule)}" name="${attr(item.message)}"${item.location?.file ? ` file="${attr(pathOf(item.location))}"` : ''}${item.location?.line ? ` line="${item.location.line}"` : ''}>`;
      const body = item.failing
        ? `\n      <failure type="${attr(item.rule)}" message="${attr(item.message)}">${text(`${item.severity} ${item.rule}: ${item.message}${where ? `\nat ${where}` : ''}`)}</failure>\n    `
        : item.ignored
          ? `\n      <skipped message="${attr(`ignored until ${item.ignored.expires}: ${item.ignored.reason}`)}"/>\n    `
          : '';
      return `${open}${body}</testcase>`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="assess" name="nothing new"></testcase>`);
    const failures = own.filter((i) => i.failing).length;
    const skipped = own.filter((i) => i.ignored).length;
    return `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = items.filter((i) => i.failing).length;
  const total = SECTIONS.reduce(
    (n, { section }) => n + Math.max(1, items.filter((i) => i.section === section).length),
    0,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="assess check ${attr(report.root)}" tests="${total}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** XML 1.0 cannot hold most control characters at all: they are dropped, the rest escaped. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
