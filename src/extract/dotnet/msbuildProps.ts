/**
 * `Directory.Build.props`/`.targets`, `Directory.Packages.props` (central package
 * versions) and any other `.props`/`.targets` a project may import.
 */
import type { ExtractionOutcome, MsBuildPropsFacts } from '../../core/facts.js';
import { attr, descendants, metadata, parseXml, properties } from './xml.js';
import { importsOf, packageReferencesOf } from './msbuildProject.js';
import { ownEntry } from '../../core/ownEntry.js';

const FILE_NAMES: Record<string, MsBuildPropsFacts['file']> = {
  'directory.build.props': 'Directory.Build.props',
  'directory.build.targets': 'Directory.Build.targets',
  'directory.packages.props': 'Directory.Packages.props',
};

export function extractMsBuildProps(fileName: string, text: string): ExtractionOutcome<MsBuildPropsFacts> {
  const file = ownEntry(FILE_NAMES, fileName.toLowerCase()) ?? 'imported';
  const parsed = parseXml(text);
  if (!parsed.ok) {
    return {
      problems: [
        {
          code: 'msbuild-xml-invalid',
          severity: 'warning',
          message: `${file} is not well-formed XML (${parsed.message}); its settings are not applied`,
          line: parsed.line,
          column: parsed.column,
        },
      ],
    };
  }
  const root = parsed.root;
  const packageVersions = descendants(root, 'PackageVersion').flatMap((item) => {
    const name = attr(item, 'Include') ?? attr(item, 'Update');
    const version = metadata(item, 'Version');
    return name && version ? [{ name, version }] : [];
  });
  return {
    facts: {
      kind: 'msbuild-props',
      file,
      properties: properties(root),
      packageReferences: packageReferencesOf(root),
      packageVersions,
      ...importsOf(root),
    },
    problems: [],
  };
}
