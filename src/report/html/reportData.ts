/**
 * What the HTML report embeds: everything the page draws, already aggregated
 * and laid out when the report is written, so the browser only renders. The
 * client (report-client/) reads exactly this shape; edges name nodes by index
 * to keep the embedded JSON small.
 */
import type { Diagnostic, ResultSummary, Severity } from '../../core/result.js';
import type { HeadlineFigure } from './headlines.js';

export type { HeadlineFigure } from './headlines.js';

export const GRAPH_LEVELS = ['repo', 'project', 'namespace', 'cluster'] as const;
export type GraphLevelId = (typeof GRAPH_LEVELS)[number];

/** What an edge of the drawn graph stands for: code references, calls over the wire, table use, co-change. */
export type EdgeCategory = 'code' | 'http' | 'grpc' | 'table' | 'routine' | 'co-change';

/** `unit`: code at the level's grain; tables are drawn as themselves at every level. */
export type LevelNodeKind = 'unit' | 'table';

export interface LevelNode {
  id: string;
  label: string;
  kind: LevelNodeKind;
  repo?: string;
  /** The node one level up holding this one (a namespace's project), for drilling down. */
  parent?: string;
  /** Colour group: repo at the code levels, the cluster itself at the cluster level. */
  group: string;
  /** At the code levels, the cluster most of its code units belong to (when the result holds a decomposition). */
  cluster?: string;
  loc: number;
  /** Code units (types, files) it aggregates. */
  units: number;
  x: number;
  y: number;
}

/** One base edge behind an aggregated one: `[from, to, weight, where]`. */
export type Evidence = [string, string, number, string?];

export interface LevelEdge {
  /** Indices into the level's nodes. */
  s: number;
  t: number;
  c: EdgeCategory;
  w: number;
  /** The heaviest base edges behind it (at most EVIDENCE_CAP), heaviest first. */
  ev: Evidence[];
  /** Base edges behind it in all. */
  n: number;
}

export interface DsmOrder {
  /** Node indices in matrix order: what is used comes before what uses it. */
  order: number[];
  /** Strongly connected groups (cycles) as `[start, size]` runs of `order`. */
  cycles: [number, number][];
  /** Units left out of the matrix to keep it readable. */
  omitted: number;
}

export interface GraphLevel {
  id: GraphLevelId;
  nodes: LevelNode[];
  edges: LevelEdge[];
  dsm: DsmOrder;
  /** What aggregation left undrawn to stay under the node and edge budget, and tables no code at this level uses. */
  omitted: { nodes: number; edges: number; unusedTables: number; empty: number };
  /** Namespaces rolled up to `depth` segments below each project's root, to stay readable. */
  rolledUp?: { depth: number; namespaces: number; groups: number };
}

export interface FindingRow {
  id: string;
  ruleId: string;
  severity: Severity;
  message: string;
  repo: string;
  file?: string;
  line?: number;
  data: Record<string, unknown>;
}

export interface PlotPoint {
  label: string;
  x: number;
  y: number;
  /** Marker size input (lines of code), when there is one. */
  size?: number;
  severity?: Severity;
  repo?: string;
}

export interface StackedBar {
  label: string;
  parts: Record<string, number>;
}

export interface Plots {
  /** Findings whose data has churn and complexity. */
  churnComplexity: PlotPoint[];
  /** Findings whose data has years and majors behind. */
  packageAge: PlotPoint[];
  /** Findings whose data names a table, counted by table and rule. */
  findingsByTable: StackedBar[];
}

export interface ReportData {
  tool: { name: string; version: string };
  generatedAt: string;
  root: string;
  stats: {
    repos: number;
    files: number;
    loc: number;
    projects: number;
    types: number;
    findings: number;
    diagnostics: number;
    commits?: number;
    sqlQueries?: number;
  };
  repos: { name: string; files: number; loc: number; commits?: number; languages: Record<string, number> }[];
  languages: { language: string; files: number; loc: number }[];
  findingCounts: { ruleId: string; error: number; warning: number; note: number }[];
  summaries: ResultSummary[];
  /** The overview's headline figures (see headlines.ts). */
  headlines: HeadlineFigure[];
  levels: GraphLevel[];
  /** The level the graph opens at: chosen from the node counts (see startLevel). */
  startLevel: GraphLevelId;
  findings: FindingRow[];
  diagnostics: Diagnostic[];
  plots: Plots;
  /** What the report could not show, said on the page. */
  notes: string[];
  /** Present when the result holds a decomposition. */
  decomposition?: DecompositionView;
}

export interface DecompositionView {
  clusters: { id: string; name: string; size: number; tables: string[]; sharedTables: string[]; shared: boolean }[];
  seams: {
    from: string;
    to: string;
    weight: number;
    references: { from: string; to: string; count: number; where?: string }[];
    calls: { from: string; to: string; kind: string; where?: string }[];
    sharedTables: string[];
  }[];
  quality?: Record<string, number>;
  /** Extraction candidates as the result holds them, read field by field by the page. */
  candidates: CandidateView[];
  /** Clusters left out of the ranking (tooling, host shells, plumbing), with the reason. */
  notCandidates: { name: string; reason: string }[];
}

export interface CandidateView {
  title: string;
  /** The cluster it would extract. */
  cluster?: string;
  rank?: number;
  score?: number;
  /** Risk side, cut factors and value side, each 0..1 (value unknown without history). */
  risk?: number;
  cuts?: number;
  value?: number;
  /** The one to learn on: fewest cuts, owns its data, few calls back. */
  pilot?: true;
  /** Where the business invests most (churn and hotspots). */
  highestValue?: true;
  /** The deployable it already is on its own (its name): ranked after the clusters inside a shared deployable. */
  deployed?: string;
  /** What keeps it from being a business area (`fragment`, `data shapes`, `library`). */
  notArea?: string;
  reasons: string[];
  /** The work list in words. */
  work: string[];
}
