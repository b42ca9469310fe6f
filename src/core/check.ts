/**
 * The CI vocabulary: the accepted state of an estate (the baseline) and what a
 * check found new against it. Built by src/check, rendered by src/report.
 */
import type { Finding, Location, Severity } from './result.js';

/**
 * The boundaries dependencies are recorded across, coarsest first. A cluster is a
 * candidate service of the decomposition, as the baseline assigned it (so that a
 * re-clustering never moves a boundary under a change); a namespace is C#'s (per
 * project); for JS/TS it is the folder (the `module` node).
 */
export const BOUNDARY_LEVELS = ['cluster', 'repo', 'project', 'namespace'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/** What crosses a boundary: a C#/JS reference, a call, or table access. */
export const DEPENDENCY_KINDS = ['reference', 'http', 'grpc', 'read', 'write', 'execute'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

/**
 * One dependency between two units of a level (`namespace:Harbor.Billing@…`,
 * `project:…`, `repo:…`, `table:…`): identified by its ends and kind, never by a line.
 */
export interface BoundaryDependency {
  level: BoundaryLevel;
  kind: DependencyKind;
  from: string;
  to: string;
}

/** A cycle at one level, by its sorted members. */
export interface BoundaryCycle {
  level: BoundaryLevel;
  members: string[];
}

export interface BaselineFinding {
  id: string;
  ruleId: string;
  /** `repo/file`, for the reviewer; matching is by `id`. */
  at: string;
  /**
   * Hash of the rule and message: pairs a finding whose fingerprint names its file
   * with the same finding after the file was renamed (the old file is gone, the message is the same).
   */
  content?: string;
}

/**
 * A code unit's cluster when the baseline was recorded (`cluster:<id>`). The check
 * judges cluster boundaries by this assignment, not by the current clustering: a
 * new unit takes the cluster its namespace's (or folder's) recorded units mostly sit in.
 */
export interface ClusterAssignment {
  unit: string;
  cluster: string;
  /** The shared layer: depending on it crosses no service boundary. */
  shared?: true;
}

export const BASELINE_SCHEMA = 'assess-baseline/1';

export interface Baseline {
  schema: typeof BASELINE_SCHEMA;
  levels: BoundaryLevel[];
  dependencies: BoundaryDependency[];
  cycles: BoundaryCycle[];
  findings: BaselineFinding[];
  /** Present when the baseline's scan had a decomposition. */
  clusters?: ClusterAssignment[];
}

/** Something a check reports, with the rule that judged it and how badly. */
interface Judged {
  /** `new-coupling`, `new-cycle`, a config rule's name, or the analyzer id for findings. */
  rule: string;
  severity: Severity;
  /** Set when an ignore with a reason covers it: reported, never failing. */
  ignored?: { reason: string; expires: string };
}

export interface NewCoupling extends BoundaryDependency, Judged {
  /** The reference that adds it (the first, by repo, file, line). */
  location: Location;
  message: string;
}

export interface NewCycle extends BoundaryCycle, Judged {
  /** The baseline cycle it grew from; absent for a new cycle. */
  grownFrom?: string[];
  /** A reference on one of the cycle's dependencies that is new. */
  location?: Location;
  message: string;
}

export interface NewFinding extends Judged {
  finding: Finding;
}

/** A unit whose instability Ce/(Ca+Ce) a change lifted above the configured maximum. */
export interface ThresholdBreach extends Judged {
  level: BoundaryLevel;
  unit: string;
  instability: number;
  /** Its instability in the baseline; absent for a new unit. */
  before?: number;
  max: number;
  message: string;
}

export interface StaleEntry {
  section: 'dependencies' | 'cycles' | 'findings';
  entry: string;
  reason: string;
  /** What is gone: unit ids, or the `repo/file` of a finding. */
  gone: string[];
}

export interface CheckReport {
  root: string;
  /** `--since <rev>`: only what the files changed since it add is reported. */
  since?: string;
  couplings: NewCoupling[];
  cycles: NewCycle[];
  findings: NewFinding[];
  thresholds: ThresholdBreach[];
  /** Findings still there, for SARIF's `unchanged` baseline state. */
  unchanged: Finding[];
  improvements: {
    dependencies: BoundaryDependency[];
    cycles: BoundaryCycle[];
    findings: BaselineFinding[];
  };
  stale: StaleEntry[];
  /** Config problems found while judging (an expired ignore), shown as notes. */
  notes: string[];
  failed: boolean;
}

/** A dependency as one readable line, also its key in sets. */
export const dependencyKey = (d: BoundaryDependency): string => `${d.level} ${d.kind} ${d.from} -> ${d.to}`;
/** The unit id of a cluster at the cluster level. */
export const clusterUnitId = (clusterId: string): string => `cluster:${clusterId}`;
export const cycleKey = (c: BoundaryCycle): string => `${c.level} ${c.members.join(' | ')}`;
