import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Finding, type ScanResult } from '../../core/result.js';
import { headlineFigures } from './headlines.js';

const finding = (ruleId: string, data: Record<string, unknown>): Finding => ({
  id: `${ruleId}-${JSON.stringify(data)}`,
  ruleId,
  messageId: 'any',
  severity: 'warning',
  message: ruleId,
  location: { repo: 'shop' },
  data,
});

function result(findings: Finding[], extra: Partial<ScanResult> = {}): ScanResult {
  const query = (key: string, role: string, superseded?: true) => ({
    key,
    repo: 'shop',
    file: 'a.cs',
    line: 1,
    column: 1,
    api: 'ado',
    dynamic: false,
    parsed: true,
    tables: [],
    text: 'SELECT 1',
    role,
    ...(superseded ? { superseded } : {}),
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'assess', version: '0' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    root: '/estate',
    repos: [],
    graph: { nodes: [], edges: [] },
    findings,
    summaries: [],
    diagnostics: [],
    stats: {
      repos: 1,
      files: 0,
      filesByLanguage: {},
      loc: 0,
      projects: 0,
      types: 0,
      nodes: 0,
      edges: 0,
      diagnostics: 0,
      findings: findings.length,
      commits: 10,
      elapsedMs: 0,
    },
    sql: {
      queries: [
        query('q1', 'application'),
        query('q2', 'application'),
        query('q3', 'routine'),
        query('q4', 'migration'),
        query('q5', 'routine', true),
      ],
      coverage: {
        counted: 3,
        byRole: { application: 2, routine: 1, migration: 1, script: 0 },
        superseded: 1,
        notJudged: { unparsed: 0, dynamic: 0, noSchema: 0, unknownTable: 0, viewNotFound: 0 },
      } as never,
    },
    ...extra,
  };
}

const figure = (r: ScanResult, id: string) => headlineFigures(r).find((f) => f.id === id)!;

describe('headlineFigures', () => {
  it('counts the counted queries with an unindexed predicate once, by the shape of the finding data', () => {
    const r = result([
      finding('any', { queryKey: 'q1', table: 'dbo.a', columns: ['x'], suggestions: ['ix'] }),
      finding('any', { queryKey: 'q1', table: 'dbo.a', columns: ['y'], suggestions: [] }),
      // A view read by two queries, one of them a migration (not counted).
      finding('any', { queryKey: 'q2', readBy: ['q2', 'q4'], table: 'dbo.b', columns: ['z'], suggestions: ['ix'] }),
      // A non-sargable predicate names a query too, but is no missing index.
      finding('other', { queryKey: 'q3', column: 'x', reason: 'function' }),
    ]);
    expect(figure(r, 'unindexed')).toMatchObject({
      value: 2,
      of: 3,
      percent: 67,
      detail: '2 of 3 queries, on 2 tables',
    });
  });

  it('says what it could not measure instead of a zero', () => {
    const r = result([], { sql: undefined, stats: { ...result([]).stats, commits: undefined } });
    expect(figure(r, 'unindexed').value).toBeNull();
    expect(figure(r, 'hiddenCouplings').value).toBeNull();
    expect(figure(r, 'candidates').value).toBeNull();
  });

  it('counts package versions, end-of-life projects, cycles and hidden couplings, each once', () => {
    const r = result([
      finding('a', { ecosystem: 'nuget', name: 'Dapper', current: '1.0', latest: '2.1', majorsBehind: 1 }),
      finding('a', { ecosystem: 'nuget', name: 'Dapper', current: '1.0', latest: '2.1', majorsBehind: 1 }),
      finding('a', { ecosystem: 'nuget', name: 'Polly', current: '7.1', latest: '7.2', majorsBehind: 0 }),
      finding('b', { endOfSupport: '2022-04-26', ended: true, project: 'project:a', product: '.NET Framework 4.6.1' }),
      finding('b', { endOfSupport: '2022-04-26', ended: true, project: 'project:a', product: '.NET Framework 4.6.1' }),
      finding('b', { endOfSupport: '2027-11-10', ended: false, project: 'project:b', product: '.NET 8' }),
      finding('c', { level: 'project', members: ['x', 'y'], closingEdges: [] }),
      finding('d', { hidden: true, degree: 0.8, crossRepo: true }),
      finding('d', { hidden: false, degree: 0.9 }),
    ]);
    expect(figure(r, 'packagesBehind')).toMatchObject({
      value: 2,
      detail: '1 a major or more behind; furthest 1 majors',
    });
    expect(figure(r, 'endOfLife')).toMatchObject({ value: 1, detail: '.NET Framework 4.6.1; 1 more ending soon' });
    expect(figure(r, 'cycles')).toMatchObject({ value: 1, detail: '1 between projects' });
    expect(figure(r, 'hiddenCouplings')).toMatchObject({ value: 1 });
  });
});
