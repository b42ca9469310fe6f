/** `CREATE INDEX` statements that would serve an unserved access. */
import type { AccessVerdict } from './serve.js';

export function suggestIndexes(verdict: AccessVerdict): string[] {
  const { schema, name } = verdict.table.table;
  const target = `${quote(schema ?? 'dbo')}.${quote(name)}`;
  const statement = (columns: readonly string[]) =>
    `CREATE INDEX ${quote(`IX_${[name, ...columns].join('_').replace(/\W+/g, '')}`)} ON ${target} (${columns.map(quote).join(', ')});`;
  if (verdict.columns.length === 0) return [];
  if (!verdict.anded) return verdict.columns.map((c) => statement([c]));
  // Equality columns lead, then one range column: the shape one seek can use.
  const equality = verdict.equalityColumns.filter((c) => verdict.columns.includes(c));
  const range = verdict.columns.filter((c) => !equality.includes(c));
  return [statement([...equality, ...range.slice(0, 1)].slice(0, 3))];
}

/** Brackets only where T-SQL needs them (spaces, punctuation, leading digit). */
function quote(identifier: string): string {
  return /^[A-Za-z_][\w]*$/.test(identifier) ? identifier : `[${identifier.replace(/]/g, ']]')}]`;
}
