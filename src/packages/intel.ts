/**
 * What the package analyzers read besides the graph: the inventory, the registries'
 * answers (when the registry phase ran), the advisory database (when one was
 * given), and the scan date that end-of-life and age are judged against.
 */
import type { EstateModel } from '../graph/buildGraph.js';
import type { AdvisoryIndex } from '../advisories/database.js';
import { packageUsages, type PackageUsage } from './inventory.js';
import type { RegistryIndex } from './metadata.js';

export interface PackageIntel {
  usages: PackageUsage[];
  registry?: RegistryIndex;
  advisories?: AdvisoryIndex;
  /** ISO date-time of the scan. */
  scanDate: string;
}

/** The scan's package intel, or the bare inventory for a model built without the package phase (tests). */
export function packageIntelOf(model: EstateModel): PackageIntel {
  return model.packages ?? { usages: packageUsages(model.graph), scanDate: new Date().toISOString() };
}
