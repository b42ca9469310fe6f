/**
 * Summary sections as terminal tables: the ones analyzers contributed (rendered
 * without knowing which analyzer made them) and the estate-wide ones built from
 * the graph and the findings alone. Pure: reads the result only.
 */
import Table from 'cli-table3';
import type pc from 'picocolors';
import type { Finding, ScanResult, SummarySection } from '../core/result.js';

export type TableStyle = { head: string[]; border: string[] };
type Colors = ReturnType<typeof pc.createColors>;

export function renderSection(section: SummarySection, c: Colors, style: TableStyle, top: number): string[] {
  const out = section.headline ? [c.bold(section.headline)] : [];
  if (section.rows.length === 0) return out;
  const table = new Table({
    head: section.columns.map((col) => col.label),
    style,
    colAligns: section.columns.map((col) => col.align ?? 'left'),
  });
  for (const row of section.rows.slice(0, top)) table.push(row);
  out.push(table.toString());
  return out;
}

/** Package nodes and `package-ref` edges per ecosystem. */
export function packagesByEcosystem(result: ScanResult, style: TableStyle): string[] {
  const rows = new Map<string, { packages: number; references: number }>();
  const ecosystemOf = new Map<string, string>();
  for (const node of result.graph.nodes) {
    if (node.kind !== 'package') continue;
    const ecosystem = node.data?.ecosystem ?? '?';
    ecosystemOf.set(node.id, ecosystem);
    const row = rows.get(ecosystem) ?? { packages: 0, references: 0 };
    row.packages++;
    rows.set(ecosystem, row);
  }
  if (rows.size === 0) return [];
  for (const edge of result.graph.edges) {
    const row = edge.kind === 'package-ref' ? rows.get(ecosystemOf.get(edge.to) ?? '?') : undefined;
    if (row) row.references++;
  }
  const table = new Table({
    head: ['Ecosystem', 'Packages', 'References'],
    style,
    colAligns: ['left', 'right', 'right'],
  });
  for (const [ecosystem, row] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1)))
    table.push([ecosystem, String(row.packages), String(row.references)]);
  return [table.toString()];
}

/** Repositories by their findings: errors first, then warnings, notes; the rules behind them. */
export function reposByExposure(findings: readonly Finding[], style: TableStyle, top: number): string[] {
  const repos = new Map<string, { error: number; warning: number; note: number; rules: Map<string, number> }>();
  for (const f of findings) {
    const entry = repos.get(f.location.repo) ?? { error: 0, warning: 0, note: 0, rules: new Map<string, number>() };
    entry[f.severity]++;
    entry.rules.set(f.ruleId, (entry.rules.get(f.ruleId) ?? 0) + 1);
    repos.set(f.location.repo, entry);
  }
  if (repos.size === 0) return [];
  const ranked = [...repos].sort(
    ([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.note - x.note || (a < b ? -1 : 1),
  );
  const table = new Table({
    head: ['Repos by exposure', 'Errors', 'Warnings', 'Notes', 'Most found'],
    style,
    colAligns: ['left', 'right', 'right', 'right', 'left'],
  });
  for (const [repo, r] of ranked.slice(0, top)) {
    const rules = [...r.rules]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([rule, n]) => `${rule} ${n}`);
    table.push([repo || '(estate)', String(r.error), String(r.warning), String(r.note), rules.join(', ')]);
  }
  return [table.toString()];
}
