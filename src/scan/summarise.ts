/** The result's summary parts: per-repository languages and LOC, totals, diagnostics in a stable order. */
import { LANGUAGE_OF } from '../core/fileKinds.js';
import type { HistorySummary } from '../core/history.js';
import type { RepoModel } from '../core/model.js';
import type { Diagnostic, Finding, GraphEdge, GraphNode, RepoSummary, ScanStats } from '../core/result.js';

/** Source languages count towards LOC; manifests are counted as files only. */
const MANIFEST_LANGUAGES = new Set(['MSBuild', 'NuGet', 'Solution', 'npm', 'TSConfig', 'Config']);

export function summariseRepos(repos: readonly RepoModel[], history: HistorySummary | undefined): RepoSummary[] {
  const windows = new Map(history?.repos.map(({ repo, ...window }) => [repo, window]));
  return repos.map((repo) => summariseRepo(repo, windows.get(repo.name)));
}

function summariseRepo(repo: RepoModel, history?: RepoSummary['history']): RepoSummary {
  const languages: Record<string, { files: number; loc: number }> = {};
  let loc = 0;
  for (const file of repo.files) {
    const language = LANGUAGE_OF[file.kind];
    languages[language] ??= { files: 0, loc: 0 };
    const entry = languages[language];
    entry.files++;
    if (!MANIFEST_LANGUAGES.has(language)) {
      entry.loc += file.loc;
      loc += file.loc;
    }
  }
  return {
    name: repo.name,
    path: repo.path,
    git: repo.git,
    files: repo.files.length,
    loc,
    languages: sortKeys(languages),
    ...(history ? { history } : {}),
  };
}

export interface StatsInput {
  repos: readonly RepoSummary[];
  graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] };
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  history: HistorySummary | undefined;
  sqlQueries: number | undefined;
  elapsedMs: number;
}

export function scanStats(input: StatsInput): ScanStats {
  const { repos, graph } = input;
  const filesByLanguage: Record<string, number> = {};
  for (const repo of repos)
    for (const [lang, s] of Object.entries(repo.languages))
      filesByLanguage[lang] = (filesByLanguage[lang] ?? 0) + s.files;
  return {
    repos: repos.length,
    files: repos.reduce((n, r) => n + r.files, 0),
    filesByLanguage: sortKeys(filesByLanguage),
    loc: repos.reduce((n, r) => n + r.loc, 0),
    // .NET and npm projects alike (both are `project` nodes).
    projects: graph.nodes.filter((n) => n.kind === 'project').length,
    types: graph.nodes.filter((n) => n.kind === 'type').length,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    diagnostics: input.diagnostics.length,
    findings: input.findings.length,
    ...(input.history ? { commits: input.history.commits } : {}),
    ...(input.sqlQueries ? { sqlQueries: input.sqlQueries } : {}),
    elapsedMs: input.elapsedMs,
  };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) =>
    `${d.repo ?? ''}\u0000${d.file ?? ''}\u0000${String(d.line ?? 0).padStart(9, '0')}\u0000${d.code}\u0000${d.message}\u0000${d.severity}`;
  return diagnostics.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
