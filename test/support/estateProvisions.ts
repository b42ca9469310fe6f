/**
 * What the estate builder hands over as the phases' output: file history figures
 * completed from the few a test gives, the history summary and `co-change` edges,
 * and registry answers matched to the usages read back from the graph.
 */
import type { EstateGraph } from '../../src/core/graph.js';
import type { CoChangeData } from '../../src/core/graphData.js';
import type { CoChangeCounts, CouplingLevel, HistoryFigures, HistorySummary } from '../../src/core/history.js';
import type { PackageMetadata, PackageUsage } from '../../src/core/packages.js';
import { RegistryIndex } from '../../src/packages/metadata.js';

export type FileHistory = Pick<HistoryFigures, 'revisions' | 'churn'> & Partial<HistoryFigures>;

/** A co-change pair as the history pass measured it; level and crossRepo follow from the two nodes. */
export type CoChange = Omit<CoChangeData, 'level' | 'crossRepo'> & { shared: number };

/** Full figures from what a test gave: one author, changed on the scan date unless said otherwise. */
export function completeHistory(given: FileHistory, scanDate: string): HistoryFigures {
  const lastChange = given.lastChange ?? scanDate.slice(0, 10);
  const deleted = given.deleted ?? (given.added !== undefined ? given.churn - given.added : 0);
  return {
    added: given.churn - deleted,
    deleted,
    authors: 1,
    mainAuthor: 'Ada',
    mainAuthorShare: 1,
    firstChange: lastChange,
    lastChange,
    ageDays: 0,
    ...given,
  };
}

export interface HistoryDeclarations {
  window: string;
  coChanges: readonly { a: string; b: string; coupling: CoChange }[];
  /** Per repository, the completed figures of its changed files. */
  changedFiles: ReadonlyMap<string, readonly HistoryFigures[]>;
}

/** The co-change edges, and the summary the history pass returns (repos with changes, edge counts). */
export function applyDeclaredHistory(graph: EstateGraph, declared: HistoryDeclarations): HistorySummary {
  const coChange: CoChangeCounts = { file: 0, namespace: 0, project: 0, crossRepo: 0, hidden: 0 };
  for (const { a, b, coupling } of declared.coChanges) {
    const level = couplingLevel(graph, a);
    if (couplingLevel(graph, b) !== level) throw new Error(`co-change ${a} ⇄ ${b}: both ends must be of one level`);
    const crossRepo = graph.node(a)?.repo !== graph.node(b)?.repo;
    const { shared, ...measured } = coupling;
    graph.addEdge(a, b, 'co-change', shared, { ...measured, level, crossRepo });
    coChange[level]++;
    if (crossRepo) coChange.crossRepo++;
    if (coupling.hidden) coChange.hidden++;
  }
  const repos = [...declared.changedFiles].flatMap(([repo, changed]) => {
    if (changed.length === 0) return [];
    const commits = Math.max(...changed.map((h) => h.revisions));
    const since = changed.map((h) => h.firstChange).sort()[0]!;
    const until = changed
      .map((h) => h.lastChange)
      .sort()
      .at(-1)!;
    return [{ repo, commits, since, until, shallow: false }];
  });
  return { window: declared.window, repos, commits: repos.reduce((n, r) => n + r.commits, 0), coChange };
}

/** Each usage answered by the metadata of its package, as the registry phase would. */
export function registryAnswering(usages: readonly PackageUsage[], answers: readonly PackageMetadata[]): RegistryIndex {
  const index = new RegistryIndex();
  for (const usage of usages) {
    const found = answers.find(
      (m) => m.ecosystem === usage.ecosystem && m.name.toLowerCase() === usage.name.toLowerCase(),
    );
    if (found) index.set(usage.projectId, usage.packageId, found);
  }
  return index;
}

function couplingLevel(graph: EstateGraph, id: string): CouplingLevel {
  const kind = graph.node(id)?.kind;
  if (kind === 'file' || kind === 'namespace' || kind === 'project') return kind;
  throw new Error(
    `co-change end ${id} is ${kind ? `a ${kind}` : 'not declared'}: only files, namespaces and projects change together`,
  );
}
