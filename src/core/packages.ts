/**
 * Packages as the analyzers see them: the estate's usages, what registries say
 * about a package, and the advisories that affect a version. The phases that
 * fill these in (registry lookups, the advisory database) implement the
 * interfaces here.
 */
import type { Severity } from './result.js';

export type Ecosystem = 'npm' | 'nuget';

export interface PackageUsage {
  packageId: string;
  ecosystem: Ecosystem;
  name: string;
  projectId: string;
  repo: string;
  /** The manifest or project file that declares it. */
  file: string;
  line?: number;
  declared?: string;
  resolved?: string;
  /** The version in use when known without a registry: locked, else exactly declared. */
  known?: string;
  knownFrom?: 'lockfile' | 'manifest';
  /** Produced by a project of the estate: not looked up, not judged against public registries. */
  internal: boolean;
  /** Declared in a form a registry resolves (a range, version or tag). */
  fromRegistry: boolean;
}

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
export interface RegistryAnswers {
  get(projectId: string, packageId: string): PackageMetadata | undefined;
  readonly size: number;
}

export interface Advisory {
  id: string;
  aliases: string[];
  summary: string;
  severity: Severity;
  /** The database's own label (GitHub: LOW, MODERATE, HIGH, CRITICAL), when given. */
  severityLabel?: string;
  url?: string;
  published?: string;
}

export interface AdvisoryMatch {
  advisory: Advisory;
  /** Versions in which it is fixed, for the message. */
  fixed: string[];
}

/** The advisory database the user pointed to, reduced to the packages the estate uses. */
export interface AdvisoryMatcher {
  /** Advisories that affect this version, by advisory id. */
  match(ecosystem: Ecosystem, name: string, version: string): AdvisoryMatch[];
}
