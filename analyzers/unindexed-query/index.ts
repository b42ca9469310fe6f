/**
 * unindexed-query: every query's table access that no index, primary key or
 * unique constraint can serve — a full scan. The serving rules live in
 * src/sql/serve.ts and are spelled out in this folder's README.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import { displayName } from '../../src/sql/names.js';
import { judgeBlock } from '../../src/sql/serve.js';
import { suggestIndexes } from '../../src/sql/suggest.js';

const KIND_LABEL = { where: 'filters on', join: 'is joined on', 'order-by': 'is sorted by', 'group-by': 'is grouped by' } as const;

export default defineAnalyzer({
  meta: {
    id: 'unindexed-query',
    description: 'Queries whose filters, joins or sort no index serves, so the database scans the whole table.',
    defaultSeverity: 'warning',
    messages: {
      unindexed: '{table} {how} {columns}, which no index serves (full scan){closest}',
      orBranch: '{table} is read under an OR whose branches are not all served by an index (full scan){closest}',
    },
    docs: 'analyzers/unindexed-query/README.md',
  },
  options: z.object({}).strict(),
  run({ model, report }) {
    const sql = model.sql;
    if (!sql || sql.schema.size === 0) return;
    for (const located of sql.queries) {
      const { query } = located;
      for (const block of query.blocks) {
        for (const verdict of judgeBlock(block, sql.schema, query.dialect)) {
          if (verdict.served || !verdict.kind) continue;
          const table = displayName(verdict.table.table);
          const closest = verdict.index ? { ...(verdict.index.name ? { name: verdict.index.name } : {}), kind: verdict.index.kind, columns: verdict.index.columns } : undefined;
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
            identity: [located.repo, located.file, query.text, verdict.table.key, verdict.kind, ...verdict.columns],
          });
        }
      }
    }
  },
});
