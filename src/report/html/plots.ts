/**
 * Plot series taken from findings by the shape of their data, never by which
 * analyzer made them: churn × complexity for findings carrying both, years ×
 * majors behind for findings carrying both, and findings naming a table, counted
 * by table and rule.
 */
import type { Finding } from '../../core/result.js';
import type { PlotPoint, Plots, StackedBar } from './reportData.js';
import { compare } from './aggregate.js';

export const TABLE_BARS = 30;

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `tableNames`: table key → the name as the schema writes it (`dbo.orderlines` → `dbo.OrderLines`). */
export function plotsOf(findings: readonly Finding[], tableNames: ReadonlyMap<string, string> = new Map()): Plots {
  const churnComplexity: PlotPoint[] = [];
  const packageAge: PlotPoint[] = [];
  const byTable = new Map<string, Record<string, number>>();
  for (const f of findings) {
    const data = f.data as Record<string, unknown>;
    const churn = num(data.churn);
    const complexity = num(data.complexity);
    if (churn !== undefined && complexity !== undefined) {
      const loc = num(data.loc);
      churnComplexity.push({
        label: [f.location.repo, f.location.file].filter(Boolean).join('/'),
        x: churn,
        y: complexity,
        ...(loc !== undefined ? { size: loc } : {}),
        severity: f.severity,
        repo: f.location.repo,
      });
    }
    const majors = num(data.majorsBehind);
    const years = num(data.libyears) ?? num(data.ageYears);
    if (majors !== undefined && years !== undefined) {
      const name = str(data.name) ?? f.message;
      const versions = [str(data.current), str(data.latest)].filter(Boolean).join(' → ');
      packageAge.push({
        label: versions ? `${name} ${versions}` : name,
        x: years,
        y: majors,
        severity: f.severity,
        repo: f.location.repo,
      });
    }
    const key = str(data.table);
    const table = key && (tableNames.get(key) ?? key);
    if (table) {
      const parts = byTable.get(table) ?? {};
      parts[f.ruleId] = (parts[f.ruleId] ?? 0) + 1;
      byTable.set(table, parts);
    }
  }
  const total = (bar: StackedBar): number => Object.values(bar.parts).reduce((a, b) => a + b, 0);
  const findingsByTable = [...byTable]
    .map(([label, parts]) => ({ label, parts }))
    .sort((a, b) => total(b) - total(a) || compare(a.label, b.label))
    .slice(0, TABLE_BARS);
  const byLabel = (a: PlotPoint, b: PlotPoint): number => compare(a.label, b.label) || a.x - b.x || a.y - b.y;
  return { churnComplexity: churnComplexity.sort(byLabel), packageAge: packageAge.sort(byLabel), findingsByTable };
}
