/** `assess candidates [root]`: the clusters ranked for strangler-fig extraction, from a scan or a saved result. */
import { Command, Option } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { renderCandidates } from '../../report/candidates.js';
import type { CliIO } from '../io.js';
import { addSourceOptions, loadResult, originOf, planOf, type SourceFlags, weightsFor } from './resultSource.js';

interface CandidatesFlags extends SourceFlags {
  top?: string;
}

export function candidatesCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('candidates')
    .description('Rank the clusters for extraction: score by named factors, pilot, value target, reasons, work list')
    .argument('[root]', 'folder to scan (or use --from)')
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'json']).default('table'))
    .option('--top <n>', 'candidates printed in detail (default 5; the ranking lists all)');
  return addSourceOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ assess candidates --from result.json         the ranking of a saved scan
  $ assess candidates ./repos                    scan, then rank
  $ assess candidates --from result.json --format json

Exit codes: 0 ok, 2 usage error (no such file, not a scan result, no clusters in it), 3 internal error.`,
    )
    .action(async (root: string | undefined, flags: CandidatesFlags) => {
      const top = flags.top === undefined ? 5 : Number(flags.top);
      if (!Number.isInteger(top) || top < 0) throw new UsageError(`--top: expected a whole number, got ${flags.top}`);
      const result = await loadResult(root, flags, io);
      const { candidates, notCandidates } = planOf(result, originOf(root, flags), weightsFor(result, root, flags));
      io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify({ candidates, ...(notCandidates.length > 0 ? { notCandidates } : {}) }, null, 2)}\n`
          : renderCandidates(result, candidates, { color: io.color, top, notCandidates }),
      );
      setExitCode(EXIT.ok);
    });
}
