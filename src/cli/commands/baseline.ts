/** `assess baseline <root> -o assess-baseline.json`: record the accepted state of the estate. */
import { Command } from 'commander';
import { estateState, renderBaseline, toBaseline } from '../../check/index.js';
import { EXIT, PhaseError } from '../../core/errors.js';
import { addEstateScanOptions, type EstateScanFlags, scanEstate } from '../estateScan.js';
import { type CliIO, writeOutputFile } from '../io.js';

interface BaselineFlags extends EstateScanFlags {
  output: string;
}

export function baselineCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('baseline')
    .description(
      'Record the accepted state: dependencies across repo, project and namespace boundaries, cycles, and every finding by its fingerprint',
    )
    .argument('<root>', 'folder holding the repositories (or one repository)')
    .option('-o, --output <file>', 'baseline file to write', 'assess-baseline.json');
  return addEstateScanOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ assess baseline ./repos -o assess-baseline.json --no-history
  $ assess check ./repos --baseline assess-baseline.json --no-history

The file is sorted with one entry per line: commit it and review its diff like code.
Exit codes: 0 written, 2 usage or configuration error, 3 internal error.`,
    )
    .action(async (root: string, flags: BaselineFlags) => {
      const { result } = await scanEstate(root, flags, io);
      const baseline = toBaseline(estateState(result));
      try {
        writeOutputFile(flags.output, renderBaseline(baseline));
      } catch (error) {
        throw new PhaseError('report', error);
      }
      if (!flags.quiet)
        io.stdout(
          `assess: baseline of ${result.root} written to ${flags.output}: ${baseline.dependencies.length} dependencies, ${baseline.cycles.length} cycles, ${baseline.findings.length} findings\n`,
        );
      setExitCode(EXIT.ok);
    });
}
