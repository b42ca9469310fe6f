/** Where a package finding points: the manifest or project file that declares the package. */
import type { Location } from '../core/result.js';
import type { PackageUsage } from './inventory.js';

export function usageLocation(usage: PackageUsage): Location {
  return { repo: usage.repo, file: usage.file, ...(usage.line ? { line: usage.line } : {}) };
}
