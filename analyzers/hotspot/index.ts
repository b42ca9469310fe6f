/**
 * hotspot: the files where change meets complexity. Each file's churn inside the
 * history window (lines added + deleted) times its complexity ranks it; the top
 * ones are where a migration or a refactoring pays first.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { GraphNodeOf } from '../../src/core/graphData.js';
import type { HistoryFigures } from '../../src/core/history.js';
import type { Finding, SummarySection } from '../../src/core/result.js';

export interface Hotspot {
  node: GraphNodeOf<'file'>;
  history: HistoryFigures;
  complexity: number;
  score: number;
}

export type HotspotData = {
  rank: number;
  score: number;
  revisions: number;
  churn: number;
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
        'Hotspot #{rank}: {file} changed in {revisions} commits (churn {churn} lines) at complexity {complexity}; {mainAuthor} wrote {share}% of the changes',
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
    })
    .strict(),
  run({ graph, options, report }) {
    const ranked = rankHotspots(graph.nodesOfKind('file'), options.minRevisions);
    ranked.slice(0, options.top).forEach((hotspot, index) => {
      const { node, history } = hotspot;
      report({
        messageId: 'hotspot',
        args: {
          rank: index + 1,
          file: `${node.repo}/${node.path}`,
          revisions: history.revisions,
          churn: history.churn,
          complexity: hotspot.complexity,
          mainAuthor: history.mainAuthor,
          share: Math.round(history.mainAuthorShare * 100),
        },
        location: { repo: node.repo ?? '', ...(node.path ? { file: node.path } : {}) },
        data: {
          rank: index + 1,
          score: hotspot.score,
          revisions: history.revisions,
          churn: history.churn,
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
  summarize(findings) {
    return [topHotspots(findings)].filter((s) => s.rows.length > 0);
  },
});

function topHotspots(findings: readonly Finding<HotspotData>[]): SummarySection {
  return {
    title: 'Top hotspots',
    columns: [
      { label: 'Top hotspots' },
      { label: 'Commits', align: 'right' },
      { label: 'Churn', align: 'right' },
      { label: 'Complexity', align: 'right' },
      { label: 'Main author' },
    ],
    rows: [...findings]
      .sort((a, b) => a.data.rank - b.data.rank)
      .map((f) => [
        `${f.location.repo}/${f.location.file ?? ''}`,
        String(f.data.revisions),
        String(f.data.churn),
        String(f.data.complexity),
        `${f.data.mainAuthor} (${Math.round(f.data.mainAuthorShare * 100)}%)`,
      ]),
  };
}

/** Files with a complexity and enough revisions, by churn × complexity, then revisions, then id. */
export function rankHotspots(files: readonly GraphNodeOf<'file'>[], minRevisions: number): Hotspot[] {
  const hotspots: Hotspot[] = [];
  for (const node of files) {
    const history: HistoryFigures | undefined = node.data?.history;
    if (!history || node.complexity === undefined || history.revisions < minRevisions) continue;
    hotspots.push({ node, history, complexity: node.complexity, score: history.churn * node.complexity });
  }
  return hotspots.sort(
    (a, b) =>
      b.score - a.score ||
      b.history.revisions - a.history.revisions ||
      (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0),
  );
}
