/** `CREATE INDEX` statements that would serve an unserved access. */
import type { AccessVerdict } from './serve.js';

export function suggestIndexes(verdict: AccessVerdict): string[] {
  const { schema, name } = verdict.table.table;
  const target = `${schema ?? 'dbo'}.${name}`;
  const statement = (columns: readonly string[]) => `CREATE INDEX IX_${name}_${columns.join('_')} ON ${target} (${columns.join(', ')});`;
  if (verdict.columns.length === 0) return [];
  if (!verdict.anded) return verdict.columns.map((c) => statement([c]));
  // Equality columns lead, then one range column: the shape one seek can use.
  const equality = verdict.equalityColumns.filter((c) => verdict.columns.includes(c));
  const range = verdict.columns.filter((c) => !equality.includes(c));
  return [statement([...equality, ...range.slice(0, 1)].slice(0, 3))];
}
