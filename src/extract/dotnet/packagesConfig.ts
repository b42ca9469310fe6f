/** NuGet `packages.config` of .NET Framework projects. */
import type { ExtractionOutcome, PackagesConfigFacts } from '../../core/facts.js';
import { attr, descendants, parseXml } from './xml.js';

export function extractPackagesConfig(text: string): ExtractionOutcome<PackagesConfigFacts> {
  const parsed = parseXml(text);
  if (!parsed.ok) {
    const salvaged = [...text.matchAll(/<package\b[^>]*\bid\s*=\s*"([^"]+)"[^>]*\bversion\s*=\s*"([^"]+)"/gi)];
    return {
      facts: {
        kind: 'packages-config',
        packages: salvaged.map((m) => ({ name: m[1]!, version: m[2]!, source: 'packages.config' as const })),
        targetFrameworks: [],
      },
      problems: [
        {
          code: 'packages-config-invalid',
          severity: 'warning',
          message: `packages.config is not well-formed XML (${parsed.message}); packages recovered by pattern`,
          line: parsed.line,
          column: parsed.column,
        },
      ],
    };
  }
  const entries = descendants(parsed.root, 'package');
  const frameworks = new Set<string>();
  const packages = entries.flatMap((entry) => {
    const name = attr(entry, 'id');
    const version = attr(entry, 'version');
    const framework = attr(entry, 'targetFramework');
    if (framework) frameworks.add(framework);
    return name ? [{ name, ...(version ? { version } : {}), source: 'packages.config' as const }] : [];
  });
  return { facts: { kind: 'packages-config', packages, targetFrameworks: [...frameworks].sort() }, problems: [] };
}
