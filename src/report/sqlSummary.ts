/**
 * The SQL part of the terminal summary: how many queries the estate sends, the
 * share with an unindexed predicate (the headline), and the tables with the
 * most unserved predicates with the indexes that would serve them.
 */
import Table from 'cli-table3';
import type pc from 'picocolors';
import type { ScanResult } from '../core/result.js';

export function renderSqlSummary(result: ScanResult, c: ReturnType<typeof pc.createColors>, style: Table.TableConstructorOptions['style'], top: number): string[] {
  const queries = result.sql?.queries ?? [];
  if (queries.length === 0) return [];
  const unindexed = result.findings.filter((f) => f.ruleId === 'unindexed-query');
  const flaggedQueries = new Set(unindexed.map((f) => String(f.data.queryKey)));
  const share = Math.round((flaggedQueries.size / queries.length) * 100);
  const dynamic = queries.filter((q) => q.dynamic).length;
  const unparsed = queries.filter((q) => !q.parsed).length;
  const out = [
    c.bold(`SQL: ${queries.length} queries, ${c.yellow(`${flaggedQueries.size} (${share}%) with an unindexed predicate`)}`) +
      c.dim(` — ${dynamic} dynamic, ${unparsed} partly unparsed`),
  ];
  const byTable = new Map<string, { unserved: number; suggestions: Map<string, number> }>();
  for (const finding of unindexed) {
    const table = String(finding.data.table);
    const entry = byTable.get(table) ?? { unserved: 0, suggestions: new Map<string, number>() };
    entry.unserved++;
    for (const suggestion of (finding.data.suggestions as string[] | undefined) ?? []) entry.suggestions.set(suggestion, (entry.suggestions.get(suggestion) ?? 0) + 1);
    byTable.set(table, entry);
  }
  if (byTable.size === 0) return out;
  const table = new Table({ head: ['Table', 'Unserved', 'Suggested index'], style, colAligns: ['left', 'right', 'left'] });
  const rows = [...byTable].sort((a, b) => b[1].unserved - a[1].unserved || (a[0] < b[0] ? -1 : 1)).slice(0, top);
  for (const [name, entry] of rows) {
    const suggestions = [...entry.suggestions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([s]) => s);
    table.push([name, String(entry.unserved), suggestions.join('\n')]);
  }
  out.push(table.toString());
  return out;
}
