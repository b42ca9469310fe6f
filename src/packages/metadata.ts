/** What a registry says about one package, reduced to what the analyzers use. */
import type { Ecosystem } from './versionScheme.js';

export interface PackageMetadata {
  ecosystem: Ecosystem;
  name: string;
  /** The registry or package source it came from. */
  source: string;
  /** Every published version the registry lists. */
  versions: string[];
  /** npm `dist-tags.latest`, when the registry names one. */
  latestTag?: string;
  /** Version → ISO publication time, where the registry says. */
  published: Record<string, string>;
  /** Version → deprecation message (npm `deprecated`, NuGet registration deprecation). */
  deprecated: Record<string, string>;
}

/** Registry answers per usage: the same package may come from different sources in different repos. */
export class RegistryIndex {
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
