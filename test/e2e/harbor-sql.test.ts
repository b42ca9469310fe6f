/** The SQL layer on the bundled fixture estate, query by query, through the CLI. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNodeOfKind } from '../../src/core/graphData.js';
import type { Finding, ScanResult } from '../../src/core/result.js';
import { projectRoot, scanFixtureEstate } from './cli.js';

interface ExpectedQuery {
  repo: string;
  file: string;
  line: number;
  /** Where its finding is, when not at `line`: a routine's statement. */
  findingLine?: number;
  tables: string[];
  flagged: boolean;
  columns?: string[];
  dynamic?: boolean;
  routine?: string;
  executes?: string[];
  why: string;
}

interface Expected {
  sqlQueries: ExpectedQuery[];
  unknownTables: string[];
  nonSargablePredicates: [string, string, number, string][];
  selectStar: [string, string, number][];
  sqlGraphEdges: [string, string, string][];
  sqlTables: Record<string, [string, string[]][]>;
}

const expected = JSON.parse(
  readFileSync(path.join(projectRoot, 'fixtures/harbor-estate/expected.json'), 'utf8'),
) as Expected;

let work: string;
let result: ScanResult;
let table: string;

/** A finding sits at its statement's line, which in a routine is below the routine's first line. */
const at = (f: Finding, q: { repo: string; file: string; line: number; findingLine?: number }) =>
  f.location.repo === q.repo && f.location.file === q.file && f.location.line === (q.findingLine ?? q.line);
const ofRule = (rule: string) => result.findings.filter((f) => f.ruleId === rule);

beforeAll(() => {
  ({ work, result, stdout: table } = scanFixtureEstate('harbor-estate'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('harbor-estate SQL', () => {
  it('finds exactly the queries written down, with their tables', () => {
    const found = (result.sql?.queries ?? []).map((q) => `${q.repo}/${q.file}:${q.line}`);
    expect(found.sort()).toEqual(expected.sqlQueries.map((q) => `${q.repo}/${q.file}:${q.line}`).sort());
    for (const want of expected.sqlQueries) {
      const query = result.sql!.queries.find(
        (q) => q.repo === want.repo && q.file === want.file && q.line === want.line,
      )!;
      expect(query.tables.map((t) => t.table).sort(), `${want.file}:${want.line}`).toEqual([...want.tables].sort());
      expect(query.dynamic, `${want.file}:${want.line} dynamic`).toBe(want.dynamic ?? false);
      expect(query.parsed, `${want.file}:${want.line} parsed`).toBe(true);
      if (want.routine) expect(query.routine).toBe(want.routine);
      if (want.executes) expect(query.executes).toEqual(want.executes);
    }
  });

  it('flags exactly the queries no index serves, with the unserved columns', () => {
    const unindexed = ofRule('unindexed-query');
    for (const want of expected.sqlQueries) {
      const findings = unindexed.filter((f) => at(f, want));
      const label = `${want.repo}/${want.file}:${want.line} — ${want.why}`;
      if (!want.flagged) {
        expect(findings, label).toEqual([]);
        continue;
      }
      expect(findings.length, label).toBeGreaterThan(0);
      expect(findings.flatMap((f) => f.data.columns as string[]).sort(), label).toEqual([...want.columns!].sort());
    }
    expect(unindexed).toHaveLength(expected.sqlQueries.filter((q) => q.flagged).length);
  });

  it('reports unknown tables once each, never as unindexed', () => {
    const unknown = ofRule('unknown-table');
    expect(unknown.map((f) => f.data.table).sort()).toEqual([...expected.unknownTables].sort());
    const unindexedTables = new Set(ofRule('unindexed-query').map((f) => f.data.table));
    for (const name of expected.unknownTables) expect(unindexedTables.has(name), name).toBe(false);
  });

  it('reports non-sargable predicates and SELECT * where written down', () => {
    expect(
      ofRule('non-sargable-predicate').map((f) => [f.location.repo, f.location.file, f.location.line, f.data.reason]),
    ).toEqual(expected.nonSargablePredicates);
    expect(ofRule('select-star').map((f) => [f.location.repo, f.location.file, f.location.line])).toEqual(
      expected.selectStar,
    );
    expect(ofRule('select-star').every((f) => f.severity === 'note')).toBe(true);
  });

  it('merges the schema from SSDT scripts (UTF-16 included) and EF migrations across repositories', () => {
    for (const [key, indexes] of Object.entries(expected.sqlTables)) {
      const node = result.graph.nodes.filter(isNodeOfKind('table')).find((n) => n.id === `table:${key}`);
      expect(node, key).toBeDefined();
      const actual = (node!.data!.known ? node!.data!.indexes : []).map((i) => [i.kind, i.columns]);
      expect(actual, key).toEqual(expect.arrayContaining(indexes));
      expect(actual, key).toHaveLength(indexes.length);
    }
  });

  it('links the code that issues queries to the tables and procedures', () => {
    for (const [from, kind, to] of expected.sqlGraphEdges) {
      expect(
        result.graph.edges.some((e) => e.from === from && e.kind === kind && e.to === to),
        `${from} ${kind} ${to}`,
      ).toBe(true);
    }
    expect(result.graph.nodes.find((n) => n.id === 'table:dbo.legacyexports')?.data).toMatchObject({ known: false });
  });

  it('prints the SQL headline and suggested indexes', () => {
    // The headline counts application queries and routines; migration and maintenance statements are said apart.
    const counted = new Set(
      result
        .sql!.queries.filter((q) => q.role === 'application' || q.role === 'routine')
        .map((q) => `${q.repo}/${q.file}:${q.line}`),
    );
    const others = expected.sqlQueries.length - counted.size;
    const routines = result.sql!.queries.filter((q) => q.role === 'routine').length;
    expect(routines).toBe(4); // the four stored-procedure statements of Harbor.Database
    const flagged = expected.sqlQueries.filter((q) => q.flagged && counted.has(`${q.repo}/${q.file}:${q.line}`)).length;
    expect(others).toBe(3); // the EF6 migration's Sql() and the two maintenance-script statements
    expect(table).toContain(
      `SQL: ${counted.size} queries (${counted.size - routines} application, ${routines} routines), ${flagged} (${Math.round((flagged / counted.size) * 100)}%) with an unindexed predicate`,
    );
    expect(table).toContain('also read: 2 script statements, 1 migration statements (run once; not judged');
    expect(table).toContain(
      'CREATE INDEX [IX_Notifications_Channel_Status] ON [dbo].[Notifications] ([Channel], [Status]);',
    );
  });

  it('reads every SQL file without warnings', () => {
    expect(result.diagnostics.filter((d) => d.code.startsWith('sql') && d.severity !== 'info')).toEqual([]);
  });
});
