/**
 * The package phase of a scan, between the graph and the analyzers: registry
 * lookups only when an analyzer that needs them runs, the advisory database only
 * when `vulnerable-package` runs and one was given. Never throws for bad input.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EstateModel } from '../graph/buildGraph.js';
import type { Diagnostic } from '../core/result.js';
import { loadAdvisoryDatabase, packageKey } from '../advisories/database.js';
import { lookupRegistries } from '../registry/lookup.js';
import { packageUsages } from '../packages/inventory.js';
import type { PackageIntel } from '../packages/intel.js';
import { latestOf, versionScheme } from '../packages/versionScheme.js';

export const REGISTRY_ANALYZERS: readonly string[] = ['deprecated-package', 'outdated-package'];

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

export async function gatherPackageIntel(
  model: EstateModel,
  analyzerIds: readonly string[],
  scan: { rootDir: string; repoPaths: ReadonlyMap<string, string>; now: () => Date },
  options: PackageOptions,
): Promise<{ intel: PackageIntel; diagnostics: Diagnostic[] }> {
  const usages = packageUsages(model.graph);
  const intel: PackageIntel = { usages, scanDate: scan.now().toISOString() };
  const diagnostics: Diagnostic[] = [];
  if (usages.length > 0 && analyzerIds.some((id) => REGISTRY_ANALYZERS.includes(id))) {
    const lookup = await lookupRegistries(usages, {
      rootDir: scan.rootDir,
      repoPaths: scan.repoPaths,
      offline: options.offline,
      cacheDir: options.cacheDir,
      timeoutMs: options.registryTimeoutMs,
      ttlMs: 24 * 3600_000,
      concurrency: options.concurrency ?? 8,
      retries: 2,
      backoffMs: 250,
      env: options.env,
      homeDir: options.homeDir,
      now: scan.now,
    });
    intel.registry = lookup.index;
    diagnostics.push(...lookup.diagnostics);
    annotateLatest(model, intel);
  }
  if (options.advisories && analyzerIds.includes('vulnerable-package')) {
    if (!existsSync(options.advisories)) {
      diagnostics.push({ code: 'advisories-unreadable', severity: 'error', message: `advisory database not found: ${options.advisories}` });
    } else {
      try {
        const loaded = await loadAdvisoryDatabase(options.advisories, new Set(usages.map((u) => packageKey(u.ecosystem, u.name))));
        intel.advisories = loaded.index;
        diagnostics.push(...loaded.diagnostics);
      } catch (error) {
        diagnostics.push({ code: 'advisories-unreadable', severity: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { intel, diagnostics };
}

/** `data.latest` on each package node the registries answered for, for the JSON result. */
function annotateLatest(model: EstateModel, intel: PackageIntel): void {
  for (const usage of intel.usages) {
    const metadata = intel.registry?.get(usage.projectId, usage.packageId);
    const node = model.graph.node(usage.packageId);
    if (!metadata || !node || node.data?.latest) continue;
    const latest = latestOf(versionScheme(usage.ecosystem), metadata.versions, false);
    if (latest) model.graph.addNode({ ...node, data: { ...node.data, latest } });
  }
}

/** `ASSESS_CACHE_DIR`, else `$XDG_CACHE_HOME/assess`, else `~/.cache/assess`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  if (env.ASSESS_CACHE_DIR) return path.resolve(env.ASSESS_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(homeDir, '.cache'), 'assess');
}
