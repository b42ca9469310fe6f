/**
 * The whole-result cache around a scan: with nothing changed, a scan is the
 * walk, a stat of every file, a read of each HEAD and one lookup. Served only
 * when every input hashes the same (resultKey.ts) and the registry answers the
 * stored result used are still the answers now (offline, from the registry
 * cache; an online scan is never served, as the registries may have moved).
 * Stored only from a clean scan: every file cached, no transient failure
 * diagnostic, no HEAD moved while it ran.
 */
import { createHash } from 'node:crypto';
import { PRUNE_AFTER_DAYS } from '../cache/factsCache.js';
import { ResultCache, type StoredResult } from '../cache/resultCache.js';
import type { StatIndex } from '../cache/statIndex.js';
import type { ScanListener } from '../core/events.js';
import type { PackageUsage, RegistryAnswers } from '../core/packages.js';
import type { Diagnostic, ScanResult } from '../core/result.js';
import type { DiscoveredEstate } from './collectFacts.js';
import { type PackageOptions, registryAnswers } from './packagePhase.js';
import { headsUnmoved, type ResultKey, resultKeyOf, type ResultKeyInputs } from './resultKey.js';

/** Failures that another run might not have: a result carrying one is not kept. */
const TRANSIENT = /failed|timeout|incomplete|unreadable|not-found|unparsed|changed/;

export interface ResultCacheNeeds {
  key: ResultKeyInputs;
  /** Whether a selected analyzer reads registry answers (then they are checked before serving). */
  registry: boolean;
  packages: PackageOptions;
  now: () => Date;
}

/** What the scan used that is not known before it: given to `store`. */
export interface RegistryUse {
  usages: readonly PackageUsage[];
  registry: RegistryAnswers;
  diagnostics: readonly Diagnostic[];
}

export interface ResultSession {
  /** The stored result when it may be served. */
  lookup(): Promise<ScanResult | undefined>;
  /** Keeps `result` for the next scan, if the scan was clean. */
  store(result: ScanResult, clean: boolean, registry: RegistryUse | undefined): void;
}

export function openResultSession(
  cacheDir: string,
  needs: ResultCacheNeeds,
  discovered: DiscoveredEstate,
  stats: StatIndex,
  onEvent?: ScanListener,
): ResultSession {
  const debug = (message: string) => onEvent?.({ type: 'debug', message: `result cache: ${message}` });
  const cache = new ResultCache(cacheDir, (file, reason) => debug(`ignored ${file}: ${reason}; it will be rewritten`));
  const key: ResultKey | Error = resultKeyOf(needs.key, discovered, stats);
  const repoPaths = new Map(discovered.walked.repos.map((r) => [r.name, r.path]));
  const scope = { rootDir: discovered.root, repoPaths, now: needs.now };
  return {
    async lookup() {
      if (key instanceof Error) {
        debug(`not used: ${key.message}`);
        return undefined;
      }
      const stored = cache.get(key.slot, key.inputs);
      if (!stored) {
        debug('miss');
        return undefined;
      }
      if (needs.registry) {
        const usages = stored.registry?.usages as PackageUsage[] | undefined;
        const answers = usages && (await registryAnswers(usages, scope, needs.packages));
        if (!answers || registryFingerprint(usages, answers) !== stored.registry?.fingerprint) {
          debug('miss: the registry answers changed');
          return undefined;
        }
      }
      debug('hit');
      return stored.result;
    },
    store(result, clean, registry) {
      if (key instanceof Error) return;
      const why = !clean
        ? 'a file could not be cached'
        : result.diagnostics.some((d) => TRANSIENT.test(d.code))
          ? 'a diagnostic of a failure that may not recur'
          : !headsUnmoved(key)
            ? 'a HEAD moved while the scan ran'
            : needs.registry && !registry
              ? 'the registry answers were not seen'
              : needs.now().toISOString().slice(0, 10) !== needs.key.day
                ? 'the day changed while the scan ran'
                : undefined;
      if (why) {
        debug(`not stored: ${why}`);
        return;
      }
      const stored: StoredResult = {
        inputs: key.inputs,
        result,
        ...(needs.registry && registry
          ? { registry: { usages: [...registry.usages], fingerprint: registryFingerprint(registry.usages, registry) } }
          : {}),
      };
      cache.set(key.slot, stored);
      cache.prune(PRUNE_AFTER_DAYS);
      debug(cache.stats.failedWrites > 0 ? 'could not be written' : 'stored');
    },
  };
}

/** The stored result as this scan's: its own time and duration. */
export function servedResult(stored: ScanResult, generatedAt: string, elapsedMs: number): ScanResult {
  return { ...stored, generatedAt, stats: { ...stored.stats, elapsedMs } };
}

/** What the registries answered for each usage, and what went wrong asking. */
function registryFingerprint(
  usages: readonly PackageUsage[],
  answers: { registry: RegistryAnswers; diagnostics: readonly Diagnostic[] },
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(answers.diagnostics));
  for (const usage of usages)
    hash.update(`\n${JSON.stringify(answers.registry.get(usage.projectId, usage.packageId) ?? null)}`);
  return hash.digest('hex');
}
