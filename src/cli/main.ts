/** The `assess` command line: parses arguments, runs a command, maps errors to exit codes. */
import { Command, CommanderError } from 'commander';
import { candidatesCommand } from './commands/candidates.js';
import { explainCommand } from './commands/explain.js';
import { reportCommand } from './commands/report.js';
import { scanCommand } from './commands/scan.js';
import { baselineCommand } from './commands/baseline.js';
import { checkCommand } from './commands/check.js';
import { mergeCommand } from './commands/merge.js';
import { describeError, EXIT, PhaseError, UsageError } from '../core/errors.js';
import { exitOnSignals, OutputWriteError, processIO, type CliIO } from './io.js';
import { TOOL_VERSION } from '../core/version.js';

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('assess')
    .description('Static assessment of a legacy estate: how its repositories are wired and where to cut them.')
    .version(TOOL_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n  $ assess scan ./repos\n  $ assess scan ./repos --json assess-result.json\n  $ assess baseline ./repos -o assess-baseline.json\n  $ assess check ./repos --baseline assess-baseline.json\n  $ assess merge part-1.json part-2.json -o result.json\n  $ assess scan --help',
    );
  program.addCommand(scanCommand(io, (code) => (exitCode = code)));
  program.addCommand(candidatesCommand(io, (code) => (exitCode = code)));
  program.addCommand(explainCommand(io, (code) => (exitCode = code)));
  program.addCommand(reportCommand(io, (code) => (exitCode = code)));
  program.addCommand(baselineCommand(io, (code) => (exitCode = code)));
  program.addCommand(checkCommand(io, (code) => (exitCode = code)));
  program.addCommand(mergeCommand(io, (code) => (exitCode = code)));
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here as "errors" with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`assess: ${error.message}\n`);
      return EXIT.usage;
    }
    const cause = error instanceof PhaseError ? error.cause : error;
    // A full disk or a read-only folder is no bug: one line, no stack; still exit 3.
    if (cause instanceof OutputWriteError) {
      io.stderr(`assess: ${cause.message}\n`);
      return EXIT.internal;
    }
    io.stderr(internalErrorText(error));
    return EXIT.internal;
  }
}

/** For the `assess` process itself (bin/assess.js), not for callers of `main` in this process. */
export function installSignalExit(): void {
  exitOnSignals((text) => void process.stderr.write(text));
}

/** What failed and in which phase on the first line; the stack, when there is one, below it for a bug report. */
function internalErrorText(error: unknown): string {
  const cause = error instanceof PhaseError ? error.cause : error;
  const where = error instanceof PhaseError ? ` in the ${error.phase} phase` : '';
  const stack = cause instanceof Error && cause.stack ? `\n${cause.stack}` : '';
  return `assess: internal error${where}: ${describeError(cause)}${stack}\n`;
}
