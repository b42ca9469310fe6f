/**
 * Identifiers that sit in type positions without naming a user type. The
 * grammar parses these contextual keywords as plain identifiers; the real
 * keywords (`int`, `string`, …) arrive as `predefined_type` and never get here.
 */
const NOT_TYPE_NAMES = new Set(['dynamic', 'var', 'unmanaged', 'notnull', 'nint', 'nuint', '_']);

export function isNotTypeName(name: string): boolean {
  return NOT_TYPE_NAMES.has(name);
}

/** `global::A . B` → `A.B`; `Ali::X` → `Ali.X`. Generic arguments are kept. */
export function normalizeName(written: string): string {
  let name = written.replace(/\s+/g, '');
  if (name.startsWith('global::')) name = name.slice('global::'.length);
  return name.replace('::', '.');
}

/** `ObsoleteAttribute` → `Obsolete`, `Mvc.RouteAttribute` → `Mvc.Route`; a bare `Attribute` stays. */
export function stripAttributeSuffix(name: string): string {
  const suffix = 'Attribute';
  if (!name.endsWith(suffix)) return name;
  const stem = name.slice(0, -suffix.length);
  return stem === '' || stem.endsWith('.') ? name : stem;
}

/** First segment of a dotted name. */
export function firstSegment(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}
