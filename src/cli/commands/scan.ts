/** `assess scan <root>`: run the pipeline, print the summary, write the requested outputs. */
import { Command, Option } from 'commander';
import { registeredAnalyzers as analyzers, runScan } from '../../scan/runScan.js';
import type { ScanResult } from '../../core/result.js';
import { renderJson } from '../../report/json.js';
import { renderTable } from '../../report/table.js';
import { renderScanSarif } from '../../report/sarif.js';
import { sarifOptions } from '../sarifOptions.js';
import { terminalProgress } from '../progress.js';
import { EXIT, PhaseError, UsageError } from '../../core/errors.js';
import { type PartialResult, parseShard, scanShard } from '../../scan/shards.js';
import { writePartial } from '../partialFile.js';
import { type CliIO, writeOutputFile } from '../io.js';
import { scanRequest } from '../scanRequest.js';

export interface ScanFlags {
  json?: string;
  html?: string;
  format: 'table' | 'json' | 'sarif';
  quiet?: boolean;
  config?: string;
  maxFileSize?: string;
  fileBudget?: string;
  exclude?: string[];
  only?: string;
  jobs?: string;
  since?: string;
  /** commander's `--no-history` */
  history?: boolean;
  offline?: boolean;
  cacheDir?: string;
  /** commander's `--no-cache` */
  cache?: boolean;
  registryTimeout?: string;
  advisories?: string;
  shard?: string;
  maxFiles?: string;
  maxRepos?: string;
}

export function scanCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('scan')
    .description('Scan every repository under ROOT, build one dependency graph and run the analyzers')
    .argument('<root>', 'folder holding the repositories (or one repository)')
    .option('--json <file>', 'write the full result as JSON to FILE')
    .option('--html <file>', 'write the self-contained HTML report to FILE')
    .addOption(
      new Option('--format <format>', 'what to print on stdout').choices(['table', 'json', 'sarif']).default('table'),
    )
    .option('-q, --quiet', 'no progress bar and no summary (errors still print)')
    .option('--config <file>', `configuration file (default: ROOT/assess.config.json)`)
    .option('--max-file-size <size>', 'skip files larger than this, with a diagnostic (default 4MB)')
    .option('--file-budget <ms>', 'stop and report a file whose extraction takes longer (default 10000)')
    .option('--exclude <pattern...>', 'extra gitignore-style patterns to skip in every repository')
    .option('--max-files <n>', 'stop before extraction (exit 2) if the estate has more files to scan than this')
    .option('--max-repos <n>', 'stop before extraction (exit 2) if the estate has more repositories than this')
    .option(
      '--since <date|duration>',
      "history window: a date (2024-01-31) or a duration back from each repository's newest commit (default 12 months)",
    )
    .option(
      '--no-history',
      'skip reading git history (no churn or co-change figures; analyzers that need history do not run)',
    )
    .option('--only <ids>', `run only these analyzers (comma-separated: ${analyzers.map((a) => a.meta.id).join(', ')})`)
    .option('--jobs <n>', 'extraction worker threads (default: one per core, at most 8; 1 = no workers)')
    .option('--offline', 'never reach a package registry; use cached answers only (also ASSESS_OFFLINE=1)')
    .option(
      '--cache-dir <dir>',
      'cache folder of registry answers, file facts and history (default: ASSESS_CACHE_DIR, else $XDG_CACHE_HOME/assess or ~/.cache/assess)',
    )
    .option('--no-cache', 'read and extract every file and read all history again (nothing cached is used or written)')
    .option('--registry-timeout <ms>', 'time-out of one registry request in milliseconds (default 10000)')
    .option(
      '--advisories <dir|zip>',
      'OSV advisory database (folder or zip of OSV JSON) to match package versions against',
    )
    .option(
      '--shard <K/N>',
      'scan only shard K of N (a stable part of the repositories) into a partial result for `assess merge`; needs --json',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ assess scan ./repos                        summary table of the whole estate
  $ assess scan ./repos --json result.json     also write the full result
  $ assess scan ./repos --html report.html     also write the HTML report
  $ assess scan ./repos --format json > r.json result as JSON on stdout
  $ assess scan . --exclude "**/Generated/**" --max-file-size 8MB
  $ assess scan ./repos --since 18months      history window of 18 months per repository
  $ assess scan ./repos --no-history          structure only, no git log
  $ assess scan ./repos --advisories osv-nuget-npm.zip --offline
  $ assess scan ./repos --shard 2/4 --json part-2.json   one of four machines; then assess merge

Exit codes: 0 ok, 2 usage or configuration error, 3 internal error or an output that could not be written, 130/143 interrupted.`,
    )
    .action(async (root: string, flags: ScanFlags) => {
      setExitCode(await runScanCommand(root, flags, io));
    });
}

async function runScanCommand(root: string, flags: ScanFlags, io: CliIO): Promise<number> {
  if (flags.shard !== undefined) return runShardCommand(root, flags, io);
  const result = await scanWithFlags(root, flags, io);
  try {
    await writeOutputs(result, flags, io);
  } catch (error) {
    throw new PhaseError('report', error);
  }
  return EXIT.ok;
}

/** The scan as the flags ask for it; also what `candidates` and `explain` run when given a root. */
export async function scanWithFlags(root: string, flags: ScanFlags, io: CliIO): Promise<ScanResult> {
  const { options } = scanRequest(root, flags, flags.since);
  const progress = terminalProgress(io.stderrIsTTY && !flags.quiet && flags.format !== 'json');
  try {
    return await runScan({ ...options, ...(progress.listener ? { onEvent: progress.listener } : {}) });
  } finally {
    progress.stop();
  }
}

async function runShardCommand(root: string, flags: ScanFlags, io: CliIO): Promise<number> {
  const shard = parseShard(flags.shard!);
  if (!flags.json) throw new UsageError('--shard writes a partial result: give --json <file> for it');
  if (flags.html || flags.format !== 'table')
    throw new UsageError('--shard writes only a partial result; --html and --format belong to `assess merge`');
  const { options } = scanRequest(root, flags, flags.since);
  const progress = terminalProgress(io.stderrIsTTY && !flags.quiet);
  let partial: PartialResult;
  try {
    partial = await scanShard({ ...options, ...(progress.listener ? { onEvent: progress.listener } : {}) }, shard);
  } finally {
    progress.stop();
  }
  try {
    writePartial(partial, flags.json);
  } catch (error) {
    throw new PhaseError('report', error);
  }
  if (!flags.quiet) {
    const files = partial.facts.repos.reduce((n, r) => n + r.files.length, 0);
    io.stdout(
      `shard ${shard.index}/${shard.count}: ${partial.facts.repos.length} of ${partial.facts.discovered.length} repositories, ${files} files → ${flags.json}\n`,
    );
  }
  return EXIT.ok;
}

async function writeOutputs(result: ScanResult, flags: ScanFlags, io: CliIO): Promise<void> {
  if (flags.json) {
    writeOutputFile(flags.json, renderJson(result));
  }
  // The HTML renderer (and its bundled client) loads only for a scan that writes the report.
  if (flags.html) (await import('./report.js')).writeHtmlReport(result, flags.html);
  if (flags.format === 'json') io.stdout(renderJson(result));
  else if (flags.format === 'sarif') io.stdout(renderScanSarif(result, sarifOptions(result.repos)));
  else if (!flags.quiet) io.stdout(renderTable(result, { color: io.color }));
}
