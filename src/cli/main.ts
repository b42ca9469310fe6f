/** The `assess` command line: parses arguments, runs a command, maps errors to exit codes. */
import { Command, CommanderError } from 'commander';
import { describeError, EXIT, PhaseError, UsageError } from '../core/errors.js';
import { exitOnSignals, OutputWriteError, processIO, type CliIO } from './io.js';
import { TOOL_VERSION } from '../core/version.js';

type CommandFactory = (io: CliIO, setExitCode: (code: number) => void) => Command;

/**
 * Each command's module, loaded only when it is the one run (help lists them all, so it loads
 * them all): `assess scan` never loads the check or report code, `--version` loads none.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  candidates: async () => (await import('./commands/candidates.js')).candidatesCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  baseline: async () => (await import('./commands/baseline.js')).baselineCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
};

/** The commands `argv` can reach: the one it names, none for a bare `--version`, else every one. */
function commandsFor(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return [];
  const named = args[0];
  return named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
}

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
  try {
    for (const name of commandsFor(argv)) {
      const command = await COMMANDS[name]!();
      program.addCommand(command(io, (code) => (exitCode = code)));
    }
    for (const command of program.commands)
      command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
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
