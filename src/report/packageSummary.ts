/**
 * The dependency part of the terminal summary: packages and findings by ecosystem
 * and severity, the packages furthest behind, and the repositories most exposed.
 * Pure: reads the result only.
 */
import Table from 'cli-table3';
import type { Finding, ScanResult } from '../core/result.js';

const PACKAGE_RULES = ['outdated-package', 'deprecated-package', 'vulnerable-package', 'eol-framework'] as const;

type TableStyle = { head: string[]; border: string[] };

export function renderPackageSummary(result: ScanResult, style: TableStyle, top: number): string[] {
  const packages = result.graph.nodes.filter((n) => n.kind === 'package');
  if (packages.length === 0) return [];
  const findings = result.findings.filter((f) => (PACKAGE_RULES as readonly string[]).includes(f.ruleId));
  return [byEcosystem(result, findings, style), ...mostBehind(findings, style, top), ...exposure(findings, style, top)];
}

function byEcosystem(result: ScanResult, findings: readonly Finding[], style: TableStyle): string {
  const ecosystemOf = new Map(result.graph.nodes.filter((n) => n.kind === 'package').map((n) => [n.id, String(n.data?.ecosystem ?? '?')]));
  const rows = new Map<string, { packages: number; references: number; outdated: Record<string, number>; deprecated: number; vulnerable: number }>();
  const row = (ecosystem: string) => {
    let entry = rows.get(ecosystem);
    if (!entry) rows.set(ecosystem, (entry = { packages: 0, references: 0, outdated: { error: 0, warning: 0, note: 0 }, deprecated: 0, vulnerable: 0 }));
    return entry;
  };
  for (const ecosystem of ecosystemOf.values()) row(ecosystem).packages++;
  for (const edge of result.graph.edges) if (edge.kind === 'package-ref') row(ecosystemOf.get(edge.to) ?? '?').references++;
  for (const f of findings) {
    const ecosystem = typeof f.data.ecosystem === 'string' ? f.data.ecosystem : undefined;
    if (!ecosystem) continue;
    if (f.ruleId === 'outdated-package') row(ecosystem).outdated[f.severity] = (row(ecosystem).outdated[f.severity] ?? 0) + 1;
    if (f.ruleId === 'deprecated-package') row(ecosystem).deprecated++;
    if (f.ruleId === 'vulnerable-package') row(ecosystem).vulnerable++;
  }
  const table = new Table({
    head: ['Ecosystem', 'Packages', 'References', 'Outdated (error/warning/note)', 'Deprecated', 'Vulnerable'],
    style,
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const [ecosystem, r] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
    table.push([ecosystem, String(r.packages), String(r.references), `${r.outdated.error}/${r.outdated.warning}/${r.outdated.note}`, String(r.deprecated), String(r.vulnerable)]);
  }
  return table.toString();
}

function mostBehind(findings: readonly Finding[], style: TableStyle, top: number): string[] {
  const byPackage = new Map<string, { finding: Finding; repos: Set<string> }>();
  for (const f of findings) {
    if (f.ruleId !== 'outdated-package') continue;
    const key = `${f.data.ecosystem}:${f.data.name}@${f.data.current}`;
    const entry = byPackage.get(key) ?? { finding: f, repos: new Set<string>() };
    entry.repos.add(f.location.repo);
    byPackage.set(key, entry);
  }
  if (byPackage.size === 0) return [];
  const num = (f: Finding, key: string) => (typeof f.data[key] === 'number' ? (f.data[key] as number) : 0);
  const ranked = [...byPackage.entries()].sort(
    ([ka, a], [kb, b]) =>
      num(b.finding, 'majorsBehind') - num(a.finding, 'majorsBehind') ||
      num(b.finding, 'minorsBehind') - num(a.finding, 'minorsBehind') ||
      num(b.finding, 'libyears') - num(a.finding, 'libyears') ||
      (ka < kb ? -1 : 1),
  );
  const table = new Table({ head: ['Most behind', 'In use', 'Latest', 'Majors', 'Minors', 'Years', 'Repos'], style, colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right'] });
  for (const [, { finding, repos }] of ranked.slice(0, top)) {
    const years = finding.data.libyears;
    table.push([
      `${finding.data.name} (${finding.data.ecosystem})`,
      String(finding.data.current),
      String(finding.data.latest),
      String(num(finding, 'majorsBehind')),
      String(num(finding, 'minorsBehind')),
      typeof years === 'number' ? years.toFixed(1) : '',
      String(repos.size),
    ]);
  }
  return [table.toString()];
}

function exposure(findings: readonly Finding[], style: TableStyle, top: number): string[] {
  const repos = new Map<string, { vulnerable: number; deprecated: number; eol: number; outdated: number; maxMajors: number }>();
  for (const f of findings) {
    const entry = repos.get(f.location.repo) ?? { vulnerable: 0, deprecated: 0, eol: 0, outdated: 0, maxMajors: 0 };
    if (f.ruleId === 'vulnerable-package') entry.vulnerable++;
    else if (f.ruleId === 'deprecated-package') entry.deprecated++;
    else if (f.ruleId === 'eol-framework') entry.eol++;
    else {
      entry.outdated++;
      entry.maxMajors = Math.max(entry.maxMajors, typeof f.data.majorsBehind === 'number' ? f.data.majorsBehind : 0);
    }
    repos.set(f.location.repo, entry);
  }
  if (repos.size === 0) return [];
  const ranked = [...repos].sort(
    ([a, x], [b, y]) => y.vulnerable - x.vulnerable || y.deprecated + y.eol - (x.deprecated + x.eol) || y.outdated - x.outdated || (a < b ? -1 : 1),
  );
  const table = new Table({ head: ['Repos by exposure', 'Vulnerable', 'Deprecated', 'End of life', 'Outdated', 'Max majors behind'], style, colAligns: ['left', 'right', 'right', 'right', 'right', 'right'] });
  for (const [repo, r] of ranked.slice(0, top)) table.push([repo, String(r.vulnerable), String(r.deprecated), String(r.eol), String(r.outdated), String(r.maxMajors)]);
  return [table.toString()];
}
