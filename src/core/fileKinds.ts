/** The kinds of file the scan reads, and the language each counts towards. */

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
  | 'tsconfig'
  | 'proto'
  /** Any other JSON or YAML file: read only when its content is a gateway or compose configuration. */
  | 'config';

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
  proto: 'Protobuf',
  config: 'Config',
};
