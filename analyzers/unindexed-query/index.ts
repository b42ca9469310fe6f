/**
 * unindexed-query: every query's table access that no index, primary key or
 * unique constraint can serve — a full scan. The serving rules live in
 * src/sql/serve.ts and are spelled out in this folder's README.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Finding, SummarySection } from '../../src/core/result.js';
import type { SqlEstate } from '../../src/core/sqlEstate.js';
import { displayName } from '../../src/sql/names.js';
import { describeCoverage, isCounted, sqlCoverage } from '../../src/sql/resultSummary.js';
import { judgeBlock } from '../../src/sql/serve.js';
import { expandQuery } from '../../src/sql/views.js';
import { suggestIndexes } from '../../src/sql/suggest.js';

const KIND_LABEL = {
  where: 'filters on',
  join: 'is joined on',
  'order-by': 'is sorted by',
  'group-by': 'is grouped by',
} as const;

export type UnindexedQueryData = {
  table: string;
  columns: string[];
  kind: keyof typeof KIND_LABEL;
  query: string;
  queryKey: string;
  api: string;
  dynamic: boolean;
  routine?: string;
  predicates?: string[];
  closestIndex?: { name?: string; kind: string; columns: string[] };
  suggestions: string[];
};

export default defineAnalyzer<UnindexedQueryData>()({
  meta: {
    id: 'unindexed-query',
    description: 'Queries whose filters, joins or sort no index serves, so the database scans the whole table.',
    defaultSeverity: 'warning',
    messages: {
      unindexed: '{table} {how} {columns}, which no index serves (full scan){closest}',
      orBranch: '{table} is read under an OR whose branches are not all served by an index (full scan){closest}',
    },
    needs: ['sql'],
    docs: 'analyzers/unindexed-query/README.md',
  },
  options: z
    .object({
      top: z.number().int().min(1).default(10),
      // Migrations run once: a scan there is no index problem. Scripts may be scheduled jobs, so they are judged.
      roles: z
        .array(z.enum(['application', 'routine', 'migration', 'script']))
        .min(1)
        .default(['application', 'routine', 'script']),
    })
    .strict(),
  run({ sql, report, options }) {
    const roles = new Set(options.roles);
    for (const located of sql.queries) {
      const schema = sql.schemaFor(located);
      if (!schema || located.superseded || !roles.has(located.role)) continue;
      const { query } = located;
      // A query reading a view is judged on the view's base tables; each finding once, however many UNION branches lead to it.
      const reported = new Set<string>();
      for (const { block, skip } of expandQuery(query, schema, sql.viewsFor(located)).blocks) {
        for (const verdict of judgeBlock(block, schema, query.dialect)) {
          if (verdict.served || !verdict.kind || skip.has(verdict.access)) continue;
          const identity = [
            located.repo,
            located.file,
            query.text,
            verdict.table.key,
            verdict.kind,
            ...verdict.columns,
          ];
          const once = identity.join('\u0000');
          if (reported.has(once)) continue;
          reported.add(once);
          const table = displayName(verdict.table.table);
          const closest = verdict.index
            ? {
                ...(verdict.index.name ? { name: verdict.index.name } : {}),
                kind: verdict.index.kind,
                columns: verdict.index.columns,
              }
            : undefined;
          report({
            messageId: verdict.columns.length > 0 ? 'unindexed' : 'orBranch',
            args: {
              table,
              how: KIND_LABEL[verdict.kind],
              columns: verdict.columns.join(', '),
              closest: closest ? `; closest index ${closest.name ?? closest.kind} (${closest.columns.join(', ')})` : '',
            },
            location: { repo: located.repo, file: located.file, line: query.line, column: query.column },
            data: {
              table: verdict.table.key,
              columns: verdict.columns,
              kind: verdict.kind,
              query: query.text,
              queryKey: located.key,
              api: query.api,
              dynamic: query.dynamic,
              ...(query.routine ? { routine: query.routine } : {}),
              ...(verdict.predicates.length > 0 ? { predicates: verdict.predicates } : {}),
              ...(closest ? { closestIndex: closest } : {}),
              suggestions: suggestIndexes(verdict),
            },
            identity,
          });
        }
      }
    }
  },
  summarize(findings, { sql, options }) {
    return sql.queries.length > 0 ? [unindexedShare(findings, sql, options.top)] : [];
  },
});

/** The headline (share of queries with a full scan) and the tables with the most unserved predicates. */
/**
 * The headline counts application queries and the current definition of each
 * routine; migration and one-off script statements and superseded routine copies
 * are said apart, and so is what could not be judged (src/sql/resultSummary.ts).
 */
function unindexedShare(findings: readonly Finding<UnindexedQueryData>[], sql: SqlEstate, top: number): SummarySection {
  const coverage = sqlCoverage(sql);
  const counted = new Set(sql.queries.filter(isCounted).map((q) => q.key));
  const queries = coverage.counted;
  const flagged = new Set(findings.map((f) => f.data.queryKey).filter((k) => counted.has(k))).size;
  const migrations = coverage.byRole.migration!;
  const scripts = coverage.byRole.script!;
  const also = [
    scripts > 0 ? `${scripts} script statements` : '',
    migrations > 0 ? `${migrations} migration statements (run once; not judged unless options.roles names them)` : '',
    coverage.superseded > 0 ? `${coverage.superseded} superseded routine copies` : '',
  ].filter(Boolean);
  const blind = sql.schemas.length === 0 ? '; no schema found, so no query was judged' : '';
  const share = queries > 0 ? Math.round((flagged / queries) * 100) : 0;
  const byTable = new Map<string, { unserved: number; suggestions: Map<string, number> }>();
  for (const finding of findings) {
    const entry = byTable.get(finding.data.table) ?? { unserved: 0, suggestions: new Map<string, number>() };
    entry.unserved++;
    for (const suggestion of finding.data.suggestions)
      entry.suggestions.set(suggestion, (entry.suggestions.get(suggestion) ?? 0) + 1);
    byTable.set(finding.data.table, entry);
  }
  const byCount = <K extends string>(a: [K, number], b: [K, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  return {
    title: 'Unindexed queries by table',
    headline: `SQL: ${queries} queries (${coverage.byRole.application} application, ${coverage.byRole.routine} routines), ${flagged} (${share}%) with an unindexed predicate; ${describeCoverage(coverage)}${also.length > 0 ? `; also read: ${also.join(', ')}` : ''}${blind}`,
    columns: [{ label: 'Table' }, { label: 'Unserved', align: 'right' }, { label: 'Suggested index' }],
    rows: [...byTable]
      .sort((a, b) => b[1].unserved - a[1].unserved || (a[0] < b[0] ? -1 : 1))
      .slice(0, top)
      .map(([table, entry]) => [
        table,
        String(entry.unserved),
        [...entry.suggestions]
          .sort(byCount)
          .slice(0, 2)
          .map(([s]) => s)
          .join('\n'),
      ]),
  };
}
