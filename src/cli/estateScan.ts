/**
 * The scan behind `assess baseline` and `assess check`: the scan command's
 * options that decide what is read (config, excludes, analyzers, history,
 * registry), so a baseline and the checks against it see the estate the same way.
 */
import type { Command } from 'commander';
import type { AssessConfig } from '../config/schema.js';
import type { ScanResult } from '../core/result.js';
import { runScan } from '../scan/runScan.js';
import type { CliIO } from './io.js';
import { terminalProgress } from './progress.js';
import { type ScanRequestFlags, scanRequest } from './scanRequest.js';

export interface EstateScanFlags extends ScanRequestFlags {
  quiet?: boolean;
}

export function addEstateScanOptions(command: Command): Command {
  return command
    .option('--config <file>', 'configuration file (default: ROOT/assess.config.json)')
    .option('--max-file-size <size>', 'skip files larger than this, with a diagnostic (default 4MB)')
    .option('--file-budget <ms>', 'stop and report a file whose extraction takes longer (default 10000)')
    .option('--exclude <pattern...>', 'extra gitignore-style patterns to skip in every repository')
    .option('--max-files <n>', 'stop before extraction (exit 2) if the estate has more files to scan than this')
    .option('--max-repos <n>', 'stop before extraction (exit 2) if the estate has more repositories than this')
    .option('--only <ids>', 'run only these analyzers (comma-separated)')
    .option('--jobs <n>', 'extraction worker threads (default: one per core, at most 8; 1 = no workers)')
    .option('--no-history', 'skip reading git history (analyzers that need it do not run)')
    .option('--offline', 'never reach a package registry; use cached answers only (also ASSESS_OFFLINE=1)')
    .option('--cache-dir <dir>', 'cache folder of registry answers, file facts and history')
    .option('--no-cache', 'extract every file and read all history again (nothing cached is used or written)')
    .option('--registry-timeout <ms>', 'time-out of one registry request in milliseconds (default 10000)')
    .option('--advisories <dir|zip>', 'OSV advisory database (folder or zip of OSV JSON)')
    .option('-q, --quiet', 'no progress bar');
}

export async function scanEstate(
  root: string,
  flags: EstateScanFlags,
  io: CliIO,
): Promise<{ absRoot: string; config: AssessConfig; result: ScanResult }> {
  // Their `--since` is a revision, not a history window: the configured window applies.
  const { absRoot, config, options } = scanRequest(root, flags);
  const progress = terminalProgress(io.stderrIsTTY && !flags.quiet);
  try {
    const result = await runScan({ ...options, ...(progress.listener ? { onEvent: progress.listener } : {}) });
    return { absRoot, config, result };
  } finally {
    progress.stop();
  }
}
