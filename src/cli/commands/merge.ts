/** `assess merge <part.json…>`: the partial results of `scan --shard` → the result one machine would have produced. */
import { homedir } from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { EXIT, PhaseError } from '../../core/errors.js';
import type { ScanResult } from '../../core/result.js';
import { renderJson } from '../../report/json.js';
import { renderScanSarif } from '../../report/sarif.js';
import { renderTable } from '../../report/table.js';
import { defaultCacheDir } from '../../scan/packagePhase.js';
import { mergeShards } from '../../scan/shards.js';
import { type CliIO, writeOutputFile } from '../io.js';
import { readPartial } from '../partialFile.js';
import { sarifOptions } from '../sarifOptions.js';
import { writeHtmlReport } from './report.js';

interface MergeFlags {
  output?: string;
  html?: string;
  format: 'table' | 'json' | 'sarif';
  quiet?: boolean;
  cacheDir?: string;
}

export function mergeCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('merge')
    .description(
      'Combine the partial results of `assess scan --shard K/N` (all N, each once) into the full result: builds the graph and runs the analyzers over every shard',
    )
    .argument('<parts...>', 'partial result files written by `assess scan --shard K/N --json`')
    .option('-o, --output <file>', 'write the full result as JSON to FILE (as `scan --json`)')
    .option('--html <file>', 'write the self-contained HTML report to FILE')
    .addOption(
      new Option('--format <format>', 'what to print on stdout').choices(['table', 'json', 'sarif']).default('table'),
    )
    .option('-q, --quiet', 'no summary (errors still print)')
    .option(
      '--cache-dir <dir>',
      'registry cache folder of this machine (default: ASSESS_CACHE_DIR, else $XDG_CACHE_HOME/assess or ~/.cache/assess)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ assess scan ./repos --shard 1/2 --json part-1.json     (machine 1)
  $ assess scan ./repos --shard 2/2 --json part-2.json     (machine 2)
  $ assess merge part-1.json part-2.json -o result.json --html report.html

Every shard must come from the same assess version and the same options and
estate; a missing or repeated shard is an error. Exit codes: 0 ok, 2 the parts
do not fit together (or usage), 3 internal error.`,
    )
    .action(async (parts: string[], flags: MergeFlags) => {
      setExitCode(await runMerge(parts, flags, io));
    });
}

async function runMerge(files: readonly string[], flags: MergeFlags, io: CliIO): Promise<number> {
  const parts = [];
  for (const file of files) parts.push({ file, partial: await readPartial(file) });
  const result = await mergeShards(parts, {
    cacheDir: flags.cacheDir ? path.resolve(flags.cacheDir) : defaultCacheDir(process.env, homedir()),
    env: process.env,
    homeDir: homedir(),
  });
  try {
    writeOutputs(result, flags, io);
  } catch (error) {
    throw new PhaseError('report', error);
  }
  return EXIT.ok;
}

function writeOutputs(result: ScanResult, flags: MergeFlags, io: CliIO): void {
  if (flags.output) writeOutputFile(flags.output, renderJson(result));
  if (flags.html) writeHtmlReport(result, flags.html);
  if (flags.format === 'json') io.stdout(renderJson(result));
  else if (flags.format === 'sarif') io.stdout(renderScanSarif(result, sarifOptions(result.repos)));
  else if (!flags.quiet) io.stdout(renderTable(result, { color: io.color }));
}
