/** The queries of the estate as the JSON result lists them: where, how, which tables. */
import type { SqlQuerySummary } from '../core/result.js';
import type { SqlEstate } from '../core/sqlEstate.js';
import { isTransientTable, tableKey } from './names.js';

export function summariseQueries(estate: SqlEstate): SqlQuerySummary[] {
  return estate.queries.map(({ key, repo, file, query }) => {
    const tables = new Map<string, 'read' | 'write'>();
    for (const block of query.blocks) {
      for (const access of block.accesses) {
        if (isTransientTable(access.table)) continue;
        const id = estate.schema.resolve(access.table, query.dialect)?.key ?? tableKey(access.table, query.dialect);
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
    };
  });
}
