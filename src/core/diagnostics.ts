/**
 * Every diagnostic the scan can give: what the tool itself could not read, had
 * to skip or could not provide. One list, so a consumer (CI, the report) can rely
 * on the codes and a typo is a type error.
 */
export const DIAGNOSTIC_CODES = [
  // discovery
  'outside-repository',
  'symlink-skipped',
  'special-file-skipped',
  'unreadable-directory',
  'unreadable-gitignore',
  'file-name-not-utf8',
  // reading files
  'binary-file',
  'extract-failed',
  'extract-timeout',
  'file-too-large',
  'legacy-encoding',
  'unreadable-file',
  'file-too-deep',
  // C#, MSBuild, NuGet
  'csharp-extract-failed',
  'csharp-syntax',
  'csharp-too-deep',
  'msbuild-xml-invalid',
  'nuget-lock-invalid',
  'packages-config-invalid',
  'solution-unrecognised',
  'unresolved-project-reference',
  // JS/TS, npm
  'js-generated-skipped',
  'js-minified-skipped',
  'js-syntax-error',
  'js-too-deep',
  'npm-lockfile-invalid',
  'package-json-invalid',
  'tsconfig-circular-extends',
  'tsconfig-invalid',
  'tsconfig-problem',
  // SQL
  'sql-ddl-fallback',
  'sql-statement-too-large',
  'sql-unparsable',
  'sql-unsupported-statement',
  // gateway and compose configuration
  'config-invalid',
  'gateway-route-skipped',
  // git history
  'git-history-failed',
  'git-history-incomplete',
  'git-log-unparsed',
  'git-no-commits',
  'git-not-found',
  'git-shallow-clone',
  'git-dir-outside-root',
  // registries and advisories
  'advisories-unreadable',
  'advisory-invalid',
  'package-not-found',
  'registry-cache-unwritable',
  'registry-config-invalid',
  'registry-invalid-response',
  'registry-no-source',
  'registry-offline-miss',
  'registry-partial',
  'registry-unreachable',
  // analyzers
  'analyzer-failed',
  'analyzer-options-invalid',
  'analyzer-skipped',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
