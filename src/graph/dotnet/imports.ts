/**
 * `<Import Project="…"/>` followed statically inside one repository: the props
 * files a project pulls in (and what they pull in), so frameworks, package
 * versions and properties set in a shared file are seen. MSBuild is never
 * evaluated: only paths that are literal, or built from the importing file's own
 * folder (`$(MSBuildThisFileDirectory)`, `$(MSBuildProjectDirectory)`), are
 * followed; anything else (SDK and toolset imports, `$(SolutionDir)` with no
 * solution to pin it, wildcards) is left alone, as is a path leaving the repository.
 */
import path from 'node:path';
import type { MsBuildPropsFacts } from '../../core/facts.js';

/** Repo-relative path → props facts, keyed in lower case (Windows paths are case-insensitive). */
export type PropsByPath = ReadonlyMap<string, { path: string; facts: MsBuildPropsFacts }>;

/**
 * The props files a file imports, transitively, in the order MSBuild would read
 * them: a nested import before the file importing it. Each file at most once, so
 * cycles end.
 */
export function importedProps(
  imports: readonly string[] | undefined,
  fromFile: string,
  projectFile: string,
  props: PropsByPath,
  seen: Set<string> = new Set([fromFile.toLowerCase()]),
): MsBuildPropsFacts[] {
  const found: MsBuildPropsFacts[] = [];
  for (const raw of imports ?? []) {
    const target = resolveImportPath(raw, fromFile, projectFile);
    const imported = target ? props.get(target.toLowerCase()) : undefined;
    if (!imported || seen.has(target!.toLowerCase())) continue;
    seen.add(target!.toLowerCase());
    found.push(...importedProps(imported.facts.imports, imported.path, projectFile, props, seen), imported.facts);
  }
  return found;
}

/** The repo-relative path an import names, or undefined when it cannot be known without MSBuild or is outside the repo. */
export function resolveImportPath(raw: string, fromFile: string, projectFile: string): string | undefined {
  const thisDir = path.posix.dirname(fromFile);
  const projectDir = path.posix.dirname(projectFile);
  const substituted = raw
    .replace(/\$\(MSBuildThisFileDirectory\)/gi, `${thisDir}/`)
    .replace(/\$\(MSBuildProjectDirectory\)/gi, `${projectDir}/`)
    .replace(/\\/g, '/');
  if (/[$@%*?]/.test(substituted) || /^[a-z]:/i.test(substituted) || substituted.startsWith('/')) return undefined;
  // Substituted folders are repo-relative already; a plain path is relative to the importing file.
  const joined = /^\$\(MSBuild(ThisFile|Project)Directory\)/i.test(raw)
    ? substituted
    : path.posix.join(thisDir, substituted);
  const normalized = path.posix.normalize(joined);
  return normalized === '..' || normalized.startsWith('../') ? undefined : normalized.replace(/^\.\//, '');
}
