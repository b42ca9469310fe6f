/**
 * hotspot: the files where change meets complexity. Each file's churn inside the
 * history window (lines added + deleted) times its complexity ranks it; the top
 * ones are where a migration or a refactoring pays first.
 */
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import type { GraphNode } from '../../src/core/result.js';
import type { HistoryFigures } from '../../src/history/tally.js';

export interface Hotspot {
  node: GraphNode;
  history: HistoryFigures;
  complexity: number;
  score: number;
}

export default defineAnalyzer({
  meta: {
    id: 'hotspot',
    description: 'Files that change most and are most complex: churn × complexity over the history window.',
    defaultSeverity: 'note',
    messages: {
      hotspot: 'Hotspot #{rank}: {file} changed in {revisions} commits (churn {churn} lines) at complexity {complexity}; {mainAuthor} wrote {share}% of the changes',
    },
    docs: 'analyzers/hotspot/README.md',
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
});

/** Files with a complexity and enough revisions, by churn × complexity, then revisions, then id. */
export function rankHotspots(files: readonly GraphNode[], minRevisions: number): Hotspot[] {
  const hotspots: Hotspot[] = [];
  for (const node of files) {
    const history = node.data?.history as HistoryFigures | undefined;
    if (!history || node.complexity === undefined || history.revisions < minRevisions) continue;
    hotspots.push({ node, history, complexity: node.complexity, score: history.churn * node.complexity });
  }
  return hotspots.sort(
    (a, b) => b.score - a.score || b.history.revisions - a.history.revisions || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0),
  );
}
