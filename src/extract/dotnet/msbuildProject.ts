/**
 * `.csproj`/`.vbproj`/`.fsproj` read as XML, never evaluated: conditions are not
 * resolved (every conditional item counts) and nothing from the repo is executed.
 */
import type { ExtractionOutcome, MsBuildProjectFacts, PackageDependency } from '../../core/facts.js';
import { attr, descendants, metadata, parseXml, properties, type XmlElement } from './xml.js';
import { assemblyNameOf, frameworkMonikerOf, msbuildPath, packageFromHintPath, splitList } from './paths.js';
import { salvageProject } from './salvage.js';

const KEPT_PROPERTIES = [
  'TargetFrameworkVersion',
  'LangVersion',
  'OutputType',
  'Version',
  'PackageVersion',
  'ProjectGuid',
  'ProjectTypeGuids',
  'Nullable',
];

export function extractMsBuildProject(fileName: string, text: string): ExtractionOutcome<MsBuildProjectFacts> {
  const language = languageOf(fileName);
  const parsed = parseXml(text);
  if (!parsed.ok) {
    return {
      facts: salvageProject(language, text),
      problems: [
        {
          code: 'msbuild-xml-invalid',
          severity: 'warning',
          message: `project file is not well-formed XML (${parsed.message}); references recovered by pattern`,
          line: parsed.line,
          column: parsed.column,
        },
      ],
    };
  }
  return { facts: projectFacts(language, parsed.root), problems: [] };
}

function projectFacts(language: MsBuildProjectFacts['language'], root: XmlElement): MsBuildProjectFacts {
  const props = properties(root);
  const sdk = attr(root, 'Sdk') ?? descendants(root, 'Sdk').map((s) => attr(s, 'Name'))[0];
  const sdkStyle = sdk !== undefined;
  return {
    kind: 'msbuild-project',
    language,
    sdkStyle,
    ...(sdk ? { sdk } : {}),
    ...optional('assemblyName', props.AssemblyName),
    ...optional('rootNamespace', props.RootNamespace),
    ...optional('packageId', props.PackageId),
    ...optional('outputType', props.OutputType),
    targetFrameworks: targetFrameworksOf(props),
    projectReferences: items(root, 'ProjectReference').map((i) => msbuildPath(attr(i, 'Include') ?? '')),
    packageReferences: packageReferencesOf(root),
    ...importsOf(root),
    assemblyReferences: items(root, 'Reference').map((item) => {
      const hintPath = metadata(item, 'HintPath');
      return {
        name: assemblyNameOf(attr(item, 'Include') ?? ''),
        ...(hintPath ? { hintPath: msbuildPath(hintPath) } : {}),
      };
    }),
    compileIncludes: items(root, 'Compile').map((i) => msbuildPath(attr(i, 'Include') ?? '')),
    centralPackageVersions: /^true$/i.test(props.ManagePackageVersionsCentrally ?? ''),
    properties: pick(props, KEPT_PROPERTIES),
  };
}

export function targetFrameworksOf(props: Record<string, string>): string[] {
  const many = splitList(props.TargetFrameworks);
  if (many.length > 0) return many;
  if (props.TargetFramework) return [props.TargetFramework.trim()];
  const legacy = props.TargetFrameworkVersion ? frameworkMonikerOf(props.TargetFrameworkVersion) : undefined;
  return legacy ? [legacy] : [];
}

/** `<PackageReference>` items plus the packages implied by HintPaths into `packages/`. */
export function packageReferencesOf(root: XmlElement): PackageDependency[] {
  const declared: PackageDependency[] = items(root, 'PackageReference').map((item) => {
    const version = metadata(item, 'Version') ?? metadata(item, 'VersionOverride');
    return { name: attr(item, 'Include') ?? '', ...(version ? { version } : {}), source: 'PackageReference' };
  });
  const hinted: PackageDependency[] = [];
  for (const item of items(root, 'Reference')) {
    const hintPath = metadata(item, 'HintPath');
    const fromHint = hintPath ? packageFromHintPath(hintPath) : undefined;
    if (fromHint) hinted.push({ ...fromHint, source: 'HintPath' });
  }
  return [...declared, ...hinted];
}

function items(root: XmlElement, name: string): XmlElement[] {
  return descendants(root, name).filter((i) => (attr(i, 'Include') ?? '').trim() !== '');
}

function languageOf(fileName: string): MsBuildProjectFacts['language'] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.vbproj')) return 'vb';
  if (lower.endsWith('.fsproj')) return 'fsharp';
  return 'csharp';
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** `<Import Project="…"/>` values as written; absent when there are none. */
export function importsOf(root: XmlElement): { imports?: string[] } {
  const imports = descendants(root, 'Import').flatMap((i) => {
    const project = attr(i, 'Project')?.trim();
    return project ? [project] : [];
  });
  return imports.length > 0 ? { imports } : {};
}

function pick(props: Record<string, string>, keys: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) if (props[key] !== undefined) result[key] = props[key];
  return result;
}
