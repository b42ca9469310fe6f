import { describe, expect, it } from 'vitest';
import { startLevel } from './buildReportData.js';
import { layoutPositions } from './layout.js';
import type { GraphLevel, GraphLevelId, LevelNode } from './reportData.js';

function level(id: GraphLevelId, units: number, tables = 0): GraphLevel {
  const node = (i: number, kind: LevelNode['kind']): LevelNode => ({
    id: `${id}:${kind}:${i}`,
    label: `${i}`,
    kind,
    group: '',
    loc: 1,
    units: 1,
    x: 0,
    y: 0,
  });
  return {
    id,
    nodes: [
      ...Array.from({ length: units }, (_, i) => node(i, 'unit')),
      ...Array.from({ length: tables }, (_, i) => node(i, 'table')),
    ],
    edges: [],
    dsm: { order: [], cycles: [], omitted: 0 },
    omitted: { nodes: 0, edges: 0, unusedTables: 0, empty: 0 },
  };
}

describe('startLevel', () => {
  it('opens at the projects when a person can read them at once', () => {
    expect(startLevel([level('repo', 1, 90), level('project', 79, 90), level('namespace', 360)])).toBe('project');
  });

  it('counts code units, not the tables drawn beside them', () => {
    expect(startLevel([level('repo', 1), level('project', 5, 400), level('namespace', 40)])).toBe('namespace');
  });

  it('opens at the repositories of an estate with too many projects and namespaces to read', () => {
    expect(startLevel([level('repo', 200), level('project', 900), level('namespace', 4000)])).toBe('repo');
  });

  it('takes the level nearest the readable range when none is in it', () => {
    expect(startLevel([level('repo', 1), level('project', 2), level('namespace', 5000)])).toBe('project');
    expect(startLevel([level('repo', 400), level('project', 900), level('namespace', 4000)])).toBe('repo');
  });
});

describe('layoutPositions', () => {
  it('shelves units with no edge under the connected ones instead of a far ring', () => {
    const ids = ['a', 'b', 'c', 'd', 'lonely-1', 'lonely-2'];
    const edges = [
      { s: 0, t: 1, w: 1 },
      { s: 1, t: 2, w: 1 },
      { s: 2, t: 3, w: 1 },
      { s: 3, t: 0, w: 1 },
    ];
    const xy = layoutPositions(ids, edges);
    const connected = xy.slice(0, 4);
    const minY = Math.min(...connected.map((p) => p.y));
    const [minX, maxX] = [Math.min(...connected.map((p) => p.x)), Math.max(...connected.map((p) => p.x))];
    for (const p of xy.slice(4)) {
      expect(p.y).toBeLessThan(minY);
      expect(p.x).toBeGreaterThanOrEqual(minX);
      expect(p.x).toBeLessThanOrEqual(maxX);
    }
    expect(layoutPositions(ids, edges)).toEqual(xy);
  });
});
