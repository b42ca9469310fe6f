/**
 * The result turned into what the page draws: overview figures, the graph at
 * repo, project, namespace (and cluster) level with positions and matrix order,
 * every finding and diagnostic, and the plot series. Pure and deterministic.
 */
import type { ScanResult } from '../../core/result.js';
import { aggregateLevel, compare, type AggregatedLevel, type AggregatedNode } from './aggregate.js';
import { readDecomposition, type ClusterInput } from './decomposition.js';
import { dsmOrder } from './dsm.js';
import { headlineFigures } from './headlines.js';
import { layoutPositions } from './layout.js';
import { READABLE_NODES, rollUpNamespaces } from './namespaceDepth.js';
import { plotsOf } from './plots.js';
import type { EdgeCategory, GraphLevel, GraphLevelId, ReportData } from './reportData.js';
import { indexUnits, type CodeLevel, type UnitIndex, type UnitInfo } from './units.js';

/** Edges that make one unit depend on another (the matrix); table use and co-change are drawn, not ordered. */
const DEPENDENCY_CATEGORIES: ReadonlySet<EdgeCategory> = new Set(['code', 'http', 'grpc', 'routine']);

export function buildReportData(result: ScanResult): ReportData {
  const notes: string[] = [];
  const index = indexUnits(result.graph.nodes, result.graph.edges);
  const rollUp = rollUpNamespaces(index);
  const levels: GraphLevel[] = (['repo', 'project', 'namespace'] as const).map((level) =>
    finishLevel(
      level,
      distinctLabels(
        aggregateLevel(
          result.graph.nodes,
          result.graph.edges,
          index.unitOf[level],
          describe(index, level, result.repos.length <= 1),
          index.locOf,
          level === 'repo',
        ),
        index,
      ),
    ),
  );
  const decomposition = readDecomposition(result);
  if (decomposition && 'problem' in decomposition) notes.push(decomposition.problem);
  else if (decomposition) {
    for (const level of levels) markClusters(level, index.unitOf[level.id as CodeLevel], decomposition.clusters);
    levels.push(finishLevel('cluster', clusterLevel(result, index, decomposition.clusters)));
  }
  const namespaces = levels.find((l) => l.id === 'namespace');
  if (namespaces && rollUp.depth !== undefined)
    namespaces.rolledUp = { depth: rollUp.depth, namespaces: rollUp.before, groups: rollUp.after };

  const findingCounts = new Map<string, { ruleId: string; error: number; warning: number; note: number }>();
  for (const f of result.findings) {
    const row = findingCounts.get(f.ruleId) ?? { ruleId: f.ruleId, error: 0, warning: 0, note: 0 };
    row[f.severity]++;
    findingCounts.set(f.ruleId, row);
  }
  const languages = new Map<string, { language: string; files: number; loc: number }>();
  for (const repo of result.repos)
    for (const [language, figures] of Object.entries(repo.languages)) {
      const row = languages.get(language) ?? { language, files: 0, loc: 0 };
      row.files += figures.files;
      row.loc += figures.loc;
      languages.set(language, row);
    }
  const { stats } = result;
  const data: ReportData = {
    tool: result.tool,
    generatedAt: result.generatedAt,
    root: result.root,
    stats: {
      repos: stats.repos,
      files: stats.files,
      loc: stats.loc,
      projects: stats.projects,
      types: stats.types,
      findings: stats.findings,
      diagnostics: stats.diagnostics,
      ...(stats.commits !== undefined ? { commits: stats.commits } : {}),
      ...(stats.sqlQueries !== undefined ? { sqlQueries: stats.sqlQueries } : {}),
    },
    repos: result.repos.map((r) => ({
      name: r.name,
      files: r.files,
      loc: r.loc,
      ...(r.history ? { commits: r.history.commits } : {}),
      languages: Object.fromEntries(Object.entries(r.languages).map(([language, f]) => [language, f.loc])),
    })),
    languages: [...languages.values()].sort(
      (a, b) => b.loc - a.loc || b.files - a.files || compare(a.language, b.language),
    ),
    findingCounts: [...findingCounts.values()].sort((a, b) => compare(a.ruleId, b.ruleId)),
    summaries: result.summaries,
    headlines: headlineFigures(result),
    levels,
    startLevel: startLevel(levels),
    findings: result.findings.map((f) => ({
      id: f.id,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      repo: f.location.repo,
      ...(f.location.file !== undefined ? { file: f.location.file } : {}),
      ...(f.location.line !== undefined ? { line: f.location.line } : {}),
      data: f.data as Record<string, unknown>,
    })),
    diagnostics: result.diagnostics,
    plots: plotsOf(
      result.findings,
      new Map(result.graph.nodes.flatMap((n) => (n.kind === 'table' ? [[n.id.slice('table:'.length), n.name]] : []))),
    ),
    notes,
    ...(decomposition && !('problem' in decomposition) ? { decomposition: decomposition.view } : {}),
  };
  for (const level of levels)
    if (level.omitted.nodes > 0 || level.omitted.edges > 0)
      notes.push(
        `${level.id} level: ${level.omitted.nodes} nodes and ${level.omitted.edges} edges left undrawn to keep the graph responsive (the lightest ones)`,
      );
  return data;
}

/** Levels a first look reads best from, in order: projects, then namespaces, clusters, repositories. */
const START_PREFERENCE: readonly GraphLevelId[] = ['project', 'namespace', 'cluster', 'repo'];
/** Fewer units than this says little (one repository, three projects): a finer level is preferred. */
export const FEWEST_READABLE = 8;

/**
 * The level the graph opens at, chosen from the data: the first preferred level
 * whose code units a person can read at once; failing that, the one nearest that range.
 */
export function startLevel(levels: readonly GraphLevel[]): GraphLevelId {
  const unitsOf = (level: GraphLevel): number => level.nodes.filter((n) => n.kind === 'unit').length;
  const ranked = START_PREFERENCE.flatMap((id) => levels.filter((l) => l.id === id));
  const readable = ranked.find((l) => unitsOf(l) >= FEWEST_READABLE && unitsOf(l) <= READABLE_NODES);
  if (readable) return readable.id;
  const distance = (l: GraphLevel): number =>
    unitsOf(l) < FEWEST_READABLE ? FEWEST_READABLE - unitsOf(l) : unitsOf(l) - READABLE_NODES;
  return ranked.reduce((best, l) => (distance(l) < distance(best) ? l : best), ranked[0] ?? levels[0]!).id;
}

function describe(
  index: UnitIndex,
  level: CodeLevel,
  singleRepo: boolean,
): (unitId: string) => Omit<AggregatedNode, 'loc' | 'units'> | undefined {
  return (unitId) => {
    const unit = index.units.get(unitId);
    if (!unit) return undefined;
    return {
      id: unit.id,
      label: levelLabel(index, unit, level),
      kind: unit.kind,
      ...(unit.repo ? { repo: unit.repo } : {}),
      ...(unit.parent ? { parent: unit.parent } : {}),
      group: unit.kind === 'table' ? 'table' : singleRepo ? groupInRepo(unit, level) : (unit.repo ?? ''),
    };
  };
}

/**
 * The colour group when the estate is one repository (colouring by repo would
 * paint everything alike): a namespace by its project, a project by the folder
 * holding its own (`src`, `test`, `util`).
 */
function groupInRepo(unit: UnitInfo, level: CodeLevel): string {
  if (level === 'namespace') return unit.id.startsWith('project:') ? unit.id : (unit.parent ?? unit.id);
  const folders = (unit.path ?? '').split('/').slice(0, -2);
  return folders.length > 0 ? folders.join('/') : '.';
}

/**
 * Names that stay apart at one level: a project standing for its own files
 * among namespaces says so, and each project's global namespace names its project.
 */
function levelLabel(index: UnitIndex, unit: UnitInfo, level: CodeLevel): string {
  const parent = unit.parent ? index.units.get(unit.parent)?.label : undefined;
  if (level === 'namespace' && unit.id.startsWith('project:')) return `${unit.label} (project files)`;
  if (level === 'namespace' && unit.label === '<global>' && parent) return `<global> (${parent})`;
  return unit.label;
}

/**
 * Two units of one name at a level (`Bit.Core.Entities` in two projects, a
 * `Web` project in two repositories) say which one they are by their parent's name.
 */
function distinctLabels(level: AggregatedLevel, index: UnitIndex): AggregatedLevel {
  const count = new Map<string, number>();
  for (const n of level.nodes) if (n.kind === 'unit') count.set(n.label, (count.get(n.label) ?? 0) + 1);
  for (const n of level.nodes) {
    const parent = n.parent ? index.units.get(n.parent)?.label : undefined;
    if (n.kind === 'unit' && parent && (count.get(n.label) ?? 0) > 1) n.label = `${n.label} (${parent})`;
  }
  return level;
}

/** Each unit's dominant cluster: the one most of its members belong to (ties to the smaller id). */
function markClusters(level: GraphLevel, unitOf: ReadonlyMap<string, string>, clusters: readonly ClusterInput[]): void {
  const tally = new Map<string, Map<string, number>>();
  for (const cluster of clusters)
    for (const member of cluster.members) {
      const unit = unitOf.get(member);
      if (!unit) continue;
      const counts = tally.get(unit) ?? new Map<string, number>();
      counts.set(cluster.id, (counts.get(cluster.id) ?? 0) + 1);
      tally.set(unit, counts);
    }
  for (const node of level.nodes) {
    const counts = [...(tally.get(node.id) ?? [])].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    if (counts[0]) node.cluster = counts[0][0];
  }
}

/** Clusters as units: members and owned tables fold into their cluster; shared tables stay tables. */
function clusterLevel(result: ScanResult, index: UnitIndex, clusters: readonly ClusterInput[]): AggregatedLevel {
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const id of [...c.members, ...c.tables]) clusterOf.set(id, c.id);
  const unitOf = new Map<string, string>();
  for (const node of result.graph.nodes) {
    const owner = index.ownerOf.get(node.id);
    const cluster =
      clusterOf.get(node.id) ?? clusterOf.get(owner ?? '') ?? clusterOf.get(index.ownerOf.get(owner ?? '') ?? '');
    if (cluster) unitOf.set(node.id, cluster);
    else if (node.kind === 'table') unitOf.set(node.id, node.id);
  }
  const byId = new Map(clusters.map((c) => [c.id, c]));
  return aggregateLevel(
    result.graph.nodes,
    result.graph.edges,
    unitOf,
    (unitId) => {
      const cluster = byId.get(unitId);
      if (cluster) return { id: cluster.id, label: cluster.name, kind: 'unit', group: cluster.id };
      const table = index.units.get(unitId);
      return table ? { id: table.id, label: table.label, kind: 'table', group: 'table' } : undefined;
    },
    index.locOf,
  );
}

function finishLevel(id: GraphLevelId, level: AggregatedLevel): GraphLevel {
  const position = new Map(level.nodes.map((n, i) => [n.id, i]));
  const edges = level.edges.map((e) => ({
    s: position.get(e.from)!,
    t: position.get(e.to)!,
    c: e.category,
    w: e.weight,
    ev: e.evidence,
    n: e.count,
  }));
  const xy = layoutPositions(
    level.nodes.map((n) => n.id),
    edges,
  );
  const dsm = dsmOrder({
    candidates: level.nodes.flatMap((n, i) => (n.kind === 'unit' ? [i] : [])),
    labels: level.nodes.map((n) => n.label),
    edges: edges.filter((e) => DEPENDENCY_CATEGORIES.has(e.c)),
  });
  return {
    id,
    nodes: level.nodes.map((n, i) => ({ ...n, x: xy[i]!.x, y: xy[i]!.y })),
    edges,
    dsm,
    omitted: level.omitted,
  };
}
