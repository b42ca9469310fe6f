/** The `history` section of assess.config.json, and how it and the scan flags become the pass's settings. */
import { z } from 'zod';
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '../history/settings.js';
import { durationSeconds, parseWindow } from '../history/window.js';

const windowText = z.string().refine((text) => parseWindow(text) !== undefined, {
  message: 'not a date or duration (e.g. 2024-01-31, 12 months, 18mo, 2y, 90d)',
});

const pattern = z.string().refine(
  (source) => {
    try {
      return !new RegExp(source, 'g').test('');
    } catch {
      return false;
    }
  },
  { message: 'not a regular expression that matches ticket keys (it must not match an empty string)' },
);

const maintenancePattern = z.string().refine(
  (source) => {
    try {
      return !new RegExp(source, 'i').test('');
    } catch {
      return false;
    }
  },
  { message: 'not a regular expression of maintenance commit subjects (it must not match an empty subject)' },
);

const authorWindow = z.union([z.number().min(0), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const seconds = parseWindow(value);
  const result = seconds ? durationSeconds(seconds) : undefined;
  if (result === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a duration: ${value} (e.g. 1h, 30 minutes, 0 to turn off)` });
    return z.NEVER;
  }
  return result;
});

export const historyConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Window: a duration back from each repository's newest commit, or a date. */
    since: windowText.optional(),
    bulkCommitFiles: z.number().int().positive().default(DEFAULT_HISTORY_SETTINGS.bulkCommitFiles),
    ticketPattern: pattern.default(DEFAULT_HISTORY_SETTINGS.ticketPattern),
    /** Commit subjects that announce maintenance (bumps, formatting), left out of coupling and logic churn. */
    maintenancePattern: maintenancePattern.default(DEFAULT_HISTORY_SETTINGS.maintenancePattern),
    authorWindow: authorWindow.default(DEFAULT_HISTORY_SETTINGS.authorWindowSeconds),
    minRevisions: z.number().int().min(1).default(DEFAULT_HISTORY_SETTINGS.minRevisions),
    minSharedCommits: z.number().int().min(1).default(DEFAULT_HISTORY_SETTINGS.minSharedCommits),
    minDegree: z.number().min(0).max(1).default(DEFAULT_HISTORY_SETTINGS.minDegree),
  })
  .strict();

export type HistoryConfig = z.infer<typeof historyConfigSchema>;

/** `false` when history is off; `since` from the flag wins over the config. Throws on a bad `since`. */
export function historySettings(
  config: HistoryConfig,
  flags: { history?: boolean; since?: string },
): HistorySettings | false {
  if (flags.history === false || !config.enabled) return false;
  const sinceText = flags.since ?? config.since;
  const window = sinceText === undefined ? DEFAULT_HISTORY_SETTINGS.window : parseWindow(sinceText);
  if (!window)
    throw new RangeError(`--since: not a date or duration: ${sinceText} (e.g. 2024-01-31, 12 months, 18mo, 2y)`);
  return {
    ...DEFAULT_HISTORY_SETTINGS,
    window,
    bulkCommitFiles: config.bulkCommitFiles,
    ticketPattern: config.ticketPattern,
    maintenancePattern: config.maintenancePattern,
    authorWindowSeconds: config.authorWindow,
    minRevisions: config.minRevisions,
    minSharedCommits: config.minSharedCommits,
    minDegree: config.minDegree,
  };
}
