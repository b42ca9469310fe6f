/** Finds and validates the configuration; problems are usage errors (exit 2). */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { configSchema, type AssessConfig } from './schema.js';
import { UsageError } from '../core/errors.js';

export const CONFIG_FILE_NAME = 'assess.config.json';

/** An explicit `--config` file, else `assess.config.json` in the scan root, else defaults. */
export function loadConfig(root: string, explicitPath?: string): { config: AssessConfig; path?: string } {
  const candidate = explicitPath ? path.resolve(explicitPath) : path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(candidate)) {
    if (explicitPath) throw new UsageError(`config file not found: ${explicitPath}`);
    return { config: configSchema.parse({}) };
  }
  // The one in the root comes with the estate: a link could lead anywhere, a FIFO or device block the scan.
  if (!explicitPath && !lstatSync(candidate).isFile())
    throw new UsageError(`${candidate} is not a regular file (a link, FIFO or device); pass --config to use it`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(candidate, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `config file ${candidate} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(describeIssue).join('; ');
    throw new UsageError(`config file ${candidate} is invalid: ${issues}`);
  }
  return { config: parsed.data, path: candidate };
}

/** `clustering.weights.refs: unknown key` names the offending key itself, not only the object holding it. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String);
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${[...where, key].join('.')}: unknown key`).join('; ');
  return `${where.join('.') || '(root)'}: ${issue.message}`;
}
