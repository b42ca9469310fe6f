/**
 * The package phases of a scan, between the graph and the analyzers: registry
 * lookups and the advisory database, each run only when a selected analyzer
 * needs it. Never throws for bad input: what cannot be read is a diagnostic.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EstateGraph } from '../core/graph.js';
import type { AdvisoryMatcher, PackageUsage, RegistryAnswers } from '../core/packages.js';
import type { Diagnostic } from '../core/result.js';
import { loadAdvisoryDatabase, packageKey } from '../advisories/database.js';
import { lookupRegistries } from '../registry/lookup.js';
import { latestOf, versionScheme } from '../packages/versionScheme.js';

export interface PackageOptions {
  offline: boolean;
  cacheDir: string;
  registryTimeoutMs: number;
  /** Folder or zip of OSV records. */
  advisories?: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  concurrency?: number;
}

export interface RegistryScope {
  rootDir: string;
  repoPaths: ReadonlyMap<string, string>;
  now: () => Date;
}

/** Registry answers for every usage (network, or the cache when offline); `data.latest` on the package nodes. */
export async function lookUpPackages(
  graph: EstateGraph,
  usages: readonly PackageUsage[],
  scope: RegistryScope,
  options: PackageOptions,
): Promise<{ registry: RegistryAnswers; diagnostics: Diagnostic[] }> {
  const answers = await registryAnswers(usages, scope, options);
  annotateLatest(graph, usages, answers.registry);
  return answers;
}

/** The registry answers alone, without the graph (the result cache checks a cached result's answers still hold). */
export async function registryAnswers(
  usages: readonly PackageUsage[],
  scope: RegistryScope,
  options: PackageOptions,
): Promise<{ registry: RegistryAnswers; diagnostics: Diagnostic[] }> {
  const lookup = await lookupRegistries(usages, {
    rootDir: scope.rootDir,
    repoPaths: scope.repoPaths,
    offline: options.offline,
    cacheDir: options.cacheDir,
    timeoutMs: options.registryTimeoutMs,
    ttlMs: 24 * 3600_000,
    concurrency: options.concurrency ?? 8,
    retries: 2,
    backoffMs: 250,
    env: options.env,
    homeDir: options.homeDir,
    now: scope.now,
  });
  return { registry: lookup.index, diagnostics: lookup.diagnostics };
}

/** The advisory database the user pointed to, reduced to the packages in use; undefined when it cannot be read. */
export async function loadAdvisories(
  source: string,
  usages: readonly PackageUsage[],
): Promise<{ advisories?: AdvisoryMatcher; diagnostics: Diagnostic[] }> {
  if (!existsSync(source)) {
    return {
      diagnostics: [
        { code: 'advisories-unreadable', severity: 'error', message: `advisory database not found: ${source}` },
      ],
    };
  }
  try {
    const loaded = await loadAdvisoryDatabase(source, new Set(usages.map((u) => packageKey(u.ecosystem, u.name))));
    return { advisories: loaded.index, diagnostics: loaded.diagnostics };
  } catch (error) {
    return {
      diagnostics: [
        {
          code: 'advisories-unreadable',
          severity: 'error',
          message: error instanceof Error ? error.message : String(error),
        },
      ],
    };
  }
}

/** `data.latest` on each package node the registries answered for, for the JSON result. */
function annotateLatest(graph: EstateGraph, usages: readonly PackageUsage[], registry: RegistryAnswers): void {
  for (const usage of usages) {
    const metadata = registry.get(usage.projectId, usage.packageId);
    const node = graph.nodeOfKind(usage.packageId, 'package');
    if (!metadata || !node || node.data?.latest) continue;
    const latest = latestOf(versionScheme(usage.ecosystem), metadata.versions, false);
    if (latest) graph.mergeNodeData(node, { latest });
  }
}

/** `ASSESS_CACHE_DIR`, else `$XDG_CACHE_HOME/assess`, else `~/.cache/assess`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  if (env.ASSESS_CACHE_DIR) return path.resolve(env.ASSESS_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(homeDir, '.cache'), 'assess');
}
