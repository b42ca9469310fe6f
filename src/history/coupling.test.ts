import { describe, expect, it } from 'vitest';
import { computeCoupling, type ChangeSet } from './coupling.js';

const loose = { minRevisions: 1, minSharedCommits: 1, minDegree: 0, maxChangeSetSize: 30 };
const sets = (...lists: string[][]): ChangeSet[] => lists.map((entities) => ({ entities }));

describe('computeCoupling (code-maat degree = shared / average revisions)', () => {
  it('computes the degree from shared commits and both revision counts', () => {
    // a: 4 revisions, b: 2 revisions, shared 2 → 2 / 3
    const result = computeCoupling(sets(['a', 'b'], ['a', 'b'], ['a'], ['a', 'c']), loose);
    expect(result[0]).toEqual({ a: 'a', b: 'b', shared: 2, revisionsA: 4, revisionsB: 2, degree: 0.667, tags: [] });
    expect(result.find((c) => c.b === 'c')).toMatchObject({ shared: 1, revisionsA: 4, revisionsB: 1, degree: 0.4 });
  });

  it('applies minimum revisions, shared commits and degree', () => {
    const history = sets(['a', 'b'], ['a', 'b'], ['a', 'b'], ['a'], ['c', 'd']);
    expect(computeCoupling(history, { ...loose, minSharedCommits: 3 }).map((c) => `${c.a}-${c.b}`)).toEqual(['a-b']);
    expect(computeCoupling(history, { ...loose, minRevisions: 4 })).toEqual([]); // average of 4 and 3 is 3.5
    expect(computeCoupling(history, { ...loose, minDegree: 0.9 }).map((c) => `${c.a}-${c.b}`)).toEqual(['c-d']);
  });

  it('drops change sets above the bulk limit from revisions and pairs', () => {
    const bulk = ['a', 'b', 'c', 'd', 'e'];
    const result = computeCoupling(sets(['a', 'b'], bulk, bulk), { ...loose, maxChangeSetSize: 4 });
    expect(result).toEqual([{ a: 'a', b: 'b', shared: 1, revisionsA: 1, revisionsB: 1, degree: 1, tags: [] }]);
  });

  it('counts an entity once per change set and orders pairs by name', () => {
    const result = computeCoupling(sets(['z', 'y', 'z']), loose);
    expect(result).toEqual([{ a: 'y', b: 'z', shared: 1, revisionsA: 1, revisionsB: 1, degree: 1, tags: [] }]);
  });

  it('keeps only accepted pairs and reports the tags behind them', () => {
    const changes: ChangeSet[] = [
      { entities: ['r1:a', 'r2:x', 'r1:b'], tags: ['HAR-1'] },
      { entities: ['r1:a', 'r2:x'], tags: ['HAR-2', 'author'] },
    ];
    const result = computeCoupling(changes, loose, (p, q) => p.slice(0, 2) !== q.slice(0, 2));
    expect(result.map((c) => [c.a, c.b, c.shared, c.tags])).toEqual([
      ['r1:a', 'r2:x', 2, ['HAR-1', 'HAR-2', 'author']],
      ['r1:b', 'r2:x', 1, ['HAR-1']],
    ]);
  });

  it('lets pairs linked by an explicit ticket key skip the revision threshold, not the others', () => {
    const thresholds = { ...loose, minRevisions: 5, minSharedCommits: 3 };
    // Three changes across two repositories, each linked by one ticket in both: 3 revisions apiece.
    const ticketed: ChangeSet[] = ['HAR-7', 'HAR-8', 'HAR-9'].map((ticket) => ({
      entities: ['billing:a', 'mailer:x'],
      tags: [ticket],
      explicit: true,
    }));
    expect(computeCoupling(ticketed, thresholds).map((c) => [c.a, c.b, c.shared, c.tags])).toEqual([
      ['billing:a', 'mailer:x', 3, ['HAR-7', 'HAR-8', 'HAR-9']],
    ]);
    // The same co-occurrence linked only by an author window is still taken for chance.
    const byAuthor = ticketed.map((set) => ({ entities: set.entities, tags: ['author'] }));
    expect(computeCoupling(byAuthor, thresholds)).toEqual([]);
    // A ticket does not lower the bar on shared changes.
    expect(computeCoupling(ticketed.slice(0, 2), thresholds)).toEqual([]);
  });

  it('finds nothing in commits that each change one file', () => {
    expect(computeCoupling(sets(['a'], ['b'], ['a']), loose)).toEqual([]);
  });
});
