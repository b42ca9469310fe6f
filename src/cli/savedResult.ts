/**
 * Reading a saved scan result (`--from result.json`): the file must be JSON and
 * hold what the plan reads — the graph, the findings and, for the plan, the
 * decomposition — in the shape `assess scan --json` writes. Anything else is a
 * usage error naming the file and the first field that is wrong.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { SCHEMA_VERSION, type ScanResult } from '../core/result.js';

const ids = z.array(z.string());

const savedResult = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.looseObject({ name: z.literal('assess') }),
  root: z.string(),
  graph: z.object({
    nodes: z.array(z.looseObject({ id: z.string(), kind: z.string(), name: z.string() })),
    edges: z.array(z.looseObject({ from: z.string(), to: z.string(), kind: z.string(), weight: z.number() })),
  }),
  findings: z.array(
    z.looseObject({
      id: z.string(),
      ruleId: z.string(),
      severity: z.string(),
      message: z.string(),
      data: z.object({}).loose(),
    }),
  ),
  decomposition: z
    .looseObject({
      settings: z.looseObject({
        weights: z.object({
          references: z.number(),
          calls: z.number(),
          sharedTables: z.number(),
          changeCoupling: z.number(),
        }),
      }),
      clusters: z.array(
        z.looseObject({ id: z.string(), name: z.string(), members: ids, tables: ids, sharedTables: ids }),
      ),
      seams: z.array(z.looseObject({ from: z.string(), to: z.string(), weight: z.number() })),
    })
    .optional(),
});

export function readSavedResult(file: string): ScanResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--from ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--from ${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = savedResult.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    throw new UsageError(
      `--from ${file}: not a result written by assess scan --json (${where}: ${issue.message}); write one with: assess scan ROOT --json ${file}`,
    );
  }
  // Validated above for what the plan reads; the rest is the scan's own output, passed through as written.
  return json as ScanResult;
}
