/**
 * Sharding a scan across machines. `--shard K/N` takes a stable part of the
 * repositories — by the sha256 of each repository's path from the root, so a
 * repository stays in its shard however the estate grows — and gathers their
 * facts and history into a partial result. Cross-repository edges (HTTP calls,
 * project references, shared tables) and the estate-wide analyzers need every
 * repository at once, so a partial carries facts, not findings: `merge` puts
 * the parts together and runs the estate-wide half of the scan over them, which
 * is why its result is byte for byte the one a single machine would produce.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import type { ScanResult } from '../core/result.js';
import { TOOL_VERSION } from '../core/version.js';
import type { RepoEntry } from '../discover/walk.js';
import type { EstateFacts } from './collectFacts.js';
import { analyseCollectedFacts, collectShardFacts, registeredAnalyzers, type ScanOptions } from './runScan.js';

export const PARTIAL_FORMAT = 'assess-partial-1';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** The options that decide a scan's result, as a partial records them; every shard of one scan has the same. */
export interface RecordedOptions {
  maxFileBytes: number;
  exclude: string[];
  analyzers: string[];
  analyzerOptions: Record<string, unknown>;
  history: ScanOptions['history'] | null;
  clustering: ScanOptions['clustering'] | null;
  candidates: ScanOptions['candidates'] | null;
  packages: { offline: boolean; registryTimeoutMs: number; advisories: string | null };
  /** SOURCE_DATE_EPOCH's time, when given. */
  fixedTime: string | null;
}

export interface PartialResult {
  format: typeof PARTIAL_FORMAT;
  tool: { name: 'assess'; version: string };
  shard: ShardSpec;
  /** sha256 of `options`, compared by `merge`. */
  optionsHash: string;
  options: RecordedOptions;
  /** When this shard's scan began (ISO) and how long it took. */
  scanDate: string;
  elapsedMs: number;
  facts: EstateFacts;
}

/** `K/N` with 1 ≤ K ≤ N ≤ 1000. */
export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > 1000)
    throw new UsageError(`--shard: expected K/N with 1 ≤ K ≤ N (e.g. 2/4), got ${text}`);
  return { index, count };
}

/** The shard (1-based) a repository belongs to among `count`. */
export function shardOfRepo(repoPath: string, count: number): number {
  return (Number.parseInt(createHash('sha256').update(repoPath).digest('hex').slice(0, 12), 16) % count) + 1;
}

export function recordOptions(options: ScanOptions): RecordedOptions {
  const analyzers = (options.analyzers ?? registeredAnalyzers)
    .filter((a) => !options.only || options.only.includes(a.meta.id))
    .map((a) => a.meta.id);
  return {
    maxFileBytes: options.maxFileBytes,
    exclude: [...options.exclude],
    analyzers,
    analyzerOptions: options.analyzerOptions,
    history: options.history ?? null,
    clustering: options.clustering ?? null,
    candidates: options.candidates ?? null,
    packages: {
      offline: options.packages?.offline ?? true,
      registryTimeoutMs: options.packages?.registryTimeoutMs ?? 10_000,
      advisories: options.packages?.advisories ?? null,
    },
    fixedTime: options.fixedTime?.toISOString() ?? null,
  };
}

export async function scanShard(options: ScanOptions, shard: ShardSpec): Promise<PartialResult> {
  const started = performance.now();
  const scanDate = (options.fixedTime ?? options.now?.() ?? new Date()).toISOString();
  const select = (repos: readonly RepoEntry[]) => repos.filter((r) => shardOfRepo(r.path, shard.count) === shard.index);
  const facts = await collectShardFacts(options, select);
  const recorded = recordOptions(options);
  return {
    format: PARTIAL_FORMAT,
    tool: { name: 'assess', version: TOOL_VERSION },
    shard,
    optionsHash: hashOptions(recorded),
    options: recorded,
    scanDate,
    elapsedMs: Math.round(performance.now() - started),
    facts,
  };
}

/**
 * The single-machine result from all N partials of one scan. `machine`: what
 * belongs to the machine running the merge (registry cache folder, environment).
 */
export async function mergeShards(
  parts: readonly { file: string; partial: PartialResult }[],
  machine: Pick<NonNullable<ScanOptions['packages']>, 'cacheDir' | 'env' | 'homeDir'>,
): Promise<ScanResult> {
  const ordered = checkShards(parts);
  const first = ordered[0]!;
  const recorded = first.options;
  const order = new Map(first.facts.discovered.map((p, i) => [p, i]));
  const repos = ordered.flatMap((p) => p.facts.repos).sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  const nameOrder = new Map(repos.map((r, i) => [r.name, i]));
  const histories = ordered.map((p) => p.facts.history);
  const facts: EstateFacts = {
    root: first.facts.root,
    discovered: first.facts.discovered,
    repos,
    diagnostics: ordered.flatMap((p) => p.facts.diagnostics),
    ...(histories.every((h) => h !== undefined)
      ? {
          history: {
            repos: histories
              .flatMap((h) => h!.repos)
              .sort((a, b) => (nameOrder.get(a.repo) ?? 0) - (nameOrder.get(b.repo) ?? 0)),
            diagnostics: histories.flatMap((h) => h!.diagnostics),
          },
        }
      : {}),
  };
  const earliest = ordered.map((p) => p.scanDate).sort()[0]!;
  const options: ScanOptions = {
    root: first.facts.root,
    maxFileBytes: recorded.maxFileBytes,
    exclude: recorded.exclude,
    analyzerOptions: recorded.analyzerOptions,
    analyzers: registeredAnalyzers.filter((a) => recorded.analyzers.includes(a.meta.id)),
    ...(recorded.history !== null ? { history: recorded.history } : {}),
    ...(recorded.clustering !== null ? { clustering: recorded.clustering } : {}),
    ...(recorded.candidates !== null ? { candidates: recorded.candidates } : {}),
    packages: {
      offline: recorded.packages.offline,
      registryTimeoutMs: recorded.packages.registryTimeoutMs,
      ...(recorded.packages.advisories !== null ? { advisories: recorded.packages.advisories } : {}),
      ...machine,
    },
    ...(recorded.fixedTime !== null ? { fixedTime: new Date(recorded.fixedTime) } : { now: () => new Date(earliest) }),
  };
  // The shards ran side by side: the scan took as long as the slowest, plus this merge.
  const slowest = Math.max(...ordered.map((p) => p.elapsedMs));
  return analyseCollectedFacts(facts, options, performance.now() - slowest);
}

/** The partials in shard order, or a usage error saying what does not fit together. */
function checkShards(parts: readonly { file: string; partial: PartialResult }[]): PartialResult[] {
  if (parts.length === 0) throw new UsageError('merge: no partial results given');
  const [first] = parts;
  const count = first!.partial.shard.count;
  for (const { file, partial } of parts) {
    const where = `merge: ${file}`;
    if (partial.tool.version !== TOOL_VERSION)
      throw new UsageError(
        `${where} was written by assess ${partial.tool.version}, this is ${TOOL_VERSION}: scan every shard with the same version`,
      );
    if (partial.shard.count !== count)
      throw new UsageError(
        `${where} is shard ${partial.shard.index}/${partial.shard.count}, ${first!.file} is one of ${count}`,
      );
    if (partial.optionsHash !== first!.partial.optionsHash)
      throw new UsageError(
        `${where} was scanned with other options than ${first!.file}: scan every shard with the same options`,
      );
    if (JSON.stringify(partial.facts.discovered) !== JSON.stringify(first!.partial.facts.discovered))
      throw new UsageError(`${where} saw other repositories than ${first!.file}: scan every shard of the same estate`);
  }
  const byIndex = new Map<number, string>();
  for (const { file, partial } of parts) {
    const seen = byIndex.get(partial.shard.index);
    if (seen) throw new UsageError(`merge: shard ${partial.shard.index}/${count} is given twice (${seen} and ${file})`);
    byIndex.set(partial.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new UsageError(
      `merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`,
    );
  return [...parts].sort((a, b) => a.partial.shard.index - b.partial.shard.index).map((p) => p.partial);
}

function hashOptions(options: RecordedOptions): string {
  return createHash('sha256').update(JSON.stringify(options)).digest('hex');
}
