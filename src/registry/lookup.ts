/**
 * The registry phase: every public package the estate uses, looked up once per
 * package and source, in parallel with a bound, through the on-disk cache. Each
 * package that cannot be looked up becomes one diagnostic — except a registry
 * that cannot be reached, which is one diagnostic for all its packages; the scan
 * goes on.
 */
import type { Diagnostic } from '../core/result.js';
import type { PackageUsage } from '../packages/inventory.js';
import { RegistryIndex, type PackageMetadata } from '../packages/metadata.js';
import { RegistryCache } from './cache.js';
import type { Fetched, FetchContext } from './fetchJson.js';
import { RegistryHttp } from './http.js';
import { fetchNpmPackage } from './npmRegistry.js';
import { fetchNuGetPackage } from './nugetRegistry.js';
import { RegistrySettings } from './settings.js';

export interface RegistryOptions {
  /** Absolute scan root; repositories' folders are relative to it. */
  rootDir: string;
  repoPaths: ReadonlyMap<string, string>;
  offline: boolean;
  cacheDir: string;
  timeoutMs: number;
  ttlMs: number;
  concurrency: number;
  retries: number;
  backoffMs: number;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  now: () => Date;
}

export interface RegistryLookup {
  index: RegistryIndex;
  diagnostics: Diagnostic[];
  /** Requests that reached the network. */
  requests: number;
  packages: number;
}

interface Group {
  usages: PackageUsage[];
  run: (context: FetchContext) => Promise<{ result: Fetched<PackageMetadata>; problems: string[] }>;
  where: string;
}

export async function lookupRegistries(
  usages: readonly PackageUsage[],
  options: RegistryOptions,
): Promise<RegistryLookup> {
  const diagnostics: Diagnostic[] = [];
  const settings = new RegistrySettings({
    rootDir: options.rootDir,
    env: options.env,
    homeDir: options.homeDir,
    diagnostics,
  });
  const groups = new Map<string, Group>();
  for (const usage of usages) {
    if (usage.internal || !usage.fromRegistry) continue;
    const repoDir = options.repoPaths.get(usage.repo) ?? usage.repo;
    if (usage.ecosystem === 'npm') {
      const registry = settings.npmRegistryFor(usage.name, repoDir, usage.file);
      const key = `npm\u0000${registry.url}\u0000${registry.authorization ?? ''}\u0000${usage.name}`;
      const group = groups.get(key) ?? {
        usages: [],
        where: registry.url,
        run: async (c: FetchContext) => ({ result: await fetchNpmPackage(c, registry, usage.name), problems: [] }),
      };
      group.usages.push(usage);
      groups.set(key, group);
    } else {
      const sources = settings.nugetSourcesFor(usage.repo, repoDir, usage.file);
      const usable = sources.filter(
        (s) => /^https?:\/\//i.test(s.url) && s.protocolVersion !== '2' && !/\/api\/v2\/?$/i.test(s.url),
      );
      const key = `nuget\u0000${usable.map((s) => `${s.url}\u0001${s.authorization ?? ''}`).join('\u0000')}\u0000${usage.name.toLowerCase()}`;
      const group: Group = groups.get(key) ?? {
        usages: [],
        where: usable.length > 0 ? usable.map((s) => s.url).join(', ') : 'no NuGet v3 package source',
        run: (c: FetchContext) =>
          fetchNuGetPackage(
            c,
            usable,
            usage.name,
            group.usages.map((u) => u.known).filter((v) => v !== undefined),
          ),
      };
      group.usages.push(usage);
      groups.set(key, group);
    }
  }

  const http = new RegistryHttp({
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    backoffMs: options.backoffMs,
    concurrency: options.concurrency,
  });
  const context: FetchContext = {
    http,
    cache: new RegistryCache(options.cacheDir, options.ttlMs, options.now),
    offline: options.offline,
    cacheErrors: [],
    inflight: new Map(),
  };
  const index = new RegistryIndex();
  const offlineMisses: PackageUsage[] = [];
  const unreachable = new Map<string, { names: string[]; reasons: string[]; usages: PackageUsage[] }>();
  // Sorted keys: diagnostics and cache writes happen in the same order on every run.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  const outcomes = await Promise.all(ordered.map((group) => group.run(context)));
  ordered.forEach((group, i) => {
    const { result, problems } = outcomes[i]!;
    const first = group.usages[0]!;
    const at = { repo: first.repo, file: first.file, ...(first.line ? { line: first.line } : {}) };
    const label = `${first.ecosystem} package ${first.name}`;
    for (const problem of problems)
      diagnostics.push({
        code: 'registry-partial',
        severity: 'info',
        message: `${label}: release dates or deprecation not read (${problem})`,
        ...at,
      });
    if (result.kind === 'found')
      for (const usage of group.usages) index.set(usage.projectId, usage.packageId, result.value);
    else if (result.kind === 'not-found') {
      diagnostics.push({
        code: 'package-not-found',
        severity: 'warning',
        message: `${label} is not on ${group.where} (a private package whose registry is not configured?)`,
        ...at,
      });
    } else if (result.code === 'registry-offline-miss') offlineMisses.push(first);
    else if (result.code === 'registry-unreachable') {
      const down = unreachable.get(group.where) ?? { names: [], reasons: [], usages: [] };
      down.names.push(`${first.ecosystem}:${first.name}`);
      down.reasons.push(result.message);
      down.usages.push(...group.usages);
      unreachable.set(group.where, down);
    } else diagnostics.push({ code: result.code, severity: 'warning', message: `${label}: ${result.message}`, ...at });
  });
  for (const [where, down] of unreachable) diagnostics.push(unreachableDiagnostic(where, down));
  if (offlineMisses.length > 0) {
    const names = offlineMisses.map((u) => `${u.ecosystem}:${u.name}`);
    diagnostics.push({
      code: 'registry-offline-miss',
      severity: 'info',
      message: `offline: ${names.length} package(s) not in the registry cache, so not checked for newer versions or deprecation: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}`,
    });
  }
  if (context.cacheErrors.length > 0) {
    diagnostics.push({
      code: 'registry-cache-unwritable',
      severity: 'warning',
      message: `the registry cache could not be written (${context.cacheErrors[0]})`,
    });
  }
  return { index, diagnostics, requests: http.requests, packages: groups.size };
}

/** One registry down: one diagnostic saying how many packages went unchecked, with the first real reason. */
function unreachableDiagnostic(
  where: string,
  { names, reasons, usages }: { names: string[]; reasons: string[]; usages: PackageUsage[] },
): Diagnostic {
  // Where every package asking that registry comes from one repository (or file), say which.
  const repos = new Set(usages.map((u) => u.repo));
  const files = new Set(usages.map((u) => `${u.repo}\u0000${u.file}`));
  const at = repos.size === 1 ? { repo: usages[0]!.repo, ...(files.size === 1 ? { file: usages[0]!.file } : {}) } : {};
  const reason = reasons.find((r) => !r.includes('not tried:')) ?? reasons[0]!;
  const listed = `${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`;
  const count = names.length === 1 ? '1 package was' : `${names.length} packages were`;
  return {
    code: 'registry-unreachable',
    severity: 'warning',
    message: `${where} could not be reached, so ${count} not looked up (${listed}): ${reason}`,
    ...at,
  };
}
