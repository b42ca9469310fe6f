/**
 * The scan options every command that scans reads from its flags and the
 * configuration (`scan`, `candidates`, `explain`, `baseline`, `check`), validated
 * once here so that they all see the estate the same way.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { factorWeightsOf } from '../config/candidates.js';
import { clusteringSettings } from '../config/clustering.js';
import { historySettings } from '../config/history.js';
import { loadConfig } from '../config/load.js';
import { type AssessConfig, parseSize } from '../config/schema.js';
import { UsageError } from '../core/errors.js';
import { defaultCacheDir, type PackageOptions } from '../scan/packagePhase.js';
import { registeredAnalyzers as analyzers, type ScanOptions } from '../scan/runScan.js';

export interface ScanRequestFlags {
  config?: string;
  maxFileSize?: string;
  fileBudget?: string;
  exclude?: string[];
  only?: string;
  jobs?: string;
  /** commander's `--no-history` */
  history?: boolean;
  offline?: boolean;
  cacheDir?: string;
  /** commander's `--no-cache` */
  cache?: boolean;
  registryTimeout?: string;
  advisories?: string;
  maxFiles?: string;
  maxRepos?: string;
}

export interface ScanRequest {
  absRoot: string;
  config: AssessConfig;
  options: Omit<ScanOptions, 'onEvent'>;
}

/** `since`: the history window (`scan`'s `--since`); commands whose `--since` is a revision pass none. */
export function scanRequest(root: string, flags: ScanRequestFlags, since?: string): ScanRequest {
  const absRoot = path.resolve(root);
  if (!existsSync(absRoot)) throw new UsageError(`scan root does not exist: ${root}`);
  if (!statSync(absRoot).isDirectory()) throw new UsageError(`scan root is not a folder: ${root}`);
  const { config } = loadConfig(absRoot, flags.config);
  const maxFileBytes = flags.maxFileSize !== undefined ? parseSize(flags.maxFileSize) : config.maxFileSize;
  if (maxFileBytes === undefined) throw new UsageError(`--max-file-size: not a size: ${flags.maxFileSize} (e.g. 4MB)`);
  const fileBudgetMs = flags.fileBudget !== undefined ? parseFileBudget(flags.fileBudget) : config.fileBudget;
  const maxFiles = flags.maxFiles !== undefined ? parseLimit('--max-files', flags.maxFiles) : config.maxFiles;
  const maxRepos = flags.maxRepos !== undefined ? parseLimit('--max-repos', flags.maxRepos) : config.maxRepos;
  const known = new Set(analyzers.map((a) => a.meta.id));
  const only = flags.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of only ?? [])
    if (!known.has(id)) throw new UsageError(`--only: unknown analyzer "${id}" (known: ${[...known].join(', ')})`);
  let history: ReturnType<typeof historySettings>;
  try {
    history = historySettings(config.history, {
      ...(flags.history === false ? { history: false } : {}),
      ...(since !== undefined ? { since } : {}),
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const packages = packageOptions(flags);
  const disabled = new Set(
    Object.entries(config.analyzers)
      .filter(([, v]) => v === false)
      .map(([id]) => id),
  );
  return {
    absRoot,
    config,
    options: {
      root: absRoot,
      maxFileBytes,
      fileBudgetMs,
      ...(flags.jobs !== undefined ? { workers: parseJobs(flags.jobs) } : {}),
      exclude: [...config.exclude, ...(flags.exclude ?? [])],
      analyzerOptions: Object.fromEntries(Object.entries(config.analyzers).filter(([, v]) => v !== false)),
      history,
      analyzers: analyzers.filter((a) => !disabled.has(a.meta.id)),
      packages,
      // Facts and history live beside the registry answers, unless --no-cache.
      ...(flags.cache !== false ? { cacheDir: packages.cacheDir } : {}),
      clustering: clusteringSettings(config.clustering),
      candidates: { weights: factorWeightsOf(config.candidates) },
      ...(only ? { only } : {}),
      ...fixedTimeOf(process.env),
      ...(maxFiles !== undefined ? { maxFiles } : {}),
      ...(maxRepos !== undefined ? { maxRepos } : {}),
    },
  };
}

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention: a fixed clock and no timings in the result. */
export function fixedTimeOf(env: NodeJS.ProcessEnv): { fixedTime?: Date } {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return {};
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, got ${value}`);
  return { fixedTime: new Date(Number(value) * 1000) };
}

export function parseFileBudget(value: string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(ms) || ms < 1 || ms > 3_600_000)
    throw new UsageError(`--file-budget: expected milliseconds from 1 to 3600000, got ${value}`);
  return ms;
}

function parseLimit(flag: string, value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(limit) || limit < 1)
    throw new UsageError(`${flag}: expected a whole number of at least 1, got ${value}`);
  return limit;
}

export function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`--jobs: expected a whole number from 1 to 64, got ${value}`);
  return jobs;
}

export function packageOptions(
  flags: Pick<ScanRequestFlags, 'registryTimeout' | 'advisories' | 'offline' | 'cacheDir'>,
): PackageOptions {
  const timeout = flags.registryTimeout === undefined ? 10_000 : Number(flags.registryTimeout);
  if (!Number.isInteger(timeout) || timeout <= 0)
    throw new UsageError(`--registry-timeout: not a positive number of milliseconds: ${flags.registryTimeout}`);
  if (flags.advisories !== undefined && !existsSync(flags.advisories))
    throw new UsageError(`--advisories: no such folder or file: ${flags.advisories}`);
  const env = process.env;
  return {
    offline: flags.offline === true || env.ASSESS_OFFLINE === '1' || env.ASSESS_OFFLINE === 'true',
    cacheDir: flags.cacheDir ? path.resolve(flags.cacheDir) : defaultCacheDir(env, homedir()),
    registryTimeoutMs: timeout,
    ...(flags.advisories ? { advisories: path.resolve(flags.advisories) } : {}),
    env,
    homeDir: homedir(),
  };
}
