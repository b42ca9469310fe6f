/** The configuration file (`assess.config.json`), validated once at the edge. */
import { z } from 'zod';
import { DEFAULT_FILE_BUDGET_MS } from '../core/fileBudget.js';
import { candidatesConfigSchema } from './candidates.js';
import { clusteringConfigSchema } from './clustering.js';
import { historyConfigSchema } from './history.js';
import { DEFAULT_RULES, rulesConfigSchema } from './rules.js';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i;

/** `2MB`, `512KiB`, `1048576` → bytes (binary units throughout). */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  const match = SIZE.exec(value.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(match[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

const size = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const bytes = parseSize(value);
  if (bytes === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a size: ${value} (e.g. 4MB, 512KB, 1048576)` });
    return z.NEVER;
  }
  return bytes;
});

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
export { DEFAULT_FILE_BUDGET_MS };

export const configSchema = z
  .object({
    /** Extra gitignore-style patterns applied in every repository. */
    exclude: z.array(z.string()).default([]),
    /** Files larger than this are skipped with a diagnostic. */
    maxFileSize: size.default(DEFAULT_MAX_FILE_BYTES),
    /** Milliseconds one file's extraction may take before it is stopped and reported (`extract-timeout`). */
    fileBudget: z.number().int().positive().max(3_600_000).default(DEFAULT_FILE_BUDGET_MS),
    /** A scan finding more files or repositories than this stops before extraction (exit 2). */
    maxFiles: z.number().int().positive().optional(),
    maxRepos: z.number().int().positive().optional(),
    /** Per-analyzer options by id; `false` turns an analyzer off. */
    /** The git history pass: window, bulk-commit limit, ticket pattern, coupling thresholds. */
    history: historyConfigSchema.default(historyConfigSchema.parse({})),
    /** Candidate services: signal weights, resolution, seed, pins (src/config/clustering.ts). */
    clustering: clusteringConfigSchema.default(clusteringConfigSchema.parse({})),
    /** Extraction candidates: the weight of each factor of the score (src/config/candidates.ts). */
    candidates: candidatesConfigSchema.default(candidatesConfigSchema.parse({})),
    analyzers: z.record(z.string(), z.union([z.literal(false), z.record(z.string(), z.unknown())])).default({}),
    /** What `assess check` lets through: see src/config/rules.ts. */
    rules: rulesConfigSchema.default(DEFAULT_RULES),
  })
  .strict();

export type AssessConfig = z.infer<typeof configSchema>;
