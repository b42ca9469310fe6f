/**
 * One view over both ecosystems' version rules, so the analyzers compare, order
 * and match ranges without caring whether semver (npm) or NuGet.Versioning applies.
 */
import semver from 'semver';
import type { Ecosystem } from '../core/packages.js';
import { compareNuGetVersions, nuGetRangeSatisfies, parseNuGetRange, parseNuGetVersion } from './nugetVersion.js';

export type { Ecosystem } from '../core/packages.js';

export interface VersionScheme {
  valid(version: string): boolean;
  /** Total order over valid versions. */
  compare(a: string, b: string): number;
  isPrerelease(version: string): boolean;
  major(version: string): number;
  minor(version: string): number;
  patch(version: string): number;
  /** Whether a valid version satisfies a range in the ecosystem's own range syntax. */
  satisfies(version: string, range: string): boolean;
}

/**
 * Parsed npm versions by text. Each usage of a package walks every version its
 * registry lists, so an estate using lodash 200 times would parse the same few
 * hundred strings 200 times over; the cache is cleared past a bound so a
 * long-lived process does not keep every version it ever saw.
 */
const parsedNpm = new Map<string, semver.SemVer | null>();
const MAX_PARSED = 100_000;

function parseNpm(version: string): semver.SemVer | null {
  let parsed = parsedNpm.get(version);
  if (parsed === undefined) {
    if (parsedNpm.size >= MAX_PARSED) parsedNpm.clear();
    parsed = semver.parse(version);
    parsedNpm.set(version, parsed);
  }
  return parsed;
}

const npm: VersionScheme = {
  valid: (v) => parseNpm(v) !== null,
  compare: (a, b) => semver.compare(parseNpm(a) ?? a, parseNpm(b) ?? b),
  isPrerelease: (v) => (parseNpm(v)?.prerelease.length ?? 0) > 0,
  major: (v) => semver.major(parseNpm(v) ?? v),
  minor: (v) => semver.minor(parseNpm(v) ?? v),
  patch: (v) => semver.patch(parseNpm(v) ?? v),
  satisfies: (v, range) => semver.satisfies(v, range, { includePrerelease: true }),
};

const nuget: VersionScheme = {
  valid: (v) => parseNuGetVersion(v) !== undefined,
  compare: (a, b) => compareNuGetVersions(parseNuGetVersion(a)!, parseNuGetVersion(b)!),
  isPrerelease: (v) => (parseNuGetVersion(v)?.prerelease.length ?? 0) > 0,
  major: (v) => parseNuGetVersion(v)!.parts[0],
  minor: (v) => parseNuGetVersion(v)!.parts[1],
  patch: (v) => parseNuGetVersion(v)!.parts[2],
  satisfies: (v, range) => {
    const parsedRange = parseNuGetRange(range);
    const version = parseNuGetVersion(v);
    return parsedRange !== undefined && version !== undefined && nuGetRangeSatisfies(parsedRange, version);
  },
};

export function versionScheme(ecosystem: Ecosystem): VersionScheme {
  return ecosystem === 'npm' ? npm : nuget;
}

/** The highest stable version, or the highest of all when `includePrerelease`. */
export function latestOf(
  scheme: VersionScheme,
  versions: readonly string[],
  includePrerelease: boolean,
): string | undefined {
  let best: string | undefined;
  for (const v of versions) {
    if (!scheme.valid(v) || (!includePrerelease && scheme.isPrerelease(v))) continue;
    if (best === undefined || scheme.compare(v, best) > 0) best = v;
  }
  return best;
}
