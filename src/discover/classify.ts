/** What kind of file a path is, by name alone: decides which extractor reads it. */

import type { FileKind } from '../core/fileKinds.js';
import { ownEntry } from '../core/ownEntry.js';

const BY_EXTENSION: Record<string, FileKind> = {
  '.cs': 'csharp',
  '.vb': 'vb',
  '.fs': 'fsharp',
  '.csproj': 'msbuild-project',
  '.vbproj': 'msbuild-project',
  '.fsproj': 'msbuild-project',
  '.sln': 'solution',
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.sql': 'sql',
  // Shared MSBuild files; they apply to the projects that import them.
  '.props': 'msbuild-props',
  '.targets': 'msbuild-props',
  '.proto': 'proto',
  // Gateway routes and compose files are recognised by their content, whatever their name.
  '.json': 'config',
  '.yaml': 'config',
  '.yml': 'config',
};

const BY_NAME: Record<string, FileKind> = {
  'packages.config': 'packages-config',
  'directory.build.props': 'msbuild-props',
  'directory.build.targets': 'msbuild-props',
  'directory.packages.props': 'msbuild-props',
  'package.json': 'package-json',
  'package-lock.json': 'npm-lockfile',
  'npm-shrinkwrap.json': 'npm-lockfile',
  'yarn.lock': 'npm-lockfile',
  'pnpm-lock.yaml': 'npm-lockfile',
  'packages.lock.json': 'nuget-lock',
};

export function classifyFile(fileName: string): FileKind | undefined {
  const lower = fileName.toLowerCase();
  const byName = ownEntry(BY_NAME, lower);
  if (byName) return byName;
  if (lower.endsWith('.d.ts')) return 'typescript';
  if (/^(?:tsconfig(?:\.[\w.-]+)?|jsconfig)\.json$/.test(lower)) return 'tsconfig';
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? undefined : ownEntry(BY_EXTENSION, lower.slice(dot));
}
