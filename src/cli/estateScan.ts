/**
 * The scan behind `assess baseline` and `assess check`: the scan command's
 * options that decide what is read (config, excludes, analyzers, history,
 * registry), so a baseline and the checks against it see the estate the same way.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AssessConfig } from '../config/schema.js';
import { loadConfig } from '../config/load.js';
import { parseSize } from '../config/schema.js';
import { historySettings } from '../config/history.js';
import { UsageError } from '../core/errors.js';
import type { ScanResult } from '../core/result.js';
import { registeredAnalyzers as analyzers, runScan } from '../scan/runScan.js';
import { packageOptions, parseJobs } from './commands/scan.js';
import type { CliIO } from './io.js';
import { terminalProgress } from './progress.js';

export interface EstateScanFlags {
  config?: string;
  maxFileSize?: string;
  exclude?: string[];
  only?: string;
  jobs?: string;
  /** commander's `--no-history` */
  history?: boolean;
  offline?: boolean;
  cacheDir?: string;
  registryTimeout?: string;
  advisories?: string;
  quiet?: boolean;
}

export function addEstateScanOptions(command: Command): Command {
  return command
    .option('--config <file>', 'configuration file (default: ROOT/assess.config.json)')
    .option('--max-file-size <size>', 'skip files larger than this, with a diagnostic (default 4MB)')
    .option('--exclude <pattern...>', 'extra gitignore-style patterns to skip in every repository')
    .option('--only <ids>', 'run only these analyzers (comma-separated)')
    .option('--jobs <n>', 'extraction worker threads (default: one per core, at most 8; 1 = no workers)')
    .option('--no-history', 'skip reading git history (analyzers that need it do not run)')
    .option('--offline', 'never reach a package registry; use cached answers only (also ASSESS_OFFLINE=1)')
    .option('--cache-dir <dir>', 'registry cache folder')
    .option('--registry-timeout <ms>', 'time-out of one registry request in milliseconds (default 10000)')
    .option('--advisories <dir|zip>', 'OSV advisory database (folder or zip of OSV JSON)')
    .option('-q, --quiet', 'no progress bar');
}

export async function scanEstate(
  root: string,
  flags: EstateScanFlags,
  io: CliIO,
): Promise<{ absRoot: string; config: AssessConfig; result: ScanResult }> {
  const absRoot = path.resolve(root);
  if (!existsSync(absRoot)) throw new UsageError(`scan root does not exist: ${root}`);
  if (!statSync(absRoot).isDirectory()) throw new UsageError(`scan root is not a folder: ${root}`);
  const { config } = loadConfig(absRoot, flags.config);
  const maxFileBytes = flags.maxFileSize !== undefined ? parseSize(flags.maxFileSize) : config.maxFileSize;
  if (maxFileBytes === undefined) throw new UsageError(`--max-file-size: not a size: ${flags.maxFileSize} (e.g. 4MB)`);
  const known = new Set(analyzers.map((a) => a.meta.id));
  const only = flags.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of only ?? [])
    if (!known.has(id)) throw new UsageError(`--only: unknown analyzer "${id}" (known: ${[...known].join(', ')})`);
  let history: ReturnType<typeof historySettings>;
  try {
    history = historySettings(config.history, { ...(flags.history === false ? { history: false } : {}) });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const disabled = new Set(
    Object.entries(config.analyzers)
      .filter(([, v]) => v === false)
      .map(([id]) => id),
  );
  const progress = terminalProgress(io.stderrIsTTY && !flags.quiet);
  try {
    const result = await runScan({
      root: absRoot,
      maxFileBytes,
      ...(flags.jobs !== undefined ? { workers: parseJobs(flags.jobs) } : {}),
      exclude: [...config.exclude, ...(flags.exclude ?? [])],
      analyzerOptions: Object.fromEntries(Object.entries(config.analyzers).filter(([, v]) => v !== false)),
      history,
      analyzers: analyzers.filter((a) => !disabled.has(a.meta.id)),
      packages: packageOptions(flags),
      ...(only ? { only } : {}),
      ...(progress.listener ? { onEvent: progress.listener } : {}),
    });
    return { absRoot, config, result };
  } finally {
    progress.stop();
  }
}
