/**
 * Reading and writing the partial results of `scan --shard`, as JSON Lines: an
 * envelope first, then one line per file's facts and one per repository's
 * history. A shard of a large estate holds hundreds of megabytes of facts —
 * more than one JavaScript string can hold — so it is never one JSON text. What
 * is not a partial, or is truncated, is a usage error naming the file.
 */
import { closeSync, createReadStream, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import type { ExtractedFile, RepoModel } from '../core/model.js';
import { PARTIAL_FORMAT, type PartialResult } from '../scan/shards.js';

type RepoHistory = NonNullable<PartialResult['facts']['history']>['repos'][number];

export function writePartial(partial: PartialResult, file: string): void {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    const { repos, history, ...facts } = partial.facts;
    const envelope = {
      ...partial,
      facts: {
        ...facts,
        repos: repos.map((r) => ({ name: r.name, path: r.path, git: r.git, files: r.files.length })),
        ...(history ? { history: { diagnostics: history.diagnostics, repos: history.repos.length } } : {}),
      },
    };
    writeSync(fd, `${JSON.stringify(envelope)}\n`);
    repos.forEach((repo, index) => {
      for (const f of repo.files) writeSync(fd, `${JSON.stringify({ repo: index, file: f })}\n`);
    });
    for (const h of history?.repos ?? []) writeSync(fd, `${JSON.stringify({ history: h })}\n`);
  } finally {
    closeSync(fd);
  }
  // Whole or not at all: a merge never reads a part still being written.
  renameSync(temp, target);
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
  facts: z.object({
    root: z.string(),
    discovered: z.array(z.string()),
    diagnostics: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() }).passthrough()),
    repos: z.array(z.object({ name: z.string(), path: z.string(), git: z.boolean(), files: z.number().int() })),
    history: z.object({ diagnostics: z.array(z.unknown()), repos: z.number().int() }).optional(),
  }),
});

export async function readPartial(file: string): Promise<PartialResult> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let head: z.infer<typeof envelope> | undefined;
  const repos: RepoModel[] = [];
  const histories: RepoHistory[] = [];
  try {
    for await (const line of lines) {
      if (line === '') continue;
      const json = parseLine(file, line);
      if (!head) {
        head = checkEnvelope(file, json);
        repos.push(...head.facts.repos.map((r) => ({ name: r.name, path: r.path, git: r.git, files: [] })));
        continue;
      }
      const item = json as { repo?: unknown; file?: unknown; history?: unknown };
      if (typeof item.repo === 'number' && repos[item.repo] && typeof item.file === 'object' && item.file)
        repos[item.repo]!.files.push(item.file as ExtractedFile);
      else if (typeof item.history === 'object' && item.history) histories.push(item.history as RepoHistory);
      else throw new UsageError(`merge: ${file} is a damaged partial result (a line is neither facts nor history)`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`merge: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!head) throw new UsageError(`merge: ${file} is empty, not a partial result of \`assess scan --shard\``);
  const complete =
    head.facts.repos.every((r, i) => repos[i]!.files.length === r.files) &&
    histories.length === (head.facts.history?.repos ?? 0);
  if (!complete) throw new UsageError(`merge: ${file} is a damaged partial result (truncated: facts are missing)`);
  const { history, repos: _counts, ...facts } = head.facts;
  return {
    ...head,
    facts: {
      ...facts,
      diagnostics: facts.diagnostics as PartialResult['facts']['diagnostics'],
      repos,
      ...(history
        ? { history: { diagnostics: history.diagnostics as PartialResult['facts']['diagnostics'], repos: histories } }
        : {}),
    },
  } as unknown as PartialResult;
}

function parseLine(file: string, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new UsageError(`merge: ${file} is not a partial result of \`assess scan --shard\` (not JSON Lines)`);
  }
}

function checkEnvelope(file: string, json: unknown): z.infer<typeof envelope> {
  const parsed = envelope.safeParse(json);
  if (parsed.success) return parsed.data;
  const format = (json as { format?: unknown } | null)?.format;
  const issue = parsed.error.issues[0];
  throw new UsageError(
    format === PARTIAL_FORMAT
      ? `merge: ${file} is a damaged partial result (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`
      : `merge: ${file} is not a partial result of \`assess scan --shard\``,
  );
}
