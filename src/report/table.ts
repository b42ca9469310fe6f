/** The terminal summary: pure `(result, options) → string`; the CLI prints it. */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { EdgeKind, ScanResult } from '../core/result.js';
import { candidatesSummary } from './candidates.js';
import { decompositionSection } from './decomposition.js';
import { packagesByEcosystem, renderSection, reposByExposure } from './sections.js';
import { inertStrings } from './inertText.js';

export interface TableOptions {
  color: boolean;
  /** Rows in each "top" list. */
  top?: number;
}

export function renderTable(scanned: ScanResult, options: TableOptions): string {
  const result = inertStrings(scanned);
  const c = pc.createColors(options.color);
  const top = options.top ?? 10;
  const style = { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] };
  const out: string[] = [];

  out.push(c.bold(`assess — ${result.root}`));
  const totals = new Table({ style });
  totals.push(
    { Repositories: String(result.stats.repos) },
    { Projects: String(result.stats.projects) },
    { Files: String(result.stats.files) },
    { 'Lines of code': String(result.stats.loc) },
    { Types: String(result.stats.types) },
    { Graph: `${result.stats.nodes} nodes, ${result.stats.edges} edges` },
    { Findings: String(result.stats.findings) },
    { Diagnostics: diagnosticsLine(result) },
    { Elapsed: `${(result.stats.elapsedMs / 1000).toFixed(2)} s` },
  );
  out.push(totals.toString());

  const languages = new Table({ head: ['Language', 'Files', 'LOC'], style, colAligns: ['left', 'right', 'right'] });
  const byLanguage = new Map<string, { files: number; loc: number }>();
  for (const repo of result.repos) {
    for (const [language, s] of Object.entries(repo.languages)) {
      const entry = byLanguage.get(language) ?? { files: 0, loc: 0 };
      entry.files += s.files;
      entry.loc += s.loc;
      byLanguage.set(language, entry);
    }
  }
  for (const [language, s] of [...byLanguage].sort((a, b) => b[1].loc - a[1].loc || b[1].files - a[1].files)) {
    languages.push([language, String(s.files), String(s.loc)]);
  }
  if (byLanguage.size > 0) out.push(languages.toString());

  const repos = new Table({
    head: ['Repository', 'Files', 'LOC', 'Git'],
    style,
    colAligns: ['left', 'right', 'right', 'left'],
  });
  for (const repo of [...result.repos].sort((a, b) => b.loc - a.loc).slice(0, top)) {
    repos.push([repo.name, String(repo.files), String(repo.loc), repo.git ? 'yes' : 'no']);
  }
  out.push(repos.toString());
  if (result.repos.length > top) out.push(c.dim(`… and ${result.repos.length - top} more repositories`));

  for (const [kind, label] of [
    ['project-dep', 'Most depended-on projects'],
    ['namespace-ref', 'Most depended-on namespaces'],
  ] as const) {
    const rows = mostDependedOn(result, kind).slice(0, top);
    if (rows.length === 0) continue;
    const table = new Table({
      head: [label, 'Dependents', 'References'],
      style,
      colAligns: ['left', 'right', 'right'],
    });
    for (const row of rows) table.push([row.name, String(row.dependents), String(row.weight)]);
    out.push(table.toString());
  }

  out.push(...packagesByEcosystem(result, style));
  if (result.decomposition) out.push(...decompositionSection(result.decomposition, c, style, top));
  if (result.candidates?.length) {
    // The pilot and value target are shown wherever they rank, so the rows may exceed `top`.
    const section = candidatesSummary(result.candidates, top);
    out.push(...renderSection(section, c, style, section.rows.length));
  }
  for (const section of result.summaries) out.push(...renderSection(section, c, style, top));
  out.push(...reposByExposure(result.findings, style, top));

  if (result.findings.length > 0) {
    const byRule = new Map<string, number>();
    for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const table = new Table({ head: ['Rule', 'Findings'], style, colAligns: ['left', 'right'] });
    for (const [rule, count] of [...byRule].sort()) table.push([rule, String(count)]);
    out.push(table.toString());
    for (const finding of result.findings.slice(0, top)) {
      const where = [finding.location.repo, finding.location.file].filter(Boolean).join('/');
      const line = finding.location.line ? `:${finding.location.line}` : '';
      out.push(`${severityMark(c, finding.severity)} ${finding.message}\n    ${c.dim(`${where}${line}`)}`);
    }
    if (result.findings.length > top)
      out.push(c.dim(`… and ${result.findings.length - top} more findings (see --json)`));
  }
  return `${out.join('\n')}\n`;
}

function diagnosticsLine(result: ScanResult): string {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const d of result.diagnostics) bySeverity[d.severity]++;
  return `${result.diagnostics.length} (${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} info)`;
}

function mostDependedOn(result: ScanResult, kind: EdgeKind) {
  const names = new Map(result.graph.nodes.map((n) => [n.id, n.name]));
  const byTarget = new Map<string, { dependents: number; weight: number }>();
  for (const edge of result.graph.edges) {
    if (edge.kind !== kind) continue;
    const entry = byTarget.get(edge.to) ?? { dependents: 0, weight: 0 };
    entry.dependents++;
    entry.weight += edge.weight;
    byTarget.set(edge.to, entry);
  }
  return [...byTarget]
    .map(([id, s]) => ({ name: names.get(id) ?? id, ...s }))
    .sort((a, b) => b.dependents - a.dependents || b.weight - a.weight || (a.name < b.name ? -1 : 1));
}

function severityMark(c: ReturnType<typeof pc.createColors>, severity: string): string {
  if (severity === 'error') return c.red('✖');
  if (severity === 'warning') return c.yellow('▲');
  return c.blue('●');
}
