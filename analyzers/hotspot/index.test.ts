import { describe, expect, it } from 'vitest';
import hotspot from './index.js';
import { EstateGraph, modelOf, runAnalyzer } from '../testing.js';

function file(graph: EstateGraph, name: string, complexity: number | undefined, history?: { revisions: number; churn: number }) {
  graph.addNode({
    id: `file:r/${name}`,
    kind: 'file',
    name,
    repo: 'r',
    path: name,
    loc: 100,
    ...(complexity !== undefined ? { complexity } : {}),
    data: history ? { history: { ...history, authors: 2, mainAuthor: 'Ada', mainAuthorShare: 0.75, lastChange: '2025-01-01', ageDays: 3 } } : {},
  });
}

describe('hotspot', () => {
  it('ranks files by churn × complexity and reports the figures', async () => {
    const graph = new EstateGraph();
    file(graph, 'Busy.cs', 10, { revisions: 12, churn: 300 }); // 3000
    file(graph, 'Complex.cs', 40, { revisions: 3, churn: 50 }); // 2000
    file(graph, 'Calm.cs', 2, { revisions: 2, churn: 10 }); // 20
    const { findings } = await runAnalyzer(hotspot, modelOf(graph), { top: 2 });
    expect(findings).toHaveLength(2);
    const byRank = [...findings].sort((a, b) => Number(a.data.rank) - Number(b.data.rank));
    expect(byRank.map((f) => f.location.file)).toEqual(['Busy.cs', 'Complex.cs']);
    expect(byRank[0]).toMatchObject({
      ruleId: 'hotspot',
      severity: 'note',
      message: 'Hotspot #1: r/Busy.cs changed in 12 commits (churn 300 lines) at complexity 10; Ada wrote 75% of the changes',
      data: { rank: 1, score: 3000, revisions: 12, churn: 300, complexity: 10, mainAuthor: 'Ada', mainAuthorShare: 0.75 },
    });
  });

  it('stays silent without history, without complexity, or below the minimum revisions', async () => {
    const graph = new EstateGraph();
    file(graph, 'NoHistory.cs', 30);
    file(graph, 'script.sql', undefined, { revisions: 20, churn: 900 });
    file(graph, 'Once.cs', 50, { revisions: 1, churn: 400 });
    const { findings } = await runAnalyzer(hotspot, modelOf(graph));
    expect(findings).toEqual([]);
  });

  it('keeps a finding id when its rank changes', async () => {
    const run = async (churn: number) => {
      const graph = new EstateGraph();
      file(graph, 'A.cs', 5, { revisions: 4, churn });
      file(graph, 'B.cs', 5, { revisions: 4, churn: 100 });
      return (await runAnalyzer(hotspot, modelOf(graph))).findings.find((f) => f.location.file === 'A.cs')!;
    };
    const first = await run(50);
    const second = await run(500);
    expect([first.data.rank, second.data.rank]).toEqual([2, 1]);
    expect(second.id).toBe(first.id);
  });
});
