/**
 * hotspot: the files where change meets complexity. Each file's logic churn inside
 * the history window (lines added + deleted outside maintenance commits: bumps,
 * sweeps across projects, mass renames, reformats) times its complexity ranks it;
 * the top ones are where a migration or a refactoring pays first. Composition
 * roots (`Program`, `Startup`, top-level statements) churn with every hosting or
 * framework change: by default they are ranked apart (named in the summary, not
 * hidden), or with the rest when `compositionRoots` is `ranked`, marked as such.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { EstateGraph } from '../../src/core/graph.js';
import type { GraphNodeOf } from '../../src/core/graphData.js';
import type { HistoryFigures } from '../../src/core/history.js';
import type { Finding, SummarySection } from '../../src/core/result.js';

export interface Hotspot {
  node: GraphNodeOf<'file'>;
  history: HistoryFigures;
  complexity: number;
  /** Commits and churn the rank counts: those of logic, where the history pass told them apart. */
  revisions: number;
  churn: number;
  score: number;
}

export type HotspotData = {
  rank: number;
  score: number;
  /** Commits of logic (all commits where the history pass did not tell them apart). */
  revisions: number;
  /** Logic churn: what the score counts. */
  churn: number;
  /** Every commit and line in the window, maintenance included. */
  allRevisions: number;
  allChurn: number;
  /** The file declares `Program` or `Startup`, or has top-level statements: where services are wired. */
  compositionRoot: boolean;
  complexity: number;
  loc: number;
  authors: number;
  mainAuthor: string;
  mainAuthorShare: number;
  lastChange: string;
  ageDays: number;
};

export default defineAnalyzer<HotspotData>()({
  meta: {
    id: 'hotspot',
    description: 'Files that change most and are most complex: churn × complexity over the history window.',
    defaultSeverity: 'note',
    messages: {
      hotspot:
        'Hotspot #{rank}: {file} changed in {revisions} commits of logic (churn {churn} lines{maintenance}) at complexity {complexity}; {mainAuthor} wrote {share}% of the changes{role}',
    },
    needs: ['history'],
    docs: 'analyzers/hotspot/README.md',
    // The result keeps hotspot #1 first, not the alphabetically first path.
    ranked: true,
  },
  options: z
    .object({
      /** How many of the ranked files become findings. */
      top: z.number().int().min(1).default(10),
      /** Files changed fewer times are not hotspots, however complex. */
      minRevisions: z.number().int().min(1).default(2),
      /** `apart`: composition roots are left out of the ranking and named in the summary; `ranked`: ranked with the rest. */
      compositionRoots: z.enum(['apart', 'ranked']).default('apart'),
    })
    .strict(),
  run({ graph, options, report }) {
    const ranked = rankHotspots(graph.nodesOfKind('file'), options.minRevisions).filter(
      (h) => options.compositionRoots === 'ranked' || !isCompositionRoot(graph, h.node.id),
    );
    ranked.slice(0, options.top).forEach((hotspot, index) => {
      const { node, history } = hotspot;
      const compositionRoot = isCompositionRoot(graph, node.id);
      const maintenance = history.revisions - hotspot.revisions;
      report({
        messageId: 'hotspot',
        args: {
          rank: index + 1,
          file: `${node.repo}/${node.path}`,
          revisions: hotspot.revisions,
          churn: hotspot.churn,
          maintenance: maintenance > 0 ? `; ${maintenance} more commits of maintenance not counted` : '',
          complexity: hotspot.complexity,
          mainAuthor: history.mainAuthor,
          share: Math.round(history.mainAuthorShare * 100),
          role: compositionRoot ? ' (a composition root: its churn is wiring as much as logic)' : '',
        },
        location: { repo: node.repo ?? '', ...(node.path ? { file: node.path } : {}) },
        data: {
          rank: index + 1,
          score: hotspot.score,
          revisions: hotspot.revisions,
          churn: hotspot.churn,
          allRevisions: history.revisions,
          allChurn: history.churn,
          compositionRoot,
          complexity: hotspot.complexity,
          loc: node.loc ?? 0,
          authors: history.authors,
          mainAuthor: history.mainAuthor,
          mainAuthorShare: history.mainAuthorShare,
          lastChange: history.lastChange,
          ageDays: history.ageDays,
        },
        identity: [node.id],
      });
    });
  },
  summarize(findings, { graph, options }) {
    const apart =
      options.compositionRoots === 'apart'
        ? rankHotspots(graph.nodesOfKind('file'), options.minRevisions).filter((h) =>
            isCompositionRoot(graph, h.node.id),
          )
        : [];
    const section = topHotspots(findings);
    if (apart.length > 0) section.headline = compositionRootsApart(apart);
    return [section].filter((s) => s.rows.length > 0 || s.headline !== undefined);
  },
});

/** Says what was left out and how much it churned, so the ranking hides nothing. */
function compositionRootsApart(apart: readonly Hotspot[]): string {
  const named = apart
    .slice(0, 3)
    .map((h) => `${h.node.repo}/${h.node.path} (${h.churn} lines of logic churn)`)
    .join(', ');
  const more = apart.length > 3 ? ` and ${apart.length - 3} more` : '';
  return `${apart.length} composition roots (Program, Startup, top-level statements) are ranked apart, their churn being wiring as much as logic: ${named}${more}; compositionRoots: "ranked" ranks them with the rest`;
}

function topHotspots(findings: readonly Finding<HotspotData>[]): SummarySection {
  return {
    title: 'Top hotspots',
    columns: [
      { label: 'Top hotspots' },
      { label: 'Logic commits', align: 'right' },
      { label: 'Logic churn', align: 'right' },
      { label: 'Complexity', align: 'right' },
      { label: 'Main author' },
    ],
    rows: [...findings]
      .sort((a, b) => a.data.rank - b.data.rank)
      .map((f) => [
        `${f.location.repo}/${f.location.file ?? ''}${f.data.compositionRoot ? ' (composition root)' : ''}`,
        String(f.data.revisions),
        String(f.data.churn),
        String(f.data.complexity),
        `${f.data.mainAuthor} (${Math.round(f.data.mainAuthorShare * 100)}%)`,
      ]),
  };
}

/** Files with a complexity and enough revisions of logic, by logic churn × complexity, then revisions, then id. */
export function rankHotspots(files: readonly GraphNodeOf<'file'>[], minRevisions: number): Hotspot[] {
  const hotspots: Hotspot[] = [];
  for (const node of files) {
    const history: HistoryFigures | undefined = node.data?.history;
    if (!history || node.complexity === undefined) continue;
    const revisions = history.logicRevisions ?? history.revisions;
    const churn = history.logicChurn ?? history.churn;
    if (revisions < minRevisions) continue;
    hotspots.push({ node, history, complexity: node.complexity, revisions, churn, score: churn * node.complexity });
  }
  return hotspots.sort(
    (a, b) =>
      b.score - a.score || b.revisions - a.revisions || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0),
  );
}

const COMPOSITION_ROOTS = new Set(['Program', 'Startup']);

/** Declares a `Program` or `Startup` type, or has top-level statements (references made outside any type). */
function isCompositionRoot(graph: EstateGraph, file: string): boolean {
  if (graph.graph.someOutEdge(file, (_key, edge) => edge.kind === 'type-ref')) return true;
  return graph.graph.someOutEdge(file, (_key, edge) => {
    if (edge.kind !== 'contains') return false;
    const type = graph.nodeOfKind(edge.to, 'type');
    return type !== undefined && COMPOSITION_ROOTS.has(type.name.slice(type.name.lastIndexOf('.') + 1));
  });
}
