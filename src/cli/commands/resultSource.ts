/**
 * Where `candidates` and `explain` get their result: a saved one (`--from
 * result.json`) or a scan of ROOT run with the scan's own options. Both need
 * the decomposition the clustering left in the result.
 */
import type { Command } from 'commander';
import type { Candidate, NotCandidate } from '../../core/decomposition.js';
import { UsageError } from '../../core/errors.js';
import type { ScanResult } from '../../core/result.js';
import path from 'node:path';
import { factorWeightsOf } from '../../config/candidates.js';
import { loadConfig } from '../../config/load.js';
import {
  DEFAULT_FACTOR_WEIGHTS,
  type FactorWeights,
  planCandidates,
  type PlanSource,
  toolingClusters,
} from '../../plan/index.js';
import type { CliIO } from '../io.js';
import { readSavedResult } from '../savedResult.js';
import { type ScanFlags, scanWithFlags } from './scan.js';

export interface SourceFlags {
  from?: string;
  config?: string;
  /** commander's `--no-history` */
  history?: boolean;
  since?: string;
  offline?: boolean;
  jobs?: string;
  exclude?: string[];
  maxFileSize?: string;
  fileBudget?: string;
  cacheDir?: string;
  format: 'table' | 'json';
}

export function addSourceOptions(command: Command): Command {
  return command
    .option('--from <file>', 'read a result saved by `assess scan --json` instead of scanning')
    .option('--config <file>', 'configuration file of the scan (default: ROOT/assess.config.json)')
    .option('--no-history', 'scan without git history (no churn, hotspots or knowledge figures)')
    .option('--since <date|duration>', 'history window of the scan (default 12 months)')
    .option('--offline', 'never reach a package registry during the scan')
    .option('--jobs <n>', 'extraction worker threads of the scan')
    .option('--exclude <pattern...>', 'extra gitignore-style patterns to skip')
    .option('--max-file-size <size>', 'skip larger files (default 4MB)')
    .option('--file-budget <ms>', 'per-file extraction time budget of the scan (default 10000)')
    .option('--cache-dir <dir>', 'registry cache folder');
}

export async function loadResult(root: string | undefined, flags: SourceFlags, io: CliIO): Promise<ScanResult> {
  if (flags.from && root) throw new UsageError(`give either a ROOT to scan or --from a saved result, not both`);
  if (flags.from) return readSavedResult(flags.from);
  if (!root) throw new UsageError('give a ROOT to scan, or --from result.json to read a saved result');
  const { from: _from, ...scanFlags } = flags;
  // A progress bar on a terminal unless JSON is asked for, as `scan` does.
  return scanWithFlags(root, { ...scanFlags, quiet: flags.format === 'json' } satisfies ScanFlags, io);
}

/**
 * The result with its decomposition, and its candidates ranked now: from the decomposition, so a
 * result saved by another version of assess is ranked as this one ranks (it takes well under a
 * second on bitwarden's 6,000 types).
 */
export function planOf(
  result: ScanResult,
  origin: string,
  weights: FactorWeights = {},
): { source: PlanSource; candidates: Candidate[]; notCandidates: NotCandidate[] } {
  const decomposition = result.decomposition;
  if (!decomposition)
    throw new UsageError(
      `${origin} holds no decomposition into clusters: scan with a version of assess that clusters the estate`,
    );
  const source = { graph: result.graph, findings: result.findings, decomposition };
  return {
    source,
    candidates: planCandidates(source, { weights }),
    notCandidates: [...toolingClusters(source).values()],
  };
}

export const originOf = (root: string | undefined, flags: SourceFlags): string =>
  flags.from ? `--from ${flags.from}` : `the scan of ${root}`;

/**
 * The factor weights to rank with: the configuration's (ROOT's `assess.config.json`, or `--config`);
 * for a saved result without `--config`, the weights its candidates were ranked with, so it ranks
 * as the scan that saved it did.
 */
export function weightsFor(result: ScanResult, root: string | undefined, flags: SourceFlags): FactorWeights {
  if (flags.from && !flags.config) return savedWeights(result.candidates);
  return factorWeightsOf(loadConfig(path.resolve(root ?? '.'), flags.config).config.candidates);
}

/** Known factors with a usable weight; anything else in a saved list is left to the defaults. */
function savedWeights(candidates: unknown): FactorWeights {
  const factors: unknown = Array.isArray(candidates) ? (candidates[0] as { factors?: unknown })?.factors : undefined;
  const weights: FactorWeights = {};
  if (!Array.isArray(factors)) return weights;
  for (const f of factors as { id?: unknown; weight?: unknown }[]) {
    const known = typeof f?.id === 'string' && Object.hasOwn(DEFAULT_FACTOR_WEIGHTS, f.id);
    if (known && typeof f.weight === 'number' && Number.isFinite(f.weight) && f.weight >= 0)
      weights[f.id as keyof FactorWeights] = f.weight;
  }
  return weights;
}
