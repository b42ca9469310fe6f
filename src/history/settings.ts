/** Settings of the history pass (from `assess.config.json` `history` and the scan flags). */
import { DEFAULT_MAINTENANCE_PATTERN } from './maintenance.js';
import { DEFAULT_TICKET_PATTERN } from './tickets.js';
import { DEFAULT_WINDOW, type HistoryWindow } from './window.js';

export interface HistorySettings {
  window: HistoryWindow;
  /** Commits changing more files than this (reformats, mass renames) are left out of coupling. */
  bulkCommitFiles: number;
  /** Regular expression (source) of ticket keys in commit messages. */
  ticketPattern: string;
  /** Regular expression (source, case-insensitive) of commit subjects that announce maintenance (bumps, formatting). */
  maintenancePattern: string;
  /** Commits of one author in different repositories this close together are one change; 0 turns it off. */
  authorWindowSeconds: number;
  /** Coupling thresholds, as code-maat's `min-revs`, `min-shared-revs`, `min-coupling`. */
  minRevisions: number;
  minSharedCommits: number;
  minDegree: number;
  /** Repositories read at the same time (each is one git process). */
  concurrency: number;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = {
  window: DEFAULT_WINDOW,
  bulkCommitFiles: 30,
  ticketPattern: DEFAULT_TICKET_PATTERN,
  maintenancePattern: DEFAULT_MAINTENANCE_PATTERN,
  authorWindowSeconds: 3600,
  minRevisions: 5,
  minSharedCommits: 3,
  minDegree: 0.3,
  concurrency: 2,
};
