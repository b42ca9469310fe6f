/** The package usages registry-based analyzers judge: external, not ignored, answered for, with a known version. */
import { currentVersion, type CurrentVersion } from './current.js';
import type { PackageUsage } from './inventory.js';
import type { RegistryAnswers } from '../core/packages.js';
import type { PackageMetadata } from './metadata.js';

export interface LookedUpUsage {
  usage: PackageUsage;
  metadata: PackageMetadata;
  current: CurrentVersion;
}

export function* lookedUpUsages(
  usages: readonly PackageUsage[],
  registry: RegistryAnswers,
  ignore: readonly string[],
): Generator<LookedUpUsage> {
  const ignored = new Set(ignore.map((n) => n.toLowerCase()));
  for (const usage of usages) {
    if (usage.internal || ignored.has(usage.name.toLowerCase())) continue;
    const metadata = registry.get(usage.projectId, usage.packageId);
    const current = currentVersion(usage, metadata);
    if (metadata && current) yield { usage, metadata, current };
  }
}
