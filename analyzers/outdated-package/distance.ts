/** How far a version is behind the latest: majors, minor release lines, releases, and libyears. */
import type { PackageMetadata } from '../../src/packages/metadata.js';
import type { VersionScheme } from '../../src/packages/versionScheme.js';

export interface Distance {
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
  const releasedAt = publishedAt(metadata, current);
  const latestReleasedAt = publishedAt(metadata, latest);
  const libyears =
    releasedAt && latestReleasedAt
      ? Math.max(0, (Date.parse(latestReleasedAt) - Date.parse(releasedAt)) / (365.25 * 86_400_000))
      : undefined;
  return {
    majorsBehind: Math.max(0, scheme.major(latest) - scheme.major(current)),
    minorsBehind: lines.size,
    releasesBehind: newer.length,
    ...(releasedAt ? { releasedAt } : {}),
    ...(latestReleasedAt ? { latestReleasedAt } : {}),
    ...(libyears !== undefined ? { libyears: Math.round(libyears * 10) / 10 } : {}),
  };
}

/** NuGet registrations key versions in lower case, npm as published. */
export function publishedAt(metadata: PackageMetadata, version: string): string | undefined {
  return metadata.published[version] ?? metadata.published[version.toLowerCase()];
}
