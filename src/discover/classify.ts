/** What kind of file a path is, by name alone: decides which extractor reads it. */

export type FileKind =
  | 'csharp'
  | 'vb'
  | 'fsharp'
  | 'msbuild-project'
  | 'msbuild-props'
  | 'packages-config'
  | 'solution'
  | 'typescript'
  | 'javascript'
  | 'sql'
  | 'package-json'
  | 'npm-lockfile'
  | 'nuget-lock'
  | 'tsconfig';

/** The language a file kind counts towards in summaries. */
export const LANGUAGE_OF: Record<FileKind, string> = {
  csharp: 'C#',
  vb: 'VB.NET',
  fsharp: 'F#',
  'msbuild-project': 'MSBuild',
  'msbuild-props': 'MSBuild',
  'packages-config': 'NuGet',
  solution: 'Solution',
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  sql: 'SQL',
  'package-json': 'npm',
  'npm-lockfile': 'npm',
  'nuget-lock': 'NuGet',
  tsconfig: 'TSConfig',
};

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
  const byName = BY_NAME[lower];
  if (byName) return byName;
  if (lower.endsWith('.d.ts')) return 'typescript';
  if (/^(?:tsconfig(?:\.[\w.-]+)?|jsconfig)\.json$/.test(lower)) return 'tsconfig';
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[lower.slice(dot)];
}
