/**
 * Adjusted Rand index (Hubert & Arabie): how far two partitions of the same
 * items agree, corrected for chance — 1 is the same partition, about 0 what
 * random labels give. Used to compare a clustering with areas written down by
 * people, over the items both label.
 */
export function adjustedRandIndex(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const items = [...a.keys()].filter((item) => b.has(item));
  const n = items.length;
  if (n < 2) return 1;
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const contingency = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  for (const item of items) {
    const x = a.get(item)!;
    const y = b.get(item)!;
    const cell = `${x}\u0000${y}`;
    contingency.set(cell, (contingency.get(cell) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    columns.set(y, (columns.get(y) ?? 0) + 1);
  }
  let index = 0;
  for (const count of contingency.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of rows.values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of columns.values()) columnPairs += pairs(count);
  const expected = (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
