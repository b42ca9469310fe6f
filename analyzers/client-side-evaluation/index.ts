/**
 * client-side-evaluation: EF reads that bring more rows into memory than the
 * code uses — a whole table loaded then filtered or counted in memory, and a
 * query or navigation load run once per loop iteration (N+1). The reads are
 * found by the LINQ reader (src/sql/ef/linqClientSide.ts); this folder says
 * what each costs and how to fix it.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { LinqClientSideRead } from '../../src/core/sqlEstate.js';
import { displayName } from '../../src/sql/names.js';

export type ClientSideEvaluationData = {
  kind: LinqClientSideRead['kind'];
  expression: string;
  operator: string;
  materialiser?: string;
  table?: string;
  loadedAt?: { line: number; column: number };
};

const MESSAGE_OF = {
  'filter-after-load': 'filterAfterLoad',
  'count-after-load': 'countAfterLoad',
  'query-in-loop': 'queryInLoop',
  'load-in-loop': 'loadInLoop',
} as const;

export default defineAnalyzer<ClientSideEvaluationData>()({
  meta: {
    id: 'client-side-evaluation',
    description:
      'EF reads that load a whole table to filter or count it in memory, or query once per loop iteration (N+1).',
    defaultSeverity: 'warning',
    messages: {
      filterAfterLoad:
        '{table} is loaded whole by {materialiser}() and then filtered in memory by {operator}(): move the filter before {materialiser}() so the database applies it',
      countAfterLoad:
        '{table} is loaded whole by {materialiser}() only to be counted ({operator}): count on the query itself (Count()/Any() before {materialiser}()) so the database counts',
      queryInLoop:
        '{table} is queried once per loop iteration ({operator}): load what every iteration needs in one query before the loop (Where(x => keys.Contains(x.Key)), or Include on the query that loads the loop)',
      loadInLoop:
        'A navigation is loaded once per loop iteration ({operator}): Include it in the query that loads the items the loop runs over',
    },
    needs: ['sql'],
    docs: 'analyzers/client-side-evaluation/README.md',
  },
  options: z.object({}).strict(),
  run({ sql, report }) {
    for (const read of sql.linq.clientSide) {
      const table = read.table ? displayName(read.table) : 'the table';
      report({
        messageId: MESSAGE_OF[read.kind],
        args: { table: capitalised(table), materialiser: read.materialiser ?? '', operator: read.operator },
        location: { repo: read.repo, file: read.file, line: read.line, column: read.column },
        ...(read.loadedAt
          ? { related: [{ repo: read.repo, file: read.file, line: read.loadedAt.line, column: read.loadedAt.column }] }
          : {}),
        data: {
          kind: read.kind,
          expression: read.text,
          operator: read.operator,
          ...(read.materialiser ? { materialiser: read.materialiser } : {}),
          ...(read.table ? { table: displayName(read.table) } : {}),
          ...(read.loadedAt ? { loadedAt: read.loadedAt } : {}),
        },
        identity: [read.repo, read.file, read.kind, read.text, read.ownerType ?? '', read.ownerMember ?? ''],
      });
    }
  },
});

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
