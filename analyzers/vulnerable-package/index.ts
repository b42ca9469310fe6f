/**
 * vulnerable-package: the version in use is affected by an advisory in the OSV
 * database given with `--advisories` (a folder or zip of OSV JSON), matched with
 * the ecosystem's own version rules (npm semver, NuGet versions).
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import { currentVersion } from '../../src/packages/current.js';
import type { Ecosystem } from '../../src/core/packages.js';
import { usageLocation } from '../../src/packages/usageLocation.js';

export type VulnerablePackageData = {
  ecosystem: Ecosystem;
  name: string;
  current: string;
  advisory: string;
  aliases: string[];
  advisorySeverity?: string;
  fixedIn: string[];
  url?: string;
  project: string;
};

export default defineAnalyzer<VulnerablePackageData>()({
  meta: {
    id: 'vulnerable-package',
    description:
      'Packages whose version in use is affected by a known advisory (OSV database given with --advisories).',
    defaultSeverity: 'warning',
    messages: {
      vulnerable: '{name} {current} is affected by {advisory}{aliases}: {summary}; {fix} ({ecosystem})',
    },
    // The registry says which version a range resolves to when no lockfile does.
    needs: ['advisories', 'registry'],
    docs: 'analyzers/vulnerable-package/README.md',
  },
  options: z.object({ ignore: z.array(z.string()).default([]) }).strict(),
  run({ packages, advisories, registry, options, report }) {
    const ignored = new Set(options.ignore.map((id) => id.toUpperCase()));
    for (const usage of packages) {
      if (usage.internal) continue;
      const current = currentVersion(usage, registry.get(usage.projectId, usage.packageId));
      if (!current) continue;
      for (const { advisory, fixed } of advisories.match(usage.ecosystem, usage.name, current.version)) {
        if (ignored.has(advisory.id.toUpperCase()) || advisory.aliases.some((a) => ignored.has(a.toUpperCase())))
          continue;
        report({
          messageId: 'vulnerable',
          args: {
            name: usage.name,
            current: current.version,
            advisory: advisory.id,
            aliases: advisory.aliases.length > 0 ? ` (${advisory.aliases.join(', ')})` : '',
            summary: advisory.summary,
            fix: fixed.length > 0 ? `fixed in ${fixed.join(', ')}` : 'no fixed version',
            ecosystem: usage.ecosystem,
          },
          severity: advisory.severity,
          location: usageLocation(usage),
          data: {
            ecosystem: usage.ecosystem,
            name: usage.name,
            current: current.version,
            advisory: advisory.id,
            aliases: advisory.aliases,
            ...(advisory.severityLabel ? { advisorySeverity: advisory.severityLabel } : {}),
            fixedIn: fixed,
            ...(advisory.url ? { url: advisory.url } : {}),
            project: usage.projectId,
          },
          identity: [usage.projectId, usage.packageId, advisory.id],
        });
      }
    }
  },
});
