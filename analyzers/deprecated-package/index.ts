/**
 * deprecated-package: the version in use is marked deprecated by its registry
 * (npm's per-version `deprecated` message, NuGet's registration deprecation with
 * reasons and an alternative package).
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import { lookedUpUsages } from '../../src/packages/lookedUp.js';
import type { Ecosystem, PackageMetadata } from '../../src/core/packages.js';
import { usageLocation } from '../../src/packages/usageLocation.js';
import { latestOf, versionScheme } from '../../src/packages/versionScheme.js';

export type DeprecatedPackageData = {
  ecosystem: Ecosystem;
  name: string;
  current: string;
  reason: string;
  latestDeprecated: boolean;
  latest?: string;
  project: string;
};

export default defineAnalyzer<DeprecatedPackageData>()({
  meta: {
    id: 'deprecated-package',
    description:
      'Packages whose version in use its registry marks deprecated (npm deprecated, NuGet deprecation metadata).',
    defaultSeverity: 'warning',
    messages: {
      deprecated: '{name} {current} is deprecated ({ecosystem}): {reason}',
      abandoned: '{name} is deprecated in every release, {current} included ({ecosystem}): {reason}',
    },
    needs: ['registry'],
    docs: 'analyzers/deprecated-package/README.md',
  },
  options: z.object({ ignore: z.array(z.string()).default([]) }).strict(),
  run({ packages, registry, options, report }) {
    for (const { usage, metadata, current } of lookedUpUsages(packages, registry, options.ignore)) {
      const reason = deprecationOf(metadata, current.version);
      if (reason === undefined) continue;
      const latest = latestOf(versionScheme(usage.ecosystem), metadata.versions, false);
      const latestDeprecated = latest !== undefined && deprecationOf(metadata, latest) !== undefined;
      report({
        messageId: latestDeprecated ? 'abandoned' : 'deprecated',
        args: { name: usage.name, current: current.version, ecosystem: usage.ecosystem, reason },
        // A package deprecated throughout has no upgrade path: it must be replaced.
        severity: latestDeprecated ? 'error' : 'warning',
        location: usageLocation(usage),
        data: {
          ecosystem: usage.ecosystem,
          name: usage.name,
          current: current.version,
          reason,
          latestDeprecated,
          ...(latest ? { latest } : {}),
          project: usage.projectId,
        },
        identity: [usage.projectId, usage.packageId],
      });
    }
  },
});

function deprecationOf(metadata: PackageMetadata, version: string): string | undefined {
  return metadata.deprecated[version] ?? metadata.deprecated[version.toLowerCase()];
}
