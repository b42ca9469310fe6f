/**
 * Lookups into tables of names keyed by scanned text. A plain object answers
 * `in` and `table[key]` from its prototype too (`hasOwnProperty`, `constructor`,
 * `__proto__`), which turns a name in an estate into a function where a string
 * was expected; only own entries count.
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Whether `key` is one of the table's own names. */
export function hasOwnEntry(table: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(table, key);
}
