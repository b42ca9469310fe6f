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
import { buildEstateGraph } from '../graph/buildGraph.js';
import { decompose } from '../graph/clusters/index.js';
import { DEFAULT_CLUSTERING_SETTINGS, type ClusteringSettings, type Decomposition } from '../core/decomposition.js';
import { applyHistory, DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '../history/index.js';
import { packageUsages } from '../packages/inventory.js';
import { type PlanOptions, withCandidates } from '../plan/index.js';
import { sqlCoverage, summariseQueries } from '../sql/resultSummary.js';
import type { RepoEntry } from '../discover/walk.js';
import { type CollectOptions, collectFacts, discoverEstate, type EstateFacts } from './collectFacts.js';
import { openFactsCache } from './factsCachePhase.js';
import { openResultSession, type RegistryUse, type ResultCacheNeeds, servedResult } from './resultCachePhase.js';
import { defaultCacheDir, loadAdvisories, lookUpPackages, type PackageOptions } from './packagePhase.js';
import { runAnalyzers, type Unavailable } from './runAnalyzers.js';
import { scanStats, sortDiagnostics, summariseRepos } from './summarise.js';

export { analyzers as registeredAnalyzers } from '../../analyzers/index.js';

export interface ScanOptions {
  root: string;
  maxFileBytes: number;
  /** Time budget of one file's extraction, in milliseconds (default 10 s; `--file-budget`). */
  fileBudgetMs?: number;
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
  /** Reproducible output (SOURCE_DATE_EPOCH): the scan's clock reads this time and `elapsedMs` is 0. */
  fixedTime?: Date;
  /** Registry and advisory settings for the package analyzers. */
  packages?: PackageOptions;
  /** Weights, resolution, seed and pins of the clustering (the decomposition phase). */
  clustering?: ClusteringSettings;
  /** Factor weights of the extraction ranking (`candidates` in assess.config.json). */
  candidates?: PlanOptions;
  /** Cache folder of per-file facts and history (`--cache-dir`); no cache when undefined (`--no-cache`). */
  cacheDir?: string;
  /** Estate size guards (`--max-files`, `--max-repos`): past them the scan stops after discovery. */
  maxFiles?: number;
  maxRepos?: number;
}

/** Runs the pipeline; an unexpected error comes out as a `PhaseError` naming the phase it came from. */
export function runScan(options: ScanOptions): Promise<ScanResult> {
  return inPhases(options, async (enter) => {
    const started = performance.now();
    if (!options.cacheDir)
      return analyseFacts(await collectFacts(collectOptions(options), enter), options, enter, started);
    return scanThroughResultCache(options, options.cacheDir, enter, started);
  });
}

/** With a cache folder: an estate whose every input is unchanged is served the stored result. */
async function scanThroughResultCache(
  options: ScanOptions,
  cacheDir: string,
  enter: (phase: PipelinePhase) => void,
  started: number,
): Promise<ScanResult> {
  const collect = collectOptions(options);
  enter('discover');
  const discovered = discoverEstate(collect);
  const caches = openFactsCache(cacheDir, discovered.root, discovered.scanStarted, options.onEvent);
  const now = clockOf(options);
  const session = openResultSession(
    cacheDir,
    resultCacheNeeds(options, now),
    discovered,
    caches.stats,
    options.onEvent,
  );
  const hit = await session.lookup();
  if (hit) {
    caches.stats.close();
    return servedResult(hit, now().toISOString(), options.fixedTime ? 0 : Math.round(performance.now() - started));
  }
  let clean = true;
  const notCached = () => {
    clean = false;
  };
  const facts = await collectFacts({ ...collect, onNotCached: notCached }, enter, discovered, caches);
  const seen: { registry?: RegistryUse } = {};
  const result = await analyseFacts(facts, options, enter, started, seen);
  session.store(result, clean, seen.registry);
  return result;
}

/** Everything but the clock, the listener, the cache folder and the worker count decides the result. */
function resultCacheNeeds(options: ScanOptions, now: () => Date): ResultCacheNeeds {
  const selected = selectedAnalyzers(options);
  const needs = new Set<Need>(selected.flatMap((a) => a.meta.needs));
  const packages = options.packages ?? defaultPackageOptions();
  const plain = {
    maxFileBytes: options.maxFileBytes,
    fileBudgetMs: options.fileBudgetMs ?? null,
    exclude: options.exclude,
    analyzerOptions: options.analyzerOptions,
    only: options.only ?? null,
    history: options.history ?? null,
    clustering: options.clustering ?? null,
    candidates: options.candidates ?? null,
    maxFiles: options.maxFiles ?? null,
    maxRepos: options.maxRepos ?? null,
    fixedTime: options.fixedTime ?? null,
    packages: { offline: packages.offline, cacheDir: packages.cacheDir, advisories: packages.advisories ?? null },
    // The registered analyzers are the tool's code (in the key already); which of them run is an option.
    analyzers: options.analyzers?.map((a) => a.meta.id) ?? null,
  };
  const registry = needs.has('registry');
  // Analyzers given in code, online registry answers and advisory databases are inputs no key pins down.
  const refuse = options.analyzers?.some((a) => !registeredAnalyzers.includes(a))
    ? 'analyzers other than the registered ones were given'
    : registry && !packages.offline
      ? 'registries are asked online'
      : needs.has('advisories') && packages.advisories !== undefined
        ? 'an advisory database was given'
        : undefined;
  return {
    key: {
      ...(refuse ? { refuse } : {}),
      options: plain,
      maxFileBytes: options.maxFileBytes,
      readsHistory: historyToRead(options) !== undefined,
      day: now().toISOString().slice(0, 10),
    },
    registry,
    packages,
    now,
  };
}

function clockOf(options: ScanOptions): () => Date {
  const fixed = options.fixedTime;
  return fixed ? () => new Date(fixed) : (options.now ?? (() => new Date()));
}

/** The per-repository half only, for the repositories `selectRepos` picks (one shard's). */
export function collectShardFacts(
  options: ScanOptions,
  selectRepos: (repos: readonly RepoEntry[]) => RepoEntry[],
): Promise<EstateFacts> {
  return inPhases(options, (enter) => collectFacts({ ...collectOptions(options), selectRepos }, enter));
}

/** The estate-wide half over facts gathered elsewhere (merged shards); `started`: when their scan began. */
export function analyseCollectedFacts(facts: EstateFacts, options: ScanOptions, started: number): Promise<ScanResult> {
  return inPhases(options, (enter) => analyseFacts(facts, options, enter, started));
}

async function inPhases<T>(
  options: ScanOptions,
  body: (enter: (phase: PipelinePhase) => void) => Promise<T>,
): Promise<T> {
  let phase: PipelinePhase = 'discover';
  try {
    return await body((next) => {
      phase = next;
      options.onEvent?.({ type: 'phase', phase: next });
    });
  } catch (error) {
    if (error instanceof ScanLimitError) throw error; // the user's limit, not a failure
    throw error instanceof PhaseError ? error : new PhaseError(phase, error);
  }
}

export type PipelinePhase = Exclude<ScanPhase, 'report'>;

/** What the per-repository half of the scan needs from the scan options. */
export function collectOptions(options: ScanOptions): CollectOptions {
  const history = historyToRead(options);
  return {
    root: options.root,
    maxFileBytes: options.maxFileBytes,
    ...(options.fileBudgetMs !== undefined ? { fileBudgetMs: options.fileBudgetMs } : {}),
    exclude: options.exclude,
    ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}),
    ...(options.maxRepos !== undefined ? { maxRepos: options.maxRepos } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(history ? { history } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
}

function selectedAnalyzers(options: ScanOptions): AnyAnalyzer[] {
  return (options.analyzers ?? registeredAnalyzers).filter((a) => !options.only || options.only.includes(a.meta.id));
}

function historySettingsOf(options: ScanOptions): HistorySettings | undefined {
  return options.history === false ? undefined : (options.history ?? DEFAULT_HISTORY_SETTINGS);
}

/** The history settings when a selected analyzer needs history and it was not turned off. */
function historyToRead(options: ScanOptions): HistorySettings | undefined {
  const needsHistory = selectedAnalyzers(options).some((a) => a.meta.needs.includes('history'));
  return needsHistory ? historySettingsOf(options) : undefined;
}

/**
 * The estate-wide half: graph, history on the graph, packages, decomposition,
 * analyzers, result — over facts gathered by one scan or merged from shards.
 */
async function analyseFacts(
  facts: EstateFacts,
  options: ScanOptions,
  enter: (phase: PipelinePhase) => void,
  started: number,
  /** Filled with what the scan used that its inputs do not show (the registry answers), for the result cache. */
  seen: { registry?: RegistryUse } = {},
): Promise<ScanResult> {
  const root = facts.root;
  const now = clockOf(options);
  const selected = selectedAnalyzers(options);
  const needs = new Set<Need>(selected.flatMap((a) => a.meta.needs));
  const packageOptions = options.packages ?? defaultPackageOptions();
  const unavailable: Unavailable = {};
  const historySettings = historySettingsOf(options);
  if (needs.has('history') && !historySettings) unavailable.history = '--no-history was given';

  enter('graph');
  const repoPaths = new Map(facts.repos.map((r) => [r.name, r.path]));
  const model = buildEstateGraph(facts.repos, repoPaths);
  const diagnostics: Diagnostic[] = [...facts.diagnostics, ...model.diagnostics];
  const provided: Partial<Provisions> = { sql: model.sql };

  if (facts.history && historySettings) {
    enter('history');
    provided.history = applyHistory(model.graph, facts.history, historySettings);
    diagnostics.push(...facts.history.diagnostics);
  }

  const usages = packageUsages(model.graph);
  if (needs.has('registry') || needs.has('advisories')) enter('packages');
  if (needs.has('registry')) {
    const lookup = await lookUpPackages(model.graph, usages, { rootDir: root, repoPaths, now }, packageOptions);
    provided.registry = lookup.registry;
    diagnostics.push(...lookup.diagnostics);
    seen.registry = { usages, registry: lookup.registry, diagnostics: lookup.diagnostics };
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
  // The day, not the instant: results judged by age are the same all day long, so a day's scans can share one.
  const scanDate = `${now().toISOString().slice(0, 10)}T00:00:00.000Z`;
  const estate: EstateContext = { graph: model.graph, model, packages: usages, scanDate };
  const analysis = await runAnalyzers(selected, estate, provided, options.analyzerOptions, unavailable);
  diagnostics.push(...analysis.diagnostics);
  // The clusters ranked for extraction, when the scan clustered the estate.
  const result = assembleResult(
    root,
    model,
    provided.history,
    provided.decomposition,
    analysis,
    sortDiagnostics(diagnostics),
    now,
    options.fixedTime ? undefined : started,
  );
  return withCandidates(result, options.candidates);
}

function assembleResult(
  root: string,
  model: EstateModel,
  history: HistorySummary | undefined,
  decomposition: Decomposition | undefined,
  analysis: Awaited<ReturnType<typeof runAnalyzers>>,
  diagnostics: Diagnostic[],
  now: () => Date,
  started: number | undefined,
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
      elapsedMs: started === undefined ? 0 : Math.round(performance.now() - started),
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
