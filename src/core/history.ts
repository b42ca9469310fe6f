/** What the history pass leaves for the graph, the analyzers and the result. */

export interface HistoryFigures {
  /** Commits that changed it inside the window. */
  revisions: number;
  added: number;
  deleted: number;
  /** added + deleted lines. */
  churn: number;
  authors: number;
  /** Who changed it most (by churn, or by revisions when only binaries changed): the knowledge holder. */
  mainAuthor: string;
  /** The main author's share of the churn (or revisions), 0..1: close to 1 is a bus factor of one. */
  mainAuthorShare: number;
  /** ISO date of the first and last change inside the window. */
  firstChange: string;
  lastChange: string;
  /** Days from the last change to the newest commit of its repository (not to today: scans are repeatable). */
  ageDays: number;
  /**
   * Revisions and churn outside maintenance commits (bumps, sweeps across projects,
   * mass renames, reformats, bots) and without lockfiles or generated files: the
   * change of logic. Absent where the history pass did not tell them apart.
   */
  logicRevisions?: number;
  logicChurn?: number;
}

export type CouplingLevel = 'file' | 'namespace' | 'project';

export interface CoChangeCounts {
  file: number;
  namespace: number;
  project: number;
  crossRepo: number;
  hidden: number;
}

/** What the model keeps after the pass (the commits themselves are not needed downstream). */
export interface HistorySummary {
  window: string;
  repos: { repo: string; commits: number; since: string; until: string; shallow: boolean }[];
  commits: number;
  /** Commits left out of coupling and logic churn as maintenance (bulk ones included). */
  maintenanceCommits?: number;
  coChange: CoChangeCounts;
}
