import { describe, expect, it } from 'vitest';
import hotspot from './index.js';
import { runAnalyzer, testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import type { EstateBuilder } from '../../test/support/estateBuilder.js';

/** A 100-line file of repo r; with history, two authors of whom Ada wrote three quarters. */
function file(
  b: EstateBuilder,
  name: string,
  complexity: number | undefined,
  history?: { revisions: number; churn: number },
): EstateBuilder {
  return b.file('r', name, {
    loc: 100,
    ...(complexity !== undefined ? { complexity } : {}),
    ...(history
      ? {
          history: {
            ...history,
            authors: 2,
            mainAuthor: 'Ada',
            mainAuthorShare: 0.75,
            lastChange: '2025-01-01',
            ageDays: 3,
          },
        }
      : {}),
  });
}

/** Scores 3000, 2000 and 20. */
const ranked: DeclareEstate = (b) => {
  file(b, 'Busy.cs', 10, { revisions: 12, churn: 300 });
  file(b, 'Complex.cs', 40, { revisions: 3, churn: 50 });
  return file(b, 'Calm.cs', 2, { revisions: 2, churn: 10 });
};

/** No history, no complexity, and one revision only. */
const unranked: DeclareEstate = (b) => {
  file(b, 'NoHistory.cs', 30);
  file(b, 'script.sql', undefined, { revisions: 20, churn: 900 });
  return file(b, 'Once.cs', 50, { revisions: 1, churn: 400 });
};

/** Program.cs moved with every framework upgrade and its logic changed twice; Pricing.cs is all logic. */
const serviceWithProgram: DeclareEstate = (b) =>
  b
    .file('r', 'Api/Program.cs', {
      complexity: 8,
      history: { revisions: 14, churn: 2000, logicRevisions: 2, logicChurn: 40 },
    })
    .type('Program', { repo: 'r', file: 'Api/Program.cs' })
    .file('r', 'Api/Pricing.cs', {
      complexity: 6,
      history: { revisions: 5, churn: 150, logicRevisions: 5, logicChurn: 150 },
    });

const COLUMNS = [
  { label: 'Top hotspots' },
  { label: 'Logic commits', align: 'right' },
  { label: 'Logic churn', align: 'right' },
  { label: 'Complexity', align: 'right' },
  { label: 'Main author' },
] as const;

testAnalyzer(hotspot, {
  valid: [
    {
      name: 'files without history, without complexity, or below the minimum revisions; no summary',
      estate: unranked,
      summaries: [],
    },
    {
      name: 'an estate whose history pass found no changes',
      estate: (b) => b.history().file('r', 'Quiet.cs', { complexity: 80 }),
    },
  ],
  invalid: [
    {
      name: 'files ranked by churn × complexity, the top ones with their figures',
      estate: ranked,
      options: { top: 2 },
      findings: [
        {
          messageId: 'hotspot',
          severity: 'note',
          message:
            'Hotspot #1: r/Busy.cs changed in 12 commits of logic (churn 300 lines) at complexity 10; Ada wrote 75% of the changes',
          location: { repo: 'r', file: 'Busy.cs' },
          data: {
            rank: 1,
            score: 3000,
            revisions: 12,
            churn: 300,
            allRevisions: 12,
            allChurn: 300,
            compositionRoot: false,
            complexity: 10,
            loc: 100,
            authors: 2,
            mainAuthor: 'Ada',
            mainAuthorShare: 0.75,
            lastChange: '2025-01-01',
            ageDays: 3,
          },
        },
        {
          messageId: 'hotspot',
          message: /^Hotspot #2: r\/Complex\.cs /,
          location: { file: 'Complex.cs' },
          data: { rank: 2, score: 2000 },
        },
      ],
      summaries: [
        {
          title: 'Top hotspots',
          columns: COLUMNS,
          rows: [
            ['r/Busy.cs', '12', '300', '10', 'Ada (75%)'],
            ['r/Complex.cs', '3', '50', '40', 'Ada (75%)'],
          ],
        },
      ],
    },
    {
      name: 'every ranked file within the default top ten, in rank order (not by path), the summary too',
      estate: ranked,
      findings: [
        { messageId: 'hotspot', location: { file: 'Busy.cs' }, rank: 1, data: { rank: 1 } },
        { messageId: 'hotspot', location: { file: 'Complex.cs' }, rank: 2, data: { rank: 2 } },
        { messageId: 'hotspot', location: { file: 'Calm.cs' }, rank: 3, data: { rank: 3, score: 20 } },
      ],
      summaries: [
        {
          rows: [
            ['r/Busy.cs', '12', '300', '10', 'Ada (75%)'],
            ['r/Complex.cs', '3', '50', '40', 'Ada (75%)'],
            ['r/Calm.cs', '2', '10', '2', 'Ada (75%)'],
          ],
        },
      ],
    },
    {
      name: 'composition roots ranked apart by default: not a finding, named in the summary with their churn',
      estate: serviceWithProgram,
      findings: [{ messageId: 'hotspot', location: { file: 'Api/Pricing.cs' }, rank: 1, data: { score: 900 } }],
      summaries: [
        {
          title: 'Top hotspots',
          headline:
            '1 composition roots (Program, Startup, top-level statements) are ranked apart, their churn being wiring as much as logic: r/Api/Program.cs (40 lines of logic churn); compositionRoots: "ranked" ranks them with the rest',
          rows: [['r/Api/Pricing.cs', '5', '150', '6', 'Ada (100%)']],
        },
      ],
    },
    {
      name: 'ranked by churn of logic: a composition root churned by upgrades falls behind, and says so',
      estate: serviceWithProgram,
      options: { compositionRoots: 'ranked' },
      findings: [
        { messageId: 'hotspot', location: { file: 'Api/Pricing.cs' }, rank: 1, data: { score: 900 } },
        {
          messageId: 'hotspot',
          message:
            'Hotspot #2: r/Api/Program.cs changed in 2 commits of logic (churn 40 lines; 12 more commits of maintenance not counted) at complexity 8; Ada wrote 100% of the changes (a composition root: its churn is wiring as much as logic)',
          location: { file: 'Api/Program.cs' },
          rank: 2,
          data: { score: 320, revisions: 2, churn: 40, allRevisions: 14, allChurn: 2000, compositionRoot: true },
        },
      ],
    },
    {
      name: 'a file changed once, when minRevisions allows it',
      estate: unranked,
      options: { minRevisions: 1 },
      findings: [
        { messageId: 'hotspot', location: { file: 'Once.cs' }, data: { rank: 1, revisions: 1, score: 20_000 } },
      ],
    },
  ],
});

describe('hotspot fingerprints', () => {
  it('keeps a finding id when its rank changes', async () => {
    const run = async (churn: number) => {
      const { findings } = await runAnalyzer(hotspot, (b) => {
        file(b, 'A.cs', 5, { revisions: 4, churn });
        return file(b, 'B.cs', 5, { revisions: 4, churn: 100 });
      });
      return findings.find((f) => f.location.file === 'A.cs')!;
    };
    const first = await run(50);
    const second = await run(500);
    expect([first.data.rank, second.data.rank]).toEqual([2, 1]);
    expect(second.id).toBe(first.id);
  });
});
