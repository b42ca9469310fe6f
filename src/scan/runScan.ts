/** The scan pipeline: discover → extract → graph → analyzers → result. Never prints. */
import { homedir } from 'node:os';
import path from 'node:path';
import { analyzers as registeredAnalyzers } from '../../analyzers/index.js';
import type { Analyzer } from '../core/analyzer.js';
import type { ScanListener } from '../core/events.js';
import { extractAll } from './extractAll.js';
import { SCHEMA_VERSION, type Diagnostic, type RepoSummary, type ScanResult } from '../core/result.js';
import { runAnalyzers } from './runAnalyzers.js';
import { TOOL_VERSION } from '../core/version.js';
import { walkEstate } from '../discover/walk.js';
import { buildEstateGraph } from '../graph/buildGraph.js';
import { LANGUAGE_OF } from '../core/fileKinds.js';
import type { RepoModel } from '../core/model.js';
import { applyHistory, DEFAULT_HISTORY_SETTINGS, readEstateHistory, type HistorySettings } from '../history/index.js';
import { defaultCacheDir, gatherPackageIntel, type PackageOptions } from './packagePhase.js';
import { summariseQueries } from '../sql/resultSummary.js';

export interface ScanOptions {
  root: string;
  maxFileBytes: number;
  /** Extraction worker threads (default: one per core, at most 8; 1 = none). */
  workers?: number;
  exclude: readonly string[];
  analyzerOptions: Record<string, unknown>;
  /** Analyzer ids to run; all registered ones when undefined. */
  only?: readonly string[];
  analyzers?: readonly Analyzer<any, string>[];
  onEvent?: ScanListener;
  /** History pass settings; `false` skips it (--no-history). Defaults apply when undefined. */
  history?: HistorySettings | false;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Registry and advisory settings for the package analyzers. */
  packages?: PackageOptions;
}

export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  options.onEvent?.({ type: 'phase', phase: 'discover' });
  const walked = walkEstate(root, { exclude: options.exclude });
  options.onEvent?.({ type: 'discovered', repos: walked.repos.length, files: walked.repos.reduce((n, r) => n + r.files.length, 0) });

  // git runs in child processes, so the logs are read while this process extracts files.
  const historySettings = options.history === false ? undefined : (options.history ?? DEFAULT_HISTORY_SETTINGS);
  const pendingHistory = historySettings ? readEstateHistory(walked.repos, historySettings) : undefined;

  options.onEvent?.({ type: 'phase', phase: 'extract' });
  const extracted = await extractAll(walked.repos, {
    maxFileBytes: options.maxFileBytes,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });

  options.onEvent?.({ type: 'phase', phase: 'graph' });
  const repoPaths = new Map(walked.repos.map((r) => [r.name, r.path]));
  const model = buildEstateGraph(extracted.repos, repoPaths);
  const history = pendingHistory ? await pendingHistory : undefined;
  if (history && historySettings) {
    options.onEvent?.({ type: 'phase', phase: 'history' });
    model.history = applyHistory(model.graph, history, historySettings);
  }

  const selected = (options.analyzers ?? registeredAnalyzers).filter((a) => !options.only || options.only.includes(a.meta.id));
  options.onEvent?.({ type: 'phase', phase: 'packages' });
  const packages = await gatherPackageIntel(model, selected.map((a) => a.meta.id), { rootDir: root, repoPaths, now: options.now ?? (() => new Date()) }, options.packages ?? defaultPackageOptions());
  model.packages = packages.intel;

  options.onEvent?.({ type: 'phase', phase: 'analyze' });
  const analysis = await runAnalyzers(selected, model, options.analyzerOptions);

  const diagnostics = sortDiagnostics([...walked.diagnostics, ...extracted.diagnostics, ...model.diagnostics, ...(history?.diagnostics ?? []), ...packages.diagnostics, ...analysis.diagnostics]);
  const graph = model.graph.toJSON();
  const windows = new Map(model.history?.repos.map(({ repo, ...window }) => [repo, window]));
  const repos = extracted.repos.map((repo) => summariseRepo(repo, windows.get(repo.name)));
  const filesByLanguage: Record<string, number> = {};
  for (const repo of repos) for (const [lang, s] of Object.entries(repo.languages)) filesByLanguage[lang] = (filesByLanguage[lang] ?? 0) + s.files;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'assess', version: TOOL_VERSION },
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    root: path.basename(root),
    repos,
    graph,
    findings: analysis.findings,
    diagnostics,
    stats: {
      repos: repos.length,
      files: repos.reduce((n, r) => n + r.files, 0),
      filesByLanguage: sortKeys(filesByLanguage),
      loc: repos.reduce((n, r) => n + r.loc, 0),
      // .NET and npm projects alike (both are `project` nodes).
      projects: graph.nodes.filter((n) => n.kind === 'project').length,
      types: graph.nodes.filter((n) => n.kind === 'type').length,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      diagnostics: diagnostics.length,
      findings: analysis.findings.length,
      ...(model.history ? { commits: model.history.commits } : {}),
      ...(model.sql && model.sql.queries.length > 0 ? { sqlQueries: model.sql.queries.length } : {}),
      elapsedMs: Math.round(performance.now() - started),
    },
    ...(model.sql && model.sql.queries.length > 0 ? { sql: { queries: summariseQueries(model.sql) } } : {}),
  };
}

/** Without settings from the CLI: cache only, so a programmatic scan never reaches the network unasked. */
function defaultPackageOptions(): PackageOptions {
  return { offline: true, cacheDir: defaultCacheDir(process.env, homedir()), registryTimeoutMs: 10_000, env: process.env, homeDir: homedir() };
}

/** Source languages count towards LOC; manifests are counted as files only. */
const MANIFEST_LANGUAGES = new Set(['MSBuild', 'NuGet', 'Solution', 'npm', 'TSConfig']);

function summariseRepo(repo: RepoModel, history?: RepoSummary['history']): RepoSummary {
  const languages: Record<string, { files: number; loc: number }> = {};
  let loc = 0;
  for (const file of repo.files) {
    const language = LANGUAGE_OF[file.kind];
    const entry = (languages[language] ??= { files: 0, loc: 0 });
    entry.files++;
    if (!MANIFEST_LANGUAGES.has(language)) {
      entry.loc += file.loc;
      loc += file.loc;
    }
  }
  return { name: repo.name, path: repo.path, git: repo.git, files: repo.files.length, loc, languages: sortKeys(languages), ...(history ? { history } : {}) };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.repo ?? ''}\u0000${d.file ?? ''}\u0000${String(d.line ?? 0).padStart(9, '0')}\u0000${d.code}\u0000${d.message}`;
  return diagnostics.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
