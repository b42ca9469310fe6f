/**
 * What a changed path is, for deciding what history says about logic. Lockfiles
 * and generated files move whenever a tool runs; build, package and CI
 * configuration moves with upgrades. None of them is evidence that two pieces
 * of logic depend on each other, and none is where logic churns.
 */
export type FileRole = 'lockfile' | 'generated' | 'manifest' | 'source';

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'packages.lock.json',
  'paket.lock',
  'project.assets.json',
  'composer.lock',
  'gemfile.lock',
  'poetry.lock',
  'pipfile.lock',
  'cargo.lock',
  'go.sum',
]);

/** Tool output that is committed: designers, source generators, EF migrations and snapshots, minified bundles. */
const GENERATED = [
  /\.(designer|g|g\.i|generated)\.[a-z]+$/i,
  /modelsnapshot\.cs$/i,
  /(^|\/)migrations\/\d{12,14}_[^/]+\.cs$/i,
  /(^|\/)(service references|connected services)\//i,
  /\.min\.(js|css)$/i,
  /\.(js|css)\.map$/i,
];

const MANIFEST_NAMES = new Set([
  'package.json',
  'packages.config',
  'nuget.config',
  'global.json',
  'dockerfile',
  '.dockerignore',
  '.editorconfig',
  '.gitignore',
  '.gitattributes',
  'assemblyinfo.cs',
  'launchsettings.json',
]);

const MANIFESTS = [
  /\.(csproj|vbproj|fsproj|sqlproj|sln|slnf|props|targets|nuspec|dcproj)$/i,
  /(^|\/)tsconfig[^/]*\.json$/i,
  /(^|\/)docker-compose[^/]*\.ya?ml$/i,
  /(^|\/)\.github\//i,
  /(^|\/)azure-pipelines[^/]*\.ya?ml$/i,
  // Settings and deployment files (appsettings, web.config, helm values, gateway routes): copies kept in step, not logic.
  /\.(json|jsonc|ya?ml|config|ini|env|toml)$/i,
];

export function fileRole(path: string): FileRole {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (LOCKFILES.has(name)) return 'lockfile';
  if (GENERATED.some((p) => p.test(path))) return 'generated';
  if (MANIFEST_NAMES.has(name) || MANIFESTS.some((p) => p.test(path))) return 'manifest';
  return 'source';
}
