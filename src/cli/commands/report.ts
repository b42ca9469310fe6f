/** `assess report <result.json> --html <file>`: the HTML report from a saved result, without scanning again. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { SCHEMA_VERSION, type ScanResult } from '../../core/result.js';
import { EXIT, PhaseError, UsageError } from '../../core/errors.js';
import { loadClientBundle } from '../../report/html/clientBundle.js';
import { renderHtml } from '../../report/html/renderHtml.js';
import { type CliIO, writeOutputFile } from '../io.js';

export function reportCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('report')
    .description('Write the HTML report of a result saved with `scan --json`')
    .argument('<result>', 'result JSON written by `assess scan --json`')
    .requiredOption('--html <file>', 'write the self-contained HTML report to FILE')
    .addHelpText(
      'after',
      '\nExample:\n  $ assess scan ./repos --json result.json && assess report result.json --html report.html',
    )
    .action((resultFile: string, flags: { html: string }) => {
      writeHtmlReport(readResult(resultFile), flags.html);
      io.stderr(`assess: wrote ${flags.html}\n`);
      setExitCode(EXIT.ok);
    });
}

/** Renders and writes the report; a failure is the report phase's. */
export function writeHtmlReport(result: ScanResult, file: string): void {
  try {
    writeOutputFile(file, renderHtml(result, { client: loadClientBundle() }));
  } catch (error) {
    throw new PhaseError('report', error);
  }
}

const ARRAYS = ['repos', 'findings', 'summaries', 'diagnostics'] as const;

/** The saved result, checked for the shape the report reads; anything else is a usage error naming the file. */
function readResult(file: string): ScanResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  if (!record || record.schemaVersion !== SCHEMA_VERSION)
    throw new UsageError(
      `${file} is not an assess result of schema version ${SCHEMA_VERSION} (write one with \`assess scan --json\`)`,
    );
  const graph = record.graph as Record<string, unknown> | undefined;
  const missing = [
    ...ARRAYS.filter((key) => !Array.isArray(record[key])),
    ...(!Array.isArray(graph?.nodes) || !Array.isArray(graph?.edges) ? ['graph'] : []),
    ...(typeof record.stats !== 'object' || record.stats === null ? ['stats'] : []),
  ];
  if (missing.length > 0) throw new UsageError(`${file} is not a complete assess result: no ${missing.join(', ')}`);
  return value as ScanResult;
}
