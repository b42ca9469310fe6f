/** The queries of the estate as the JSON result lists them (where, how, which tables), and what was judged. */
import type { SqlCoverage, SqlQuerySummary } from '../core/result.js';
import type { LocatedQuery, SqlEstate } from '../core/sqlEstate.js';
import { routineNamed } from './estate.js';
import { isTransientTable, tableKey } from './names.js';
import { expandQuery } from './views.js';

export function summariseQueries(estate: SqlEstate): SqlQuerySummary[] {
  return estate.queries.map((located) => {
    const { key, repo, file, query } = located;
    const database = estate.databaseFor(located);
    const tables = new Map<string, 'read' | 'write'>();
    for (const block of query.blocks) {
      for (const access of block.accesses) {
        if (isTransientTable(access.table)) continue;
        const id = database?.schema.resolve(access.table, query.dialect)?.key ?? tableKey(access.table, query.dialect);
        if (access.mode === 'write' || !tables.has(id)) tables.set(id, access.mode);
      }
    }
    return {
      key,
      repo,
      file,
      line: query.line,
      column: query.column,
      api: query.api,
      dynamic: query.dynamic,
      parsed: query.parsed,
      ...(query.routine ? { routine: query.routine } : {}),
      tables: [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([table, mode]) => ({ table, mode })),
      ...(query.executes && query.executes.length > 0
        ? { executes: query.executes.map((e) => tableKey(e, query.dialect)) }
        : {}),
      text: query.text,
      role: located.role,
      ...(database ? { database: database.id } : {}),
      ...(located.superseded ? { superseded: true as const } : {}),
    };
  });
}

/** What the headline counts: application queries and the current definition of each routine. */
export function isCounted(located: LocatedQuery): boolean {
  return !located.superseded && (located.role === 'application' || located.role === 'routine');
}

export function sqlCoverage(estate: SqlEstate): SqlCoverage {
  const byRole: Record<string, number> = { application: 0, routine: 0, migration: 0, script: 0 };
  const notJudged = { unparsed: 0, dynamic: 0, noSchema: 0, unknownTable: 0, viewNotFound: 0 };
  let judgedThroughViews = 0;
  let counted = 0;
  let superseded = 0;
  for (const located of estate.queries) {
    if (located.superseded) {
      superseded++;
      continue;
    }
    byRole[located.role] = (byRole[located.role] ?? 0) + 1;
    if (!isCounted(located)) continue;
    counted++;
    const { query } = located;
    if (!query.parsed) notJudged.unparsed++;
    if (query.dynamic) notJudged.dynamic++;
    const schema = estate.schemaFor(located);
    if (schema) {
      const expanded = expandQuery(query, schema, estate.viewsFor(located));
      if (expanded.notJudged === 'view-not-found') notJudged.viewNotFound++;
      else if (expanded.readsViews) judgedThroughViews++;
    }
    if (!schema) notJudged.noSchema++;
    else if (
      query.blocks.some((b) =>
        b.accesses.some(
          (a) =>
            !isTransientTable(a.table) &&
            !a.call && // a table-valued function call: counted as viewNotFound when its definition is missing
            !schema.resolve(a.table, query.dialect) &&
            !routineNamed(estate, tableKey(a.table, query.dialect)),
        ),
      )
    )
      notJudged.unknownTable++;
  }
  return {
    counted,
    byRole,
    superseded,
    notJudged,
    judgedThroughViews,
    efLinq: estate.linq.coverage,
    databases: estate.schemas.map((d) => ({
      id: d.id,
      repos: d.repos,
      family: d.family,
      tables: d.schema.size,
      indexes: [...d.schema.tables.values()].reduce((n, t) => n + t.indexes.length, 0),
      files: d.files,
      migrations: d.migrations,
    })),
  };
}

/** One line of what was not judged and why, for the summary. */
export function describeCoverage(coverage: SqlCoverage): string {
  const { notJudged: n } = coverage;
  const parts = [
    n.unparsed > 0 ? `${n.unparsed} partly unparsed` : '',
    n.dynamic > 0 ? `${n.dynamic} dynamic` : '',
    n.noSchema > 0 ? `${n.noSchema} with no schema for their database` : '',
    n.unknownTable > 0 ? `${n.unknownTable} naming a table or view no schema defines` : '',
    n.viewNotFound > 0 ? `${n.viewNotFound} reading a view or function whose definition was not read` : '',
    describeLinq(coverage.efLinq),
  ].filter(Boolean);
  return parts.length > 0 ? `not fully judged: ${parts.join(', ')}` : 'every counted query judged';
}

/** `EF LINQ not fully mapped: 2 unknown-member, 1 generic-entity`; '' when everything read was mapped. */
function describeLinq(linq: SqlCoverage['efLinq']): string {
  const reasons = Object.entries(linq.notMapped).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return reasons.length > 0
    ? `EF LINQ not fully mapped: ${reasons.map(([reason, n]) => `${n} ${reason}`).join(', ')}`
    : '';
}
