/** `assess explain <name> [root]`: why a cluster, type, namespace or table sits where it sits. */
import { Command, Option } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { explain } from '../../plan/explain.js';
import { renderExplanations } from '../../report/explain.js';
import type { CliIO } from '../io.js';
import { addSourceOptions, loadResult, originOf, planOf, type SourceFlags, weightsFor } from './resultSource.js';

export function explainCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('explain')
    .description(
      'Why a cluster, type, namespace or table sits where it sits, what it is coupled to, and what moving it would change',
    )
    .argument('<name>', 'a cluster (id or name), type, namespace or table; the last part of a name is enough')
    .argument('[root]', 'folder to scan (or use --from)')
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'json']).default('table'));
  return addSourceOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ assess explain Billing --from result.json              a cluster: its candidate figures and seams
  $ assess explain Shop.Billing.InvoiceService --from result.json
  $ assess explain dbo.orders --from result.json           a table: who uses it, who owns it

Exit codes: 0 ok, 2 usage error (unknown name, with close names; no such file; not a scan result), 3 internal error.`,
    )
    .action(async (name: string, root: string | undefined, flags: SourceFlags) => {
      const result = await loadResult(root, flags, io);
      const { source, candidates } = planOf(result, originOf(root, flags), weightsFor(result, root, flags));
      const outcome = explain(source, name, candidates);
      if ('suggestions' in outcome)
        throw new UsageError(
          `no cluster, type, namespace or table named "${name}"` +
            (outcome.suggestions.length > 0
              ? `; did you mean: ${outcome.suggestions.join(', ')}?`
              : ' (assess candidates lists the clusters)'),
        );
      io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify({ explanations: outcome.explanations }, null, 2)}\n`
          : renderExplanations(result, outcome.explanations, { color: io.color }),
      );
      setExitCode(EXIT.ok);
    });
}
