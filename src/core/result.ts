/**
 * The scan result: one typed object that every reporter renders and the JSON
 * output serialises. Its shape is documented in README.md (schemaVersion below).
 */

import type { SqlQuerySummary } from '../sql/resultSummary.js';

/** One query the estate sends (see README "SQL"). */
export type { SqlQuerySummary };

export const SCHEMA_VERSION = 1;

export type Severity = 'error' | 'warning' | 'note';

/** Where something is: repo name, repo-relative file with `/`, 1-based line/column. */
export interface Location {
  repo: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface Finding {
  /** Stable fingerprint: survives unrelated edits and reruns. */
  id: string;
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  related?: Location[];
  data: Record<string, unknown>;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** Something the tool itself could not read or had to skip. */
export interface Diagnostic {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  repo?: string;
  file?: string;
  line?: number;
}

export type NodeKind =
  | 'repo'
  | 'project'
  | 'namespace'
  | 'type'
  | 'file'
  | 'package'
  | 'external'
  | 'module'
  | 'endpoint'
  | 'table'
  | 'procedure';

export type EdgeKind =
  | 'contains'
  | 'project-ref'
  | 'package-ref'
  | 'assembly-ref'
  | 'produces'
  | 'type-ref'
  | 'namespace-ref'
  | 'project-dep'
  | 'co-change'
  | 'import'
  | 'module-dep'
  | 'http-call'
  | 'serves'
  | 'reads'
  | 'writes'
  | 'executes';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  name: string;
  repo?: string;
  path?: string;
  loc?: number;
  complexity?: number;
  /** Kind-specific attributes (type kind, target frameworks, package ecosystem, …). */
  data?: Record<string, unknown>;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  weight: number;
  data?: Record<string, unknown>;
}

export interface RepoSummary {
  name: string;
  /** Path relative to the scan root, `.` for the root itself. */
  path: string;
  /** Whether the folder is a git repository (has `.git`). */
  git: boolean;
  files: number;
  loc: number;
  languages: Record<string, { files: number; loc: number }>;
  /** The history window read (absent with --no-history, for folders without git, or repos without commits). */
  history?: { commits: number; since: string; until: string; shallow: boolean };
}

export interface ScanStats {
  repos: number;
  files: number;
  filesByLanguage: Record<string, number>;
  loc: number;
  projects: number;
  types: number;
  nodes: number;
  edges: number;
  diagnostics: number;
  findings: number;
  /** Commits read by the history pass (absent with --no-history). */
  commits?: number;
  /** SQL queries found in code, scripts and routines (see the SQL summary). */
  sqlQueries?: number;
  /** Wall-clock milliseconds; excluded from determinism comparisons. */
  elapsedMs: number;
}

export interface ScanResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  /** ISO time of the scan; with `stats.elapsedMs` the only fields that vary between runs. */
  generatedAt: string;
  root: string;
  repos: RepoSummary[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  findings: Finding[];
  diagnostics: Diagnostic[];
  stats: ScanStats;
  /** Queries found in code, scripts and routines; absent when there are none. */
  sql?: { queries: SqlQuerySummary[] };
}
