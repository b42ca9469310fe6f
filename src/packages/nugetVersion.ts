/**
 * NuGet versions and version ranges, as NuGet.Versioning defines them: up to four
 * numeric parts (`1.0.0.0`), SemVer 2 pre-release labels compared case-insensitively,
 * build metadata ignored; ranges in interval notation (`[1.0,2.0)`, `(,1.0]`, `[1.0]`),
 * a bare version meaning "this or higher", and floating versions (`6.0.*`).
 */

export interface NuGetVersion {
  /** major, minor, patch, revision; absent parts are 0. */
  parts: [number, number, number, number];
  prerelease: string[];
  original: string;
}

const VERSION =
  /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]+)?$/;

export function parseNuGetVersion(text: string): NuGetVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const parts = [1, 2, 3, 4].map((i) => Number(match[i] ?? 0)) as NuGetVersion['parts'];
  if (parts.some((p) => !Number.isSafeInteger(p))) return undefined;
  return { parts, prerelease: match[5] ? match[5].split('.') : [], original: text.trim() };
}

export function compareNuGetVersions(a: NuGetVersion, b: NuGetVersion): number {
  for (let i = 0; i < 4; i++) {
    const d = a.parts[i]! - b.parts[i]!;
    if (d !== 0) return Math.sign(d);
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const d = compareLabel(a.prerelease[i]!, b.prerelease[i]!);
    if (d !== 0) return d;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

/** Numeric labels sort numerically and before alphanumeric ones; text compares case-insensitively. */
function compareLabel(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  const al = a.toLowerCase();
  const bl = b.toLowerCase();
  return al < bl ? -1 : al > bl ? 1 : 0;
}

/** Normalised text: revision dropped when 0 (`6.0.4.0` → `6.0.4`), as NuGet does. */
export function normaliseNuGetVersion(v: NuGetVersion): string {
  const [major, minor, patch, revision] = v.parts;
  const core = revision > 0 ? `${major}.${minor}.${patch}.${revision}` : `${major}.${minor}.${patch}`;
  return v.prerelease.length > 0 ? `${core}-${v.prerelease.join('.')}` : core;
}

export interface NuGetRange {
  min?: NuGetVersion;
  minInclusive: boolean;
  max?: NuGetVersion;
  maxInclusive: boolean;
  /** `6.0.*`: restore takes the highest match, so the lower bound says little. */
  floating: boolean;
}

export function parseNuGetRange(text: string): NuGetRange | undefined {
  const value = text.trim();
  if (value === '*') return { minInclusive: true, maxInclusive: false, floating: true };
  if (value.endsWith('*') && !/[[\](),]/.test(value)) {
    const min = parseNuGetVersion(value.replace(/[.-]?\*$/, '').replace(/\.$/, '') || '0');
    return min ? { min, minInclusive: true, maxInclusive: false, floating: true } : undefined;
  }
  const bracketed = /^([[(])\s*([^,\])]*?)\s*(?:,\s*([^\])]*?)\s*)?([\])])$/.exec(value);
  if (!bracketed) {
    const min = parseNuGetVersion(value);
    return min ? { min, minInclusive: true, maxInclusive: false, floating: false } : undefined;
  }
  const [, open, low, high, close] = bracketed;
  const hasComma = value.includes(',');
  const min = low ? parseNuGetVersion(low) : undefined;
  const max = hasComma ? (high ? parseNuGetVersion(high) : undefined) : min;
  if ((low && !min) || (hasComma && high && !max) || (!low && !high)) return undefined;
  if (!hasComma && (open !== '[' || close !== ']')) return undefined; // `(1.0)` is empty
  return {
    ...(min ? { min } : {}),
    minInclusive: open === '[',
    ...(max ? { max } : {}),
    maxInclusive: close === ']',
    floating: false,
  };
}

export function nuGetRangeSatisfies(range: NuGetRange, version: NuGetVersion): boolean {
  if (range.min) {
    const c = compareNuGetVersions(version, range.min);
    if (c < 0 || (c === 0 && !range.minInclusive)) return false;
  }
  if (range.max) {
    const c = compareNuGetVersions(version, range.max);
    if (c > 0 || (c === 0 && !range.maxInclusive)) return false;
  }
  return true;
}

/** The version restore picks from a declared range when nothing is locked: its inclusive lower bound. */
export function nuGetResolvedFromRange(text: string): string | undefined {
  const range = parseNuGetRange(text);
  if (!range || range.floating || !range.min || !range.minInclusive) return undefined;
  return normaliseNuGetVersion(range.min);
}
