/** Reading and writing the partial results of `scan --shard`; what is not one is a usage error naming the file. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { writeOutputFile } from './io.js';
import { PARTIAL_FORMAT, type PartialResult } from '../scan/shards.js';

export function writePartial(partial: PartialResult, file: string): void {
  // One line: a partial is read by `merge`, not by people, and holds every file's facts.
  writeOutputFile(file, `${JSON.stringify(partial)}\n`);
}

// The envelope is checked; the facts inside were written by this same version (checked by merge).
const envelope = z.object({
  format: z.literal(PARTIAL_FORMAT),
  tool: z.object({ name: z.literal('assess'), version: z.string() }),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  optionsHash: z.string(),
  options: z.object({}).passthrough(),
  scanDate: z.string(),
  elapsedMs: z.number(),
  facts: z
    .object({
      root: z.string(),
      discovered: z.array(z.string()),
      repos: z.array(z.object({ name: z.string(), path: z.string(), files: z.array(z.unknown()) }).passthrough()),
      diagnostics: z.array(z.unknown()),
    })
    .passthrough(),
});

export function readPartial(file: string): PartialResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`merge: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`merge: ${file} is not JSON (a partial result of \`assess scan --shard\` is)`);
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown } | null)?.format;
    throw new UsageError(
      format === PARTIAL_FORMAT
        ? `merge: ${file} is a damaged partial result (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`
        : `merge: ${file} is not a partial result of \`assess scan --shard\``,
    );
  }
  return json as PartialResult;
}
