/**
 * `package-lock.json` / `npm-shrinkwrap.json`: v2/v3 `packages` keyed by install
 * path (`node_modules/x`, `ws/node_modules/x`), or v1's nested `dependencies` tree.
 */
import type { ExtractionOutcome, LockedPackage, NpmLockfileFacts } from '../../core/facts.js';
import { isObject, parseJson, stringOf } from './json.js';

/** `[importer/]node_modules/name` with no further `node_modules` inside: a top-level install. */
const TOP_LEVEL = /^(?:(.+)\/)?node_modules\/((?:@[^/]+\/)?[^/]+)$/;

export function extractPackageLock(text: string): ExtractionOutcome<NpmLockfileFacts> {
  const parsed = parseJson(text, 'npm-lockfile-invalid', 'package-lock.json');
  if (!parsed.ok) return { problems: [parsed.problem] };
  if (!isObject(parsed.value)) {
    return {
      problems: [
        { code: 'npm-lockfile-invalid', severity: 'warning', message: 'package-lock.json is not a JSON object' },
      ],
    };
  }
  const lock = parsed.value;
  const lockfileVersion = typeof lock.lockfileVersion === 'number' ? String(lock.lockfileVersion) : undefined;
  const base = {
    kind: 'npm-lockfile' as const,
    format: 'package-lock' as const,
    ...(lockfileVersion ? { lockfileVersion } : {}),
  };
  if (isObject(lock.packages)) return { facts: { ...base, ...fromPackages(lock.packages) }, problems: [] };
  if (isObject(lock.dependencies))
    return { facts: { ...base, ...fromDependencyTree(lock.dependencies) }, problems: [] };
  return {
    facts: { ...base, locked: [], packageCount: 0 },
    problems: [
      {
        code: 'npm-lockfile-invalid',
        severity: 'warning',
        message: 'package-lock.json has neither "packages" nor "dependencies"',
      },
    ],
  };
}

function fromPackages(packages: Record<string, unknown>): Pick<NpmLockfileFacts, 'locked' | 'packageCount'> {
  const locked: LockedPackage[] = [];
  let packageCount = 0;
  for (const [key, entry] of Object.entries(packages)) {
    if (key === '' || !isObject(entry) || entry.link === true) continue;
    const match = TOP_LEVEL.exec(key);
    if (!key.includes('node_modules/')) continue; // a workspace folder itself
    packageCount++;
    const version = stringOf(entry.version);
    if (!match || !version || match[1]?.includes('node_modules')) continue;
    locked.push({ name: match[2]!, version, importer: match[1] ?? '' });
  }
  return { locked, packageCount };
}

function fromDependencyTree(dependencies: Record<string, unknown>): Pick<NpmLockfileFacts, 'locked' | 'packageCount'> {
  const locked: LockedPackage[] = [];
  for (const [name, entry] of Object.entries(dependencies)) {
    const version = isObject(entry) ? stringOf(entry.version) : undefined;
    if (version) locked.push({ name, version, importer: '' });
  }
  return { locked, packageCount: countTree(dependencies) };
}

/** Packages in a v1 tree, counted with an explicit stack: a lockfile may nest thousands deep. */
function countTree(dependencies: Record<string, unknown>): number {
  let count = 0;
  const pending = [dependencies];
  for (let level = pending.pop(); level !== undefined; level = pending.pop()) {
    for (const entry of Object.values(level)) {
      if (!isObject(entry)) continue;
      count++;
      if (isObject(entry.dependencies)) pending.push(entry.dependencies);
    }
  }
  return count;
}
