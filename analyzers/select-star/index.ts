/**
 * select-star: queries that select every column (`SELECT *`, `t.*`). They read
 * more than they use, defeat covering indexes, and break when columns change.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';

export type SelectStarData = { query: string; queryKey: string; api: string; routine?: string };

export default defineAnalyzer<SelectStarData>()({
  meta: {
    id: 'select-star',
    description:
      'Queries that select every column with *, which defeats covering indexes and couples code to the table layout.',
    defaultSeverity: 'note',
    messages: {
      selectStar: '{what} selects every column with *: list the columns it uses',
    },
    needs: ['sql'],
    docs: 'analyzers/select-star/README.md',
  },
  options: z.object({}).strict(),
  run({ sql, report }) {
    for (const located of sql.queries) {
      if (located.superseded) continue;
      const { query } = located;
      if (!query.selectStar) continue;
      report({
        messageId: 'selectStar',
        args: { what: query.routine ? `${query.api} ${query.routine}` : 'This query' },
        location: { repo: located.repo, file: located.file, line: query.line, column: query.column },
        data: {
          query: query.text,
          queryKey: located.key,
          api: query.api,
          ...(query.routine ? { routine: query.routine } : {}),
        },
        identity: [located.repo, located.file, query.text],
      });
    }
  },
});
