import ignore, { type Ignore } from 'ignore';

/** Build output and dependency folders: never source, always skipped. */
export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  '.git',
  'bin',
  'obj',
  'node_modules',
  'packages',
  '.vs',
  'dist',
  'bower_components',
  'TestResults',
];

/** One `.gitignore` (or the user's excludes) with the folder its patterns are relative to. */
export interface IgnoreLayer {
  /** Repo-relative folder with `/`, '' for the repo root. */
  base: string;
  rules: Ignore;
}

export function makeIgnoreLayer(base: string, patterns: string): IgnoreLayer {
  return { base, rules: ignore().add(patterns) };
}

/** Whether any layer ignores `relPath` (repo-relative, `/`); directories end with `/`. */
export function isIgnored(layers: readonly IgnoreLayer[], relPath: string): boolean {
  for (const layer of layers) {
    if (layer.base !== '' && !relPath.startsWith(`${layer.base}/`)) continue;
    const local = layer.base === '' ? relPath : relPath.slice(layer.base.length + 1);
    if (local !== '' && layer.rules.ignores(local)) return true;
  }
  return false;
}
