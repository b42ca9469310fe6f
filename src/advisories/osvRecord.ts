/**
 * One OSV record (https://ossf.github.io/osv-schema/) reduced to what matching
 * needs, and the schema's range evaluation: events sorted by version, `introduced`
 * switches affected on, `fixed` (at or above) and `last_affected` (above) switch it off.
 */
import type { Severity } from '../core/result.js';
import type { Advisory, Ecosystem } from '../core/packages.js';
import { versionScheme } from '../packages/versionScheme.js';
import { ownEntry } from '../core/ownEntry.js';

export type { Advisory } from '../core/packages.js';

export interface AffectedPackage {
  advisory: Advisory;
  ecosystem: Ecosystem;
  name: string;
  ranges: { type: 'SEMVER' | 'ECOSYSTEM'; events: RangeEvent[] }[];
  versions: string[];
  /** Versions in which it is fixed, for the message. */
  fixed: string[];
}

type RangeEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

const ECOSYSTEMS: Record<string, Ecosystem> = { npm: 'npm', NuGet: 'nuget' };
const SEVERITY: Record<string, Severity> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MODERATE: 'warning',
  MEDIUM: 'warning',
  LOW: 'note',
};

/** `undefined` with a reason when the record is not usable; an empty list when it concerns other ecosystems or is withdrawn. */
export function readOsvRecord(json: unknown): AffectedPackage[] | string {
  if (!isObject(json) || typeof json.id !== 'string') return 'not an OSV record (no "id")';
  if (!Array.isArray(json.affected)) return `${json.id}: no "affected" list`;
  if (json.withdrawn) return [];
  const label = severityLabel(json);
  const references = Array.isArray(json.references) ? json.references.filter(isObject) : [];
  const advisoryUrl =
    references.find(
      (r) => r.type === 'ADVISORY' && typeof r.url === 'string' && String(r.url).includes(String(json.id)),
    )?.url ?? references.find((r) => r.type === 'ADVISORY')?.url;
  const advisory: Advisory = {
    id: json.id,
    aliases: Array.isArray(json.aliases) ? json.aliases.filter((a): a is string => typeof a === 'string') : [],
    summary: typeof json.summary === 'string' ? json.summary : json.id,
    severity: (label ? ownEntry(SEVERITY, label) : undefined) ?? 'warning',
    ...(label ? { severityLabel: label } : {}),
    ...(typeof advisoryUrl === 'string' ? { url: advisoryUrl } : {}),
    ...(typeof json.published === 'string' ? { published: json.published } : {}),
  };
  const affected: AffectedPackage[] = [];
  for (const entry of json.affected) {
    if (!isObject(entry) || !isObject(entry.package)) continue;
    const ecosystem = ownEntry(ECOSYSTEMS, String(entry.package.ecosystem));
    const name = entry.package.name;
    if (!ecosystem || typeof name !== 'string') continue;
    const ranges = (Array.isArray(entry.ranges) ? entry.ranges : [])
      .filter(
        (r): r is Record<string, unknown> =>
          isObject(r) && (r.type === 'SEMVER' || r.type === 'ECOSYSTEM') && Array.isArray(r.events),
      )
      .map((r) => ({ type: r.type as 'SEMVER' | 'ECOSYSTEM', events: (r.events as unknown[]).filter(isEvent) }));
    const versions = Array.isArray(entry.versions)
      ? entry.versions.filter((v): v is string => typeof v === 'string')
      : [];
    const fixed = ranges.flatMap((r) => r.events.flatMap((e) => ('fixed' in e ? [e.fixed] : [])));
    affected.push({ advisory, ecosystem, name, ranges, versions, fixed });
  }
  return affected;
}

export function isAffected(entry: AffectedPackage, version: string): boolean {
  const scheme = versionScheme(entry.ecosystem);
  if (!scheme.valid(version)) return false;
  if (entry.versions.some((v) => scheme.valid(v) && scheme.compare(v, version) === 0)) return true;
  return entry.ranges.some((range) => inRange(range.events, version, entry.ecosystem));
}

function inRange(events: readonly RangeEvent[], version: string, ecosystem: Ecosystem): boolean {
  const scheme = versionScheme(ecosystem);
  const at = (e: RangeEvent) => Object.values(e)[0] as string;
  const valid = events.filter((e) => at(e) === '0' || scheme.valid(at(e)));
  const sorted = [...valid].sort((a, b) => (at(a) === '0' ? -1 : at(b) === '0' ? 1 : scheme.compare(at(a), at(b))));
  let affected = false;
  for (const event of sorted) {
    const boundary = at(event);
    const c = boundary === '0' ? 1 : scheme.compare(version, boundary);
    if ('introduced' in event && c >= 0) affected = true;
    else if ('fixed' in event && c >= 0) affected = false;
    else if ('last_affected' in event && c > 0) affected = false;
  }
  return affected;
}

function severityLabel(json: Record<string, unknown>): string | undefined {
  const own = isObject(json.database_specific) ? json.database_specific.severity : undefined;
  if (typeof own === 'string') return own.toUpperCase();
  for (const entry of Array.isArray(json.affected) ? json.affected : []) {
    const label = isObject(entry) && isObject(entry.database_specific) ? entry.database_specific.severity : undefined;
    if (typeof label === 'string') return label.toUpperCase();
  }
  return undefined;
}

function isEvent(value: unknown): value is RangeEvent {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    ['introduced', 'fixed', 'last_affected', 'limit'].includes(keys[0]!) &&
    typeof value[keys[0]!] === 'string'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
