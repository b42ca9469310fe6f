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
import type { ViewDefinition } from '../../src/core/sqlEstate.js';
import { type AccessVerdict, judgeBlock } from '../../src/sql/serve.js';
import { expandQuery } from '../../src/sql/views.js';
import { suggestIndexes } from '../../src/sql/suggest.js';

const KIND_LABEL = {
  where: 'filters on',
  join: 'is joined on',
  'order-by': 'is sorted by',
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
  /** The view (or inline function) the query reads that the table was reached through. */
  view?: string;
  /** A join gap inside a view, found once: the keys of every query that reads it (the finding's `related` locations). */
  readBy?: string[];
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
      unindexed: '{table}{via} {how} {columns}, which no index serves (full scan){closest}',
      orBranch: '{table}{via} is read under an OR whose branches are not all served by an index (full scan){closest}',
      viewJoin:
        '{table} is joined on {columns} in view {view}, which no index serves (full scan for each of {readers} queries reading it){closest}',
      optionalOnly:
        '{table}{via} is filtered only by predicates an OR makes optional ({predicates}): with a catch-all branch (`@p IS NULL OR …`) or a subquery beside them, no plan seeks on them for every call (full scan)',
      sortedTop:
        '{table}{via} is sorted by {columns} for its first rows (TOP/OFFSET), which no index serves: the whole table is read and sorted; an index on {columns} would make it a short range read{closest}',
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
    // A join inside a view is the same gap for every query reading it: one finding at the view, the readers related.
    const viewGaps = new Map<string, { verdict: AccessVerdict; view: ViewDefinition; readers: Located[] }>();
    const viewOwnGaps = new Map<ViewDefinition, Set<string>>();
    for (const located of sql.queries) {
      const schema = sql.schemaFor(located);
      if (!schema || located.superseded || !roles.has(located.role)) continue;
      const { query } = located;
      // A query reading a view is judged on the view's base tables; each finding once, however many UNION branches lead to it.
      const reported = new Set<string>();
      const views = sql.viewsFor(located);
      // What a view's definition reports on its own (judged as a query of its own): the same gap through a reader is not repeated.
      const ownGapsOf = (view: ViewDefinition): ReadonlySet<string> => {
        let gaps = viewOwnGaps.get(view);
        if (!gaps) {
          gaps = new Set();
          for (const expanded of expandQuery({ ...query, blocks: view.branches }, schema, views).blocks)
            for (const own of judgeBlock(expanded.block, schema, query.dialect))
              if (!own.served && own.kind) gaps.add(gapKey(own));
          viewOwnGaps.set(view, gaps);
        }
        return gaps;
      };
      for (const { block, via, source } of expandQuery(query, schema, views).blocks) {
        // A routine is one query of many statements: its findings sit at the statement's line.
        const line = query.routine ? (block.line ?? query.line) : query.line;
        for (const verdict of judgeBlock(block, schema, query.dialect)) {
          if (verdict.served || !verdict.kind) continue;
          const position = block.accesses.indexOf(verdict.access);
          const view = via[position];
          const home = source[position];
          if (home && ownGapsOf(home).has(gapKey(verdict))) continue;
          if (home && verdict.kind === 'join' && verdict.joinedTo?.every((i) => source[i] === home)) {
            const key = [home.key, verdict.table.key, ...verdict.columns].join('\u0000');
            const gap = viewGaps.get(key) ?? { verdict, view: home, readers: [] };
            const at = { repo: located.repo, file: located.file, line, column: query.column, key: located.key };
            if (!gap.readers.some((r) => r.key === at.key && r.line === at.line)) gap.readers.push(at);
            viewGaps.set(key, gap);
            continue;
          }
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
          const closest = closestOf(verdict);
          report({
            messageId: messageOf(verdict),
            args: {
              table: displayName(verdict.table.table),
              via: view ? ` (through ${view.kind} ${displayName(view.name)})` : '',
              how: KIND_LABEL[verdict.kind],
              columns: verdict.columns.join(', '),
              predicates: verdict.predicates.join(' AND '),
              closest: describeClosest(closest),
            },
            location: { repo: located.repo, file: located.file, line, column: line === query.line ? query.column : 1 },
            data: {
              table: verdict.table.key,
              columns: verdict.columns,
              kind: verdict.kind,
              query: query.text,
              queryKey: located.key,
              api: query.api,
              dynamic: query.dynamic,
              ...(query.routine ? { routine: query.routine } : {}),
              ...(view ? { view: view.key } : {}),
              ...(verdict.predicates.length > 0 ? { predicates: verdict.predicates } : {}),
              ...(closest ? { closestIndex: closest } : {}),
              // An index is no fix for a catch-all: the plan cannot use it for every value.
              suggestions: verdict.optional ? [] : suggestIndexes(verdict),
            },
            identity,
          });
        }
      }
    }
    for (const { verdict, view, readers } of [...viewGaps.values()]) {
      const closest = closestOf(verdict);
      const first = readers[0]!;
      report({
        messageId: 'viewJoin',
        args: {
          table: displayName(verdict.table.table),
          view: displayName(view.name),
          columns: verdict.columns.join(', '),
          readers: String(new Set(readers.map((r) => r.key)).size),
          closest: describeClosest(closest),
        },
        location: { repo: view.repo, file: view.file, line: view.line, column: 1 },
        related: readers.map(({ repo, file, line, column }) => ({ repo, file, line, column })),
        data: {
          table: verdict.table.key,
          columns: verdict.columns,
          kind: 'join',
          query: displayName(view.name),
          queryKey: first.key,
          api: view.kind,
          dynamic: false,
          view: view.key,
          readBy: [...new Set(readers.map((r) => r.key))],
          ...(closest ? { closestIndex: closest } : {}),
          suggestions: suggestIndexes(verdict),
        },
        identity: [view.repo, view.file, view.key, verdict.table.key, 'join', ...verdict.columns],
      });
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
  const flagged = new Set(findings.flatMap((f) => f.data.readBy ?? [f.data.queryKey]).filter((k) => counted.has(k)))
    .size;
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

interface Located {
  repo: string;
  file: string;
  line: number;
  column: number;
  key: string;
}

/** A gap as the table, how it is missed and the columns: the same whoever reads it. */
function gapKey(verdict: AccessVerdict): string {
  return [verdict.table.key, verdict.kind, ...verdict.columns].join('\u0000');
}

function messageOf(verdict: AccessVerdict): 'unindexed' | 'orBranch' | 'sortedTop' | 'optionalOnly' {
  if (verdict.kind === 'order-by') return 'sortedTop';
  if (verdict.optional) return 'optionalOnly';
  return verdict.columns.length > 0 ? 'unindexed' : 'orBranch';
}

function closestOf(verdict: AccessVerdict): UnindexedQueryData['closestIndex'] {
  if (!verdict.index) return undefined;
  return {
    ...(verdict.index.name ? { name: verdict.index.name } : {}),
    kind: verdict.index.kind,
    columns: verdict.index.columns,
  };
}

function describeClosest(closest: UnindexedQueryData['closestIndex']): string {
  return closest ? `; closest index ${closest.name ?? closest.kind} (${closest.columns.join(', ')})` : '';
}
