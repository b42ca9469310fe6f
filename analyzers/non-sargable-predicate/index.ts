/**
 * non-sargable-predicate: predicates written so that no index can seek on the
 * column — a function around it (`YEAR(col) = 2024`), a leading wildcard
 * (`LIKE '%x'`), or a literal whose type makes SQL Server convert the column
 * (`varchar_col = 5`, `varchar_col = N'x'`), which needs the schema's column type.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { SqlDialect, SqlPredicateLeaf } from '../../src/core/facts/sql.js';
import { displayName } from '../../src/sql/names.js';
import type { TableSchema } from '../../src/sql/schema.js';
import { allLeaves } from '../../src/sql/conditions.js';
import { attributeLeaves } from '../../src/sql/serve.js';

const CHARACTER_TYPES = new Set(['char', 'varchar', 'text', 'nchar', 'nvarchar', 'ntext', 'string']);
const NARROW_CHARACTER_TYPES = new Set(['char', 'varchar', 'text']);

const REASON_TEXT = {
  function: 'wraps the column in a function',
  'leading-wildcard': 'starts its LIKE pattern with a wildcard',
  'implicit-conversion': 'compares the column with a literal of another type, so the column is converted',
} as const;

type Reason = keyof typeof REASON_TEXT;

export type NonSargableData = {
  reason: Reason;
  column: string;
  predicate: string;
  table?: string;
  query: string;
  queryKey: string;
};

export default defineAnalyzer<NonSargableData>()({
  meta: {
    id: 'non-sargable-predicate',
    description:
      'Predicates that keep an index from being used: functions on columns, leading wildcards, implicit conversions.',
    defaultSeverity: 'warning',
    messages: {
      nonSargable: '`{predicate}` {reason}; no index on {column} can be used for it',
    },
    needs: ['sql'],
    docs: 'analyzers/non-sargable-predicate/README.md',
  },
  options: z.object({}).strict(),
  run({ sql, report }) {
    for (const located of sql.queries) {
      if (located.superseded) continue;
      const { query } = located;
      const schema = sql.schemaFor(located);
      for (const block of query.blocks) {
        // A routine is one query of many statements: its findings sit at the statement's line.
        const line = query.routine ? (block.line ?? query.line) : query.line;
        const tables = block.accesses.map((a) => schema?.resolve(a.table, query.dialect));
        const where = block.where ? attributeLeaves(block.where, block, tables) : undefined;
        for (const leaf of allLeaves(where)) {
          const table = leaf.access !== undefined ? tables[leaf.access] : undefined;
          const reason = reasonOf(leaf, table, query.dialect);
          if (!reason) continue;
          const access = leaf.access !== undefined ? block.accesses[leaf.access] : undefined;
          report({
            messageId: 'nonSargable',
            args: { predicate: leaf.text, reason: REASON_TEXT[reason], column: leaf.column },
            location: { repo: located.repo, file: located.file, line, column: line === query.line ? query.column : 1 },
            data: {
              reason,
              column: leaf.column,
              predicate: leaf.text,
              ...(access ? { table: table?.key ?? displayName(access.table) } : {}),
              query: query.text,
              queryKey: located.key,
            },
            identity: [located.repo, located.file, query.text, leaf.text, reason],
          });
        }
      }
    }
  },
});

function reasonOf(leaf: SqlPredicateLeaf, table: TableSchema | undefined, dialect: SqlDialect): Reason | undefined {
  // SQL Server turns `CAST(col AS DATE) = @d` into a range seek on col; other engines scan.
  if (leaf.nonSargable === 'date-cast') return dialect === 'transactsql' ? undefined : 'function';
  if (leaf.nonSargable) return leaf.nonSargable;
  const type = table?.columns.get(leaf.column.toLowerCase())?.type;
  if (!type || leaf.op === 'other') return undefined;
  if (leaf.valueKind === 'number' && CHARACTER_TYPES.has(type)) return 'implicit-conversion';
  if (leaf.valueKind === 'nstring' && NARROW_CHARACTER_TYPES.has(type)) return 'implicit-conversion';
  return undefined;
}
