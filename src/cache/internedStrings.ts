/**
 * Repeated strings of a cached value stored once. A C# file's call sites and
 * string declarations each name their owning type and member, the same few
 * strings hundreds of times (a migration snapshot: the same type 1,500 times):
 * on disk each such field holds an index into the entry's table instead. Read
 * back, every item shares one string, so the entry is smaller to read, to parse
 * and to hold. The field stays where it was, so key order (and the JSON a scan
 * writes) is unchanged.
 */

/** Arrays of `facts` whose items carry repeated strings, and those fields (each a string or absent). */
const INTERNED: readonly (readonly [array: string, fields: readonly string[]])[] = [
  // Method and receiver repeat too: a model snapshot is `b.Property(…)` a thousand times.
  ['callSites', ['ownerType', 'ownerMember', 'method', 'receiver']],
  ['stringDeclarations', ['ownerType', 'ownerMember']],
];

type Item = Record<string, unknown>;

/** A copy of `facts` with the repeated fields as indexes, and their table; `facts` is not changed. */
export function internFacts(facts: unknown): { facts: unknown; strings: string[] } {
  const strings: string[] = [];
  if (!isRecord(facts)) return { facts, strings };
  const index = new Map<string, number>();
  const indexOf = (text: string): number => {
    let at = index.get(text);
    if (at === undefined) {
      at = strings.push(text) - 1;
      index.set(text, at);
    }
    return at;
  };
  const copy: Item = { ...facts };
  for (const [name, fields] of INTERNED) {
    const items = facts[name];
    if (!Array.isArray(items)) continue;
    copy[name] = items.map((item: unknown) => {
      if (!isRecord(item)) return item;
      const out: Item = { ...item };
      for (const field of fields) if (typeof item[field] === 'string') out[field] = indexOf(item[field]);
      return out;
    });
  }
  return { facts: copy, strings };
}

/**
 * Puts the strings back into `facts` (freshly parsed, so changed in place).
 * False when an index is not a valid one of `strings`: the entry is not trusted.
 */
export function restoreFacts(facts: unknown, strings: unknown): boolean {
  if (!isRecord(facts)) return true;
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return false;
  for (const [name, fields] of INTERNED) {
    const items = facts[name];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (!isRecord(item)) continue;
      for (const field of fields) {
        const at = item[field];
        if (at === undefined) continue;
        if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= strings.length) return false;
        item[field] = strings[at];
      }
    }
  }
  return true;
}

function isRecord(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
