/**
 * unknown-table: tables the code queries that no schema in the estate defines
 * (no .sql script, EF migration or EF model) and no view or function names.
 * Reported once per table, never as
 * unindexed: without a schema nothing can be said about its indexes.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Location } from '../../src/core/result.js';
import { routineNamed } from '../../src/sql/estate.js';
import { displayName, isTransientTable, tableKey } from '../../src/sql/names.js';

export type UnknownTableData = { table: string; queries: number; files: string[] };

export default defineAnalyzer<UnknownTableData>()({
  meta: {
    id: 'unknown-table',
    description: 'Tables that queries use but no schema script, migration or EF model in the estate defines.',
    defaultSeverity: 'note',
    messages: {
      unknown: 'Table {table} is used by {queries} quer{plural} but no schema in the estate defines it',
    },
    needs: ['sql'],
    docs: 'analyzers/unknown-table/README.md',
  },
  options: z.object({}).strict(),
  run({ sql, report }) {
    const unknown = new Map<string, { name: string; uses: Location[]; queries: Set<string> }>();
    for (const located of sql.queries) {
      if (located.superseded) continue;
      const { query } = located;
      const schema = sql.schemaFor(located);
      for (const block of query.blocks) {
        for (const access of block.accesses) {
          if (isTransientTable(access.table) || schema?.resolve(access.table, query.dialect)) continue;
          const key = tableKey(access.table, query.dialect);
          if (query.localTables?.includes(key)) continue; // created by its own script or routine
          if (routineNamed(sql, key)) continue; // a view or table-valued function, defined as a routine
          const entry = unknown.get(key) ?? { name: displayName(access.table), uses: [], queries: new Set<string>() };
          if (!entry.queries.has(located.key))
            entry.uses.push({ repo: located.repo, file: located.file, line: query.line, column: query.column });
          entry.queries.add(located.key);
          unknown.set(key, entry);
        }
      }
    }
    for (const [key, entry] of unknown) {
      const uses = entry.uses.sort(
        (a, b) => cmp(a.repo, b.repo) || cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
      );
      report({
        messageId: 'unknown',
        args: { table: entry.name, queries: entry.queries.size, plural: entry.queries.size === 1 ? 'y' : 'ies' },
        location: uses[0]!,
        related: uses.slice(1, 20),
        data: { table: key, queries: entry.queries.size, files: [...new Set(uses.map((u) => `${u.repo}/${u.file}`))] },
        identity: [key],
      });
    }
  },
});

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
