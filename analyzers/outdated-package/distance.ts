/** How far a version is behind the latest: majors, minor release lines, releases, and libyears. */
import type { PackageMetadata } from '../../src/packages/metadata.js';
import type { VersionScheme } from '../../src/packages/versionScheme.js';

export interface Distance {
  /**
   * Breaking release lines published after the current one, up to the latest: a
   * major line, or under 1.0 a minor line (0.x) or a patch (0.0.x), as semver has it.
   * Counted from what was published, so 11 majors from 2 to 24 are 11, not 22.
   */
  majorsBehind: number;
  /** Minor release lines (`major.minor`) published after the current one, up to the latest. */
  minorsBehind: number;
  /** Stable releases after the current one, up to the latest. */
  releasesBehind: number;
  releasedAt?: string;
  latestReleasedAt?: string;
  /** Years between the current release and the latest one ("libyears"). */
  libyears?: number;
}

export function distanceBetween(
  scheme: VersionScheme,
  metadata: PackageMetadata,
  current: string,
  latest: string,
): Distance {
  const newer = metadata.versions.filter(
    (v) =>
      scheme.valid(v) && !scheme.isPrerelease(v) && scheme.compare(v, current) > 0 && scheme.compare(v, latest) <= 0,
  );
  const line = (v: string) => `${scheme.major(v)}.${scheme.minor(v)}`;
  const lines = new Set(newer.map(line));
  lines.delete(line(current));
  const breaking = (v: string) => breakingLine(scheme, v);
  const breakingLines = new Set(newer.map(breaking));
  breakingLines.delete(breaking(current));
  const releasedAt = publishedAt(metadata, current);
  const latestReleasedAt = publishedAt(metadata, latest);
  const libyears =
    releasedAt && latestReleasedAt
      ? Math.max(0, (Date.parse(latestReleasedAt) - Date.parse(releasedAt)) / (365.25 * 86_400_000))
      : undefined;
  return {
    majorsBehind: breakingLines.size,
    minorsBehind: lines.size,
    releasesBehind: newer.length,
    ...(releasedAt ? { releasedAt } : {}),
    ...(latestReleasedAt ? { latestReleasedAt } : {}),
    ...(libyears !== undefined ? { libyears: Math.round(libyears * 10) / 10 } : {}),
  };
}

/** The line a version's breaking changes belong to: its major, or below 1.0 its minor, or below 0.1 its patch. */
function breakingLine(scheme: VersionScheme, version: string): string {
  const major = scheme.major(version);
  if (major > 0) return `${major}`;
  const minor = scheme.minor(version);
  return minor > 0 ? `0.${minor}` : `0.0.${scheme.patch(version)}`;
}

/** NuGet registrations key versions in lower case, npm as published. */
export function publishedAt(metadata: PackageMetadata, version: string): string | undefined {
  return metadata.published[version] ?? metadata.published[version.toLowerCase()];
}
