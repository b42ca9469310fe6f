/**
 * The scan pipeline: discover → extract → graph → (history, registry, advisories:
 * only when a selected analyzer needs them) → analyzers → result. Never prints;
 * progress goes out as events.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { analyzers as registeredAnalyzers } from '../../analyzers/index.js';
import type { AnyAnalyzer, EstateContext, Need, Provisions } from '../core/analyzer.js';
import { PhaseError, ScanLimitError, type ScanPhase } from '../core/errors.js';
import type { ScanListener } from '../core/events.js';
import type { HistorySummary } from '../core/history.js';
import type { EstateModel } from '../core/model.js';
import { SCHEMA_VERSION, type DecompositionResult, type Diagnostic, type ScanResult } from '../core/result.js';
import { TOOL_VERSION } from '../core/version.js';
import { walkEstate } from '../discover/walk.js';
import { buildEstateGraph } from '../graph/buildGraph.js';
import { decompose } from '../graph/clusters/index.js';
import { DEFAULT_CLUSTERING_SETTINGS, type ClusteringSettings, type Decomposition } from '../core/decomposition.js';
import { applyHistory, DEFAULT_HISTORY_SETTINGS, readEstateHistory, type HistorySettings } from '../history/index.js';
import { packageUsages } from '../packages/inventory.js';
import { type PlanOptions, withCandidates } from '../plan/index.js';
import { sqlCoverage, summariseQueries } from '../sql/resultSummary.js';
import { extractAll } from './extractAll.js';
import { defaultCacheDir, loadAdvisories, lookUpPackages, type PackageOptions } from './packagePhase.js';
import { runAnalyzers, type Unavailable } from './runAnalyzers.js';
import { scanStats, sortDiagnostics, summariseRepos } from './summarise.js';

export { analyzers as registeredAnalyzers } from '../../analyzers/index.js';

export interface ScanOptions {
  root: string;
  maxFileBytes: number;
  /** Extraction worker threads (default: one per core, at most 8; 1 = none). */
  workers?: number;
  exclude: readonly string[];
  analyzerOptions: Record<string, unknown>;
  /** Analyzer ids to run; all registered ones when undefined. */
  only?: readonly string[];
  analyzers?: readonly AnyAnalyzer[];
  onEvent?: ScanListener;
  /** History pass settings; `false` skips it (--no-history). Defaults apply when undefined. */
  history?: HistorySettings | false;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Registry and advisory settings for the package analyzers. */
  packages?: PackageOptions;
  /** Weights, resolution, seed and pins of the clustering (the decomposition phase). */
  clustering?: ClusteringSettings;
  /** Factor weights of the extraction ranking (`candidates` in assess.config.json). */
  candidates?: PlanOptions;
  /** Estate size guards (`--max-files`, `--max-repos`): past them the scan stops after discovery. */
  maxFiles?: number;
  maxRepos?: number;
}

/** Runs the pipeline; an unexpected error comes out as a `PhaseError` naming the phase it came from. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  let phase: PipelinePhase = 'discover';
  try {
    // The clusters ranked for extraction, when the scan clustered the estate.
    return withCandidates(
      await runPhases(options, (next) => {
        phase = next;
        options.onEvent?.({ type: 'phase', phase: next });
      }),
      options.candidates,
    );
  } catch (error) {
    if (error instanceof ScanLimitError) throw error; // the user's limit, not a failure
    throw error instanceof PhaseError ? error : new PhaseError(phase, error);
  }
}

type PipelinePhase = Exclude<ScanPhase, 'report'>;

async function runPhases(options: ScanOptions, enter: (phase: PipelinePhase) => void): Promise<ScanResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const now = options.now ?? (() => new Date());
  const selected = (options.analyzers ?? registeredAnalyzers).filter(
    (a) => !options.only || options.only.includes(a.meta.id),
  );
  const needs = new Set<Need>(selected.flatMap((a) => a.meta.needs));
  const packageOptions = options.packages ?? defaultPackageOptions();
  const unavailable: Unavailable = {};

  enter('discover');
  const walked = walkEstate(root, {
    exclude: options.exclude,
    ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}),
    ...(options.maxRepos !== undefined ? { maxRepos: options.maxRepos } : {}),
  });
  options.onEvent?.({
    type: 'discovered',
    repos: walked.repos.length,
    files: walked.repos.reduce((n, r) => n + r.files.length, 0),
  });

  // git runs in child processes, so the logs are read while this process extracts files.
  const historySettings = options.history === false ? undefined : (options.history ?? DEFAULT_HISTORY_SETTINGS);
  if (needs.has('history') && !historySettings) unavailable.history = '--no-history was given';
  const pendingHistory =
    needs.has('history') && historySettings ? readEstateHistory(walked.repos, historySettings, root) : undefined;

  enter('extract');
  const extracted = await extractAll(walked.repos, {
    maxFileBytes: options.maxFileBytes,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });

  enter('graph');
  const repoPaths = new Map(walked.repos.map((r) => [r.name, r.path]));
  const model = buildEstateGraph(extracted.repos, repoPaths);
  const diagnostics: Diagnostic[] = [...walked.diagnostics, ...extracted.diagnostics, ...model.diagnostics];
  const provided: Partial<Provisions> = { sql: model.sql };

  if (pendingHistory && historySettings) {
    const history = await pendingHistory;
    enter('history');
    provided.history = applyHistory(model.graph, history, historySettings);
    diagnostics.push(...history.diagnostics);
  }

  const usages = packageUsages(model.graph);
  if (needs.has('registry') || needs.has('advisories')) enter('packages');
  if (needs.has('registry')) {
    const lookup = await lookUpPackages(model.graph, usages, { rootDir: root, repoPaths, now }, packageOptions);
    provided.registry = lookup.registry;
    diagnostics.push(...lookup.diagnostics);
  }
  if (needs.has('advisories')) {
    if (!packageOptions.advisories)
      unavailable.advisories = 'no advisory database was given; pass --advisories <folder|zip>';
    else {
      const loaded = await loadAdvisories(packageOptions.advisories, usages);
      if (loaded.advisories) provided.advisories = loaded.advisories;
      else unavailable.advisories = 'the advisory database could not be read';
      diagnostics.push(...loaded.diagnostics);
    }
  }

  if (needs.has('decomposition')) {
    enter('decomposition');
    provided.decomposition = decompose(model.graph, model, options.clustering ?? DEFAULT_CLUSTERING_SETTINGS);
  }

  enter('analyze');
  const estate: EstateContext = { graph: model.graph, model, packages: usages, scanDate: now().toISOString() };
  const analysis = await runAnalyzers(selected, estate, provided, options.analyzerOptions, unavailable);
  diagnostics.push(...analysis.diagnostics);
  return assembleResult(
    root,
    model,
    provided.history,
    provided.decomposition,
    analysis,
    sortDiagnostics(diagnostics),
    now,
    started,
  );
}

function assembleResult(
  root: string,
  model: EstateModel,
  history: HistorySummary | undefined,
  decomposition: Decomposition | undefined,
  analysis: Awaited<ReturnType<typeof runAnalyzers>>,
  diagnostics: Diagnostic[],
  now: () => Date,
  started: number,
): ScanResult {
  const graph = model.graph.toJSON();
  const repos = summariseRepos(model.repos, history);
  const queries = model.sql.queries.length > 0 ? summariseQueries(model.sql) : undefined;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'assess', version: TOOL_VERSION },
    generatedAt: now().toISOString(),
    root: path.basename(root),
    repos,
    graph,
    findings: analysis.findings,
    summaries: analysis.summaries,
    diagnostics,
    stats: scanStats({
      repos,
      graph,
      findings: analysis.findings,
      diagnostics,
      history,
      sqlQueries: queries?.length,
      elapsedMs: Math.round(performance.now() - started),
    }),
    ...(queries ? { sql: { queries, coverage: sqlCoverage(model.sql) } } : {}),
    ...(decomposition ? { decomposition: decompositionResult(decomposition) } : {}),
  };
}

/** The decomposition as the JSON result carries it: `clusterOf` is the members read the other way. */
function decompositionResult({ clusterOf: _clusterOf, ...rest }: Decomposition): DecompositionResult {
  return rest;
}

/** Without settings from the CLI: cache only, so a programmatic scan never reaches the network unasked. */
function defaultPackageOptions(): PackageOptions {
  return {
    offline: true,
    cacheDir: defaultCacheDir(process.env, homedir()),
    registryTimeoutMs: 10_000,
    env: process.env,
    homeDir: homedir(),
  };
}
