/** What a registry says about one package, reduced to what the analyzers use. */
import type { PackageMetadata, RegistryAnswers } from '../core/packages.js';

export type { PackageMetadata } from '../core/packages.js';

/** Registry answers per usage: the same package may come from different sources in different repos. */
export class RegistryIndex implements RegistryAnswers {
  private readonly byUsage = new Map<string, PackageMetadata>();

  set(projectId: string, packageId: string, metadata: PackageMetadata): void {
    this.byUsage.set(`${projectId}\u0000${packageId}`, metadata);
  }

  get(projectId: string, packageId: string): PackageMetadata | undefined {
    return this.byUsage.get(`${projectId}\u0000${packageId}`);
  }

  get size(): number {
    return this.byUsage.size;
  }
}
