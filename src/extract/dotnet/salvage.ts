/**
 * Broken project XML (merge conflicts, hand edits) still names its references:
 * recover them by pattern so a malformed file does not silently drop edges.
 */
import type { MsBuildProjectFacts, PackageDependency } from '../../core/facts.js';
import { assemblyNameOf, frameworkMonikerOf, msbuildPath, packageFromHintPath, splitList } from './paths.js';

const attributeOf = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

function tags(text: string, element: string): string[] {
  return [...text.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

function property(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`, 'i').exec(text)?.[1];
}

export function salvageProject(language: MsBuildProjectFacts['language'], text: string): MsBuildProjectFacts {
  const sdk = attributeOf(/<Project\b[^>]*>/i.exec(text)?.[0] ?? '', 'Sdk');
  const packages: PackageDependency[] = tags(text, 'PackageReference').flatMap((tag) => {
    const name = attributeOf(tag, 'Include');
    const version = attributeOf(tag, 'Version');
    return name ? [{ name, ...(version ? { version } : {}), source: 'PackageReference' as const }] : [];
  });
  const hintPaths = [...text.matchAll(/<HintPath>\s*([^<]+?)\s*<\/HintPath>/gi)].map((m) => m[1]!);
  for (const hint of hintPaths) {
    const fromHint = packageFromHintPath(hint);
    if (fromHint) packages.push({ ...fromHint, source: 'HintPath' });
  }
  const many = splitList(property(text, 'TargetFrameworks'));
  const single = property(text, 'TargetFramework');
  const legacy = property(text, 'TargetFrameworkVersion');
  const legacyMoniker = legacy ? frameworkMonikerOf(legacy) : undefined;
  return {
    kind: 'msbuild-project',
    language,
    sdkStyle: sdk !== undefined,
    ...(sdk ? { sdk } : {}),
    ...(property(text, 'AssemblyName') ? { assemblyName: property(text, 'AssemblyName')! } : {}),
    ...(property(text, 'RootNamespace') ? { rootNamespace: property(text, 'RootNamespace')! } : {}),
    ...(property(text, 'PackageId') ? { packageId: property(text, 'PackageId')! } : {}),
    targetFrameworks: many.length > 0 ? many : single ? [single] : legacyMoniker ? [legacyMoniker] : [],
    projectReferences: tags(text, 'ProjectReference').flatMap((tag) => {
      const include = attributeOf(tag, 'Include');
      return include ? [msbuildPath(include)] : [];
    }),
    packageReferences: packages,
    assemblyReferences: tags(text, 'Reference').flatMap((tag) => {
      const include = attributeOf(tag, 'Include');
      return include ? [{ name: assemblyNameOf(include) }] : [];
    }),
    compileIncludes: tags(text, 'Compile').flatMap((tag) => {
      const include = attributeOf(tag, 'Include');
      return include ? [msbuildPath(include)] : [];
    }),
    centralPackageVersions: /<ManagePackageVersionsCentrally>\s*true\s*</i.test(text),
    properties: {},
  };
}
