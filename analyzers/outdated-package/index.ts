/**
 * outdated-package: each package a project uses, against the newest stable release
 * its registry lists (a pre-release only when the one in use is one), with how many
 * majors, minor lines and releases behind it is and how old the one in use is.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { Ecosystem, PackageMetadata } from '../../src/core/packages.js';
import type { Finding, Severity, SummarySection } from '../../src/core/result.js';
import { lookedUpUsages } from '../../src/packages/lookedUp.js';
import { usageLocation } from '../../src/packages/usageLocation.js';
import { latestOf, versionScheme, type VersionScheme } from '../../src/packages/versionScheme.js';
import { distanceBetween, type Distance } from './distance.js';

export type OutdatedPackageData = Distance & {
  ecosystem: Ecosystem;
  name: string;
  current: string;
  currentFrom: 'lockfile' | 'manifest' | 'registry';
  declared?: string;
  latest: string;
  ageYears?: number;
  project: string;
  registry: string;
};

export default defineAnalyzer<OutdatedPackageData>()({
  meta: {
    id: 'outdated-package',
    description: 'Packages behind the newest stable release on their registry: majors, minor lines and years behind.',
    defaultSeverity: 'warning',
    messages: {
      outdated: '{name} {current} is {distance} behind {latest} ({ecosystem})',
    },
    needs: ['registry'],
    docs: 'analyzers/outdated-package/README.md',
  },
  options: z
    .object({
      /** Majors behind from which a finding is an error. */
      errorMajorsBehind: z.number().int().positive().default(3),
      /** Package names (any ecosystem, case-insensitive) never reported. */
      ignore: z.array(z.string()).default([]),
      /** Rows in the summary table. */
      top: z.number().int().min(1).default(10),
    })
    .strict(),
  run({ packages, registry, scanDate, options, report }) {
    for (const { usage, metadata, current } of lookedUpUsages(packages, registry, options.ignore)) {
      const scheme = versionScheme(usage.ecosystem);
      if (!scheme.valid(current.version)) continue;
      const latest = latestFor(scheme, metadata, scheme.isPrerelease(current.version));
      if (!latest || scheme.compare(current.version, latest) >= 0) continue;
      const distance = distanceBetween(scheme, metadata, current.version, latest);
      const ageYears = distance.releasedAt ? yearsBetween(distance.releasedAt, scanDate) : undefined;
      report({
        messageId: 'outdated',
        args: {
          name: usage.name,
          current: current.version,
          latest,
          ecosystem: usage.ecosystem,
          distance: describe(distance),
        },
        severity: severityOf(distance, options.errorMajorsBehind),
        location: usageLocation(usage),
        data: {
          ecosystem: usage.ecosystem,
          name: usage.name,
          current: current.version,
          currentFrom: current.from,
          ...(usage.declared ? { declared: usage.declared } : {}),
          latest,
          ...distance,
          ...(ageYears !== undefined ? { ageYears } : {}),
          project: usage.projectId,
          registry: metadata.source,
        },
        identity: [usage.projectId, usage.packageId],
      });
    }
  },
  summarize(findings, { options }) {
    return mostBehind(findings, options.top);
  },
});

/** Each outdated package version once, furthest behind first, with how many repositories use it. */
function mostBehind(findings: readonly Finding<OutdatedPackageData>[], top: number): SummarySection[] {
  const byPackage = new Map<string, { data: OutdatedPackageData; repos: Set<string> }>();
  for (const f of findings) {
    const key = `${f.data.ecosystem}:${f.data.name}@${f.data.current}`;
    const entry = byPackage.get(key) ?? { data: f.data, repos: new Set<string>() };
    entry.repos.add(f.location.repo);
    byPackage.set(key, entry);
  }
  if (byPackage.size === 0) return [];
  const ranked = [...byPackage].sort(
    ([ka, { data: a }], [kb, { data: b }]) =>
      b.majorsBehind - a.majorsBehind ||
      b.minorsBehind - a.minorsBehind ||
      (b.libyears ?? 0) - (a.libyears ?? 0) ||
      (ka < kb ? -1 : 1),
  );
  const right = 'right' as const;
  return [
    {
      title: 'Most behind',
      columns: [
        { label: 'Most behind' },
        { label: 'In use' },
        { label: 'Latest' },
        { label: 'Majors', align: right },
        { label: 'Minors', align: right },
        { label: 'Years', align: right },
        { label: 'Repos', align: right },
      ],
      rows: ranked
        .slice(0, top)
        .map(([, { data, repos }]) => [
          `${data.name} (${data.ecosystem})`,
          data.current,
          data.latest,
          String(data.majorsBehind),
          String(data.minorsBehind),
          data.libyears !== undefined ? data.libyears.toFixed(1) : '',
          String(repos.size),
        ]),
    },
  ];
}

/** npm's `latest` tag is what a fresh install gets; NuGet has no tags, so the highest stable version. */
function latestFor(scheme: VersionScheme, metadata: PackageMetadata, includePrerelease: boolean): string | undefined {
  const tag = metadata.latestTag;
  const highest = latestOf(scheme, metadata.versions, includePrerelease);
  if (!tag || !scheme.valid(tag) || scheme.isPrerelease(tag)) return highest;
  return includePrerelease && highest && scheme.compare(highest, tag) > 0 ? highest : tag;
}

/** How old the release in use is on the scan date, in years to one decimal. */
function yearsBetween(from: string, to: string): number | undefined {
  const years = (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000);
  return Number.isFinite(years) ? Math.max(0, Math.round(years * 10) / 10) : undefined;
}

function severityOf(distance: Distance, errorMajorsBehind: number): Severity {
  if (distance.majorsBehind >= errorMajorsBehind) return 'error';
  if (distance.majorsBehind >= 1) return 'warning';
  return 'note';
}

function describe(d: Distance): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts =
    d.majorsBehind > 0
      ? [plural(d.majorsBehind, 'major version')]
      : d.minorsBehind > 0
        ? [plural(d.minorsBehind, 'minor version')]
        : [plural(d.releasesBehind, 'release')];
  if (d.libyears !== undefined && d.libyears >= 1) parts.push(`${d.libyears} years`);
  return parts.join(', ');
}
