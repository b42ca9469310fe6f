/**
 * The scan result: one typed object that every reporter renders and the JSON
 * output serialises. Its shape is documented in README.md (schemaVersion below).
 */
import type { Decomposition } from './decomposition.js';
import type { DiagnosticCode } from './diagnostics.js';
import type { GraphEdge, GraphNode } from './graphData.js';
import type { LinqCoverage } from './sqlEstate.js';

export const SCHEMA_VERSION = 1;

/** One query the estate sends (see README "SQL"). */
export interface SqlQuerySummary {
  key: string;
  repo: string;
  file: string;
  line: number;
  column: number;
  api: string;
  dynamic: boolean;
  parsed: boolean;
  routine?: string;
  /** Table keys with how the query uses them (`write` wins when both). */
  tables: { table: string; mode: 'read' | 'write' }[];
  executes?: string[];
  text: string;
  /** `application`, `routine`, `migration` or `script` (see src/sql/roles.ts). */
  role?: string;
  /** The database it is judged against (its family); absent when the estate has no schema of its family. */
  database?: string;
  /** A routine copy a later definition replaces: not judged, not counted. */
  superseded?: true;
}

/** What the SQL analyzers judged and what they could not, so a clean result is never a blind one. */
export interface SqlCoverage {
  /** Application queries plus the current definition of each routine: what the headline counts. */
  counted: number;
  /** Queries by role, superseded copies left out. */
  byRole: Record<string, number>;
  /** Routine statements of definitions a later one replaces. */
  superseded: number;
  /** Counted queries that were judged only in part or not at all, by reason. */
  notJudged: {
    /** Partly read: the parser rejected a statement, its tables were sniffed. */
    unparsed: number;
    /** Built at run time: only the literal parts were read. */
    dynamic: number;
    /** No schema of the database family they target. */
    noSchema: number;
    /** Name a table or view no schema, view or function in the estate defines. */
    unknownTable: number;
    /** Read a view or table-valued function whose definition could not be read (unparsed, multi-statement, or a call to none). */
    viewNotFound: number;
  };
  /** Counted queries judged on base tables through the views or inline functions they read. */
  judgedThroughViews: number;
  /** EF LINQ read as queries (api `ef-linq`): how many, how many map onto the EF model, and why the rest do not. */
  efLinq: LinqCoverage;
  /** Each database's schema. */
  databases: {
    id: string;
    repos: string[];
    family: string;
    tables: number;
    indexes: number;
    files: number;
    migrations: number;
  }[];
}

export type Severity = 'error' | 'warning' | 'note';

/** Where something is: repo name, repo-relative file with `/`, 1-based line/column. */
export interface Location {
  repo: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface Finding<Data extends object = Record<string, unknown>> {
  /** Stable fingerprint: survives unrelated edits and reruns. */
  id: string;
  ruleId: string;
  /** Which of the analyzer's message templates the message was filled from. */
  messageId: string;
  severity: Severity;
  message: string;
  location: Location;
  related?: Location[];
  /** 1 for the best, for analyzers whose `meta.ranked` says they report in rank order. */
  rank?: number;
  /** The specifics; each analyzer documents its shape (its `Data` type and README). */
  data: Data;
}

/**
 * A table an analyzer contributes to the summary, from its own findings: the
 * terminal and HTML reports render these without knowing which analyzer made them.
 */
export interface SummarySection {
  title: string;
  /** One line above the table (a headline figure); may stand alone without rows. */
  headline?: string;
  columns: { label: string; align?: 'left' | 'right' }[];
  rows: string[][];
}

/** A summary section with the analyzer that contributed it. */
export interface ResultSummary extends SummarySection {
  ruleId: string;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** Something the tool itself could not read or had to skip. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  message: string;
  repo?: string;
  file?: string;
  line?: number;
}

export type { EdgeKind, GraphEdge, GraphNode, NodeKind } from './graphData.js';

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
  /** Summary tables the analyzers contributed, in registry order. */
  summaries: ResultSummary[];
  diagnostics: Diagnostic[];
  stats: ScanStats;
  /** The clusters ranked for extraction, best first; present with a decomposition (see src/plan). */
  candidates?: import('./decomposition.js').Candidate[];
  /** Clusters left out of the ranking as tooling or host plumbing, with the reason. */
  notCandidates?: import('./decomposition.js').NotCandidate[];
  /** Queries found in code, scripts and routines; absent when there are none. */
  sql?: { queries: SqlQuerySummary[]; coverage?: SqlCoverage };
  /** Clusters, their quality figures and seams; present when an analyzer needed the decomposition. */
  decomposition?: DecompositionResult;
}

/** The decomposition in the result: `clusterOf` is left out (each cluster lists its members and tables). */
export type DecompositionResult = Omit<Decomposition, 'clusterOf'>;
