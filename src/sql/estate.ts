/**
 * The estate's SQL layer: the merged schema, the routines, and every query with
 * where it lives and which graph node issues it. Built once from the extracted
 * files; the graph, the SQL analyzers and the summary all read this.
 */
import type { RepoModel } from '../core/model.js';
import type { SqlFileFacts } from '../core/facts/sql.js';
import { fingerprint } from '../core/fingerprint.js';
import type { LocatedQuery, LocatedRoutine, SqlEstate } from '../core/sqlEstate.js';
import { displayName, tableKey } from './names.js';
import { SqlSchema } from './schema.js';
import { resolveEfModel } from './efModel.js';
import { SqlViews } from './views.js';

export type { LocatedQuery, LocatedRoutine, SqlEstate } from '../core/sqlEstate.js';

/** A view or table-valued function a query reads as if it were a table, found by the table's key. */
export function routineNamed(estate: SqlEstate, key: string): LocatedRoutine | undefined {
  const bare = key.slice(key.indexOf('.') + 1);
  return estate.routines.find(
    (r) =>
      r.routine.kind !== 'procedure' &&
      r.routine.kind !== 'trigger' &&
      (r.key === key || (!r.routine.name.schema && r.routine.name.name.toLowerCase() === bare)),
  );
}

export function buildSqlEstate(repos: readonly RepoModel[]): SqlEstate {
  const schema = new SqlSchema();
  const queries: LocatedQuery[] = [];
  const routines: LocatedRoutine[] = [];
  const views = new SqlViews();
  for (const repo of repos) {
    for (const file of repo.files) {
      if (!file.sql) continue;
      addViews(views, file.sql, { repo: repo.name, file: file.path });
      for (const table of file.sql.tables) schema.add(table, { repo: repo.name, file: file.path });
      for (const routine of file.sql.routines)
        routines.push({ key: tableKey(routine.name), repo: repo.name, file: file.path, routine });
      file.sql.queries.forEach((query, index) => {
        queries.push({
          key: fingerprint(repo.name, file.path, String(index), query.text),
          repo: repo.name,
          file: file.path,
          query,
        });
      });
    }
  }
  for (const { def, where } of resolveEfModel(repos)) schema.add(def, where);
  return { schema, queries, routines, views };
}

/** A view's or function's body is the query extracted with it (same file, `routine` set to its name). */
function addViews(views: SqlViews, sql: SqlFileFacts, where: { repo: string; file: string }): void {
  const defs = sql.routines.filter((r) => r.kind === 'view' || r.kind === 'function');
  if (defs.length === 0) return;
  const byName = new Map(defs.map((r) => [displayName(r.name), r]));
  for (const query of sql.queries) {
    const routine =
      query.routine !== undefined && query.api === byName.get(query.routine)?.kind
        ? byName.get(query.routine)
        : undefined;
    if (routine) views.add(routine, query, where);
  }
}
