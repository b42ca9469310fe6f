/**
 * vulnerable-package: the version in use is affected by an advisory in the OSV
 * database given with `--advisories` (a folder or zip of OSV JSON), matched with
 * the ecosystem's own version rules (npm semver, NuGet versions).
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import { currentVersion } from '../../src/packages/current.js';
import { packageIntelOf } from '../../src/packages/intel.js';
import { usageLocation } from '../../src/packages/usageLocation.js';

export default defineAnalyzer({
  meta: {
    id: 'vulnerable-package',
    description: 'Packages whose version in use is affected by a known advisory (OSV database given with --advisories).',
    defaultSeverity: 'warning',
    messages: {
      vulnerable: '{name} {current} is affected by {advisory}{aliases}: {summary}; {fix} ({ecosystem})',
    },
    docs: 'analyzers/vulnerable-package/README.md',
  },
  options: z.object({ ignore: z.array(z.string()).default([]) }).strict(),
  run({ model, options, report }) {
    const intel = packageIntelOf(model);
    if (!intel.advisories) return;
    const ignored = new Set(options.ignore.map((id) => id.toUpperCase()));
    for (const usage of intel.usages) {
      if (usage.internal) continue;
      const current = currentVersion(usage, intel.registry?.get(usage.projectId, usage.packageId));
      if (!current) continue;
      for (const { advisory, fixed } of intel.advisories.match(usage.ecosystem, usage.name, current.version)) {
        if (ignored.has(advisory.id.toUpperCase()) || advisory.aliases.some((a) => ignored.has(a.toUpperCase()))) continue;
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
