/** `assess check <root> --baseline <file>`: scan, and report only what is new against the baseline. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { changedFilesSince, checkEstate, parseBaseline } from '../../check/index.js';
import type { CheckReport } from '../../core/check.js';
import { EXIT, PhaseError, UsageError } from '../../core/errors.js';
import type { ScanResult } from '../../core/result.js';
import { renderCheckTable } from '../../report/checkTable.js';
import { renderCheckSarif } from '../../report/sarif.js';
import { renderGithubAnnotations } from '../../report/github.js';
import { renderJunit } from '../../report/junit.js';
import { sarifOptions } from '../sarifOptions.js';
import { addEstateScanOptions, type EstateScanFlags, scanEstate } from '../estateScan.js';
import type { CliIO } from '../io.js';

const FORMATS = ['table', 'json', 'sarif', 'github', 'junit'] as const;
type CheckFormat = (typeof FORMATS)[number];

interface CheckFlags extends EstateScanFlags {
  baseline: string;
  since?: string;
  format: CheckFormat;
  output?: string;
}

export function checkCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('check')
    .description(
      'Scan and report only what is new against a baseline: dependencies across boundaries, cycles, findings; also improvements and stale entries',
    )
    .argument('<root>', 'folder holding the repositories (or one repository)')
    .requiredOption('--baseline <file>', 'the baseline written by `assess baseline`')
    .option('--since <git-rev>', 'report only what the files changed since this revision add')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write the report to FILE instead of stdout');
  return addEstateScanOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ assess check ./repos --baseline assess-baseline.json --no-history
  $ assess check ./repos --baseline assess-baseline.json --since origin/main --format sarif --output assess.sarif

Exit codes: 1 something new fails a rule, 0 nothing does, 2 usage or configuration error, 3 internal error.`,
    )
    .action(async (root: string, flags: CheckFlags) => {
      setExitCode(await runCheck(root, flags, io));
    });
}

async function runCheck(root: string, flags: CheckFlags, io: CliIO): Promise<number> {
  if (!existsSync(flags.baseline)) throw new UsageError(`--baseline: no such file: ${flags.baseline}`);
  const baseline = parseBaseline(readFileSync(flags.baseline, 'utf8'), flags.baseline);
  const { absRoot, config, result } = await scanEstate(root, flags, io);
  const since = flags.since
    ? { revision: flags.since, ...(await changedFilesSince(absRoot, result.repos, flags.since)) }
    : undefined;
  const report = checkEstate(result, baseline, {
    rules: config.rules,
    today: new Date().toISOString().slice(0, 10),
    ...(since ? { since } : {}),
  });
  try {
    const text = render(report, result, flags.format, io.color && !flags.output);
    if (flags.output) {
      const target = path.resolve(flags.output);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    } else io.stdout(text);
  } catch (error) {
    throw new PhaseError('report', error);
  }
  return report.failed ? EXIT.findings : EXIT.ok;
}

function render(report: CheckReport, result: ScanResult, format: CheckFormat, color: boolean): string {
  switch (format) {
    case 'sarif':
      return renderCheckSarif(report, sarifOptions(result.repos));
    case 'github':
      return renderGithubAnnotations(report, result.repos);
    case 'junit':
      return renderJunit(report, result.repos);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    default:
      return renderCheckTable(report, { color });
  }
}
