/**
 * The version a usage really runs: the locked or exact version, else what the
 * package manager would pick from the registry for the declared range or tag.
 */
import semver from 'semver';
import type { PackageMetadata } from './metadata.js';
import type { PackageUsage } from './inventory.js';
import { versionScheme } from './versionScheme.js';

export interface CurrentVersion {
  version: string;
  from: 'lockfile' | 'manifest' | 'registry';
}

/**
 * What the registry resolves, per package answer and declared range: every
 * usage of a package declares one of a few ranges, and resolving one walks
 * all the versions the registry lists.
 */
const resolvedByAnswer = new WeakMap<PackageMetadata, Map<string, CurrentVersion | undefined>>();

export function currentVersion(usage: PackageUsage, metadata: PackageMetadata | undefined): CurrentVersion | undefined {
  if (usage.known) return { version: usage.known, from: usage.knownFrom ?? 'manifest' };
  if (!metadata || !usage.fromRegistry) return undefined;
  const declared = usage.declared ?? '*';
  let resolved = resolvedByAnswer.get(metadata);
  if (!resolved) {
    resolved = new Map();
    resolvedByAnswer.set(metadata, resolved);
  }
  const key = `${usage.ecosystem}\0${declared}`;
  if (!resolved.has(key)) resolved.set(key, fromRegistry(usage.ecosystem, declared, metadata));
  const found = resolved.get(key);
  return found && { ...found };
}

function fromRegistry(
  ecosystem: PackageUsage['ecosystem'],
  declared: string,
  metadata: PackageMetadata,
): CurrentVersion | undefined {
  if (ecosystem === 'npm') {
    if (!semver.validRange(declared))
      return declared === 'latest' && metadata.latestTag
        ? { version: metadata.latestTag, from: 'registry' }
        : undefined;
    const picked = semver.maxSatisfying(
      metadata.versions.filter((v) => semver.valid(v)),
      declared,
    );
    return picked ? { version: picked, from: 'registry' } : undefined;
  }
  const scheme = versionScheme('nuget');
  const valid = metadata.versions.filter((v) => scheme.valid(v)).sort((a, b) => scheme.compare(a, b));
  if (declared.endsWith('*')) {
    // Floating (`6.0.*`): restore takes the highest version with that prefix.
    const prefix = declared.slice(0, -1).toLowerCase();
    const picked = valid.filter((v) => v.toLowerCase().startsWith(prefix)).at(-1);
    return picked ? { version: picked, from: 'registry' } : undefined;
  }
  // Any other range: restore takes the lowest version that satisfies it.
  const picked = valid.find((v) => scheme.satisfies(v, declared));
  return picked ? { version: picked, from: 'registry' } : undefined;
}
