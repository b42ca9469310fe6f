/**
 * The estate's SQL layer: one schema per database (./databases.ts), the
 * routines, and every query with where it lives, its role (./roles.ts), the
 * database family it targets, and whether a later definition of its routine
 * supersedes it. Built once from the extracted files; the graph, the SQL
 * analyzers and the summary all read this.
 */
import { fingerprint } from '../core/fingerprint.js';
import type { RepoModel } from '../core/model.js';
import type { SqlDatabaseFamily, SqlTableName } from '../core/facts/sql.js';
import type { LocatedQuery, LocatedRoutine, SqlDatabase, SqlEstate } from '../core/sqlEstate.js';
import { buildDatabases, databaseId, databaseResolver, fileFamily } from './databases.js';
import { type ApplyOrder, applyOrder, compareOrder } from './migrationOrder.js';
import { displayName, tableKey } from './names.js';
import { queryRole } from './roles.js';
import { resolveProcedureCalls } from './procedureCalls.js';
import { readLinqQueries } from './ef/linqQueries.js';
import { SqlViews } from './views.js';

export type { LocatedQuery, LocatedRoutine, SqlEstate } from '../core/sqlEstate.js';

/** A view or table-valued function a query reads as if it were a table, found by the table's key. */
export function routineNamed(estate: SqlEstate, key: string): LocatedRoutine | undefined {
  const bare = key.slice(key.indexOf('.') + 1);
  return estate.routines.find(
    (r) =>
      !r.superseded &&
      r.routine.kind !== 'procedure' &&
      r.routine.kind !== 'trigger' &&
      (r.key === key || (!r.routine.name.schema && r.routine.name.name.toLowerCase() === bare)),
  );
}

export function buildSqlEstate(repos: readonly RepoModel[]): SqlEstate {
  const queries: LocatedQuery[] = [];
  const routines: LocatedRoutine[] = [];
  const drops: RoutineDrop[] = [];
  for (const repo of repos) {
    for (const file of repo.files) {
      if (!file.sql) continue;
      const family = fileFamily(file);
      for (const drop of file.sql.routineDrops ?? [])
        drops.push({
          id: `${databaseId(repo.name, family ?? 'transactsql')}|${tableKey(drop.name)}`,
          order: applyOrder(file.path, drop.line),
        });
      for (const routine of file.sql.routines)
        routines.push({
          key: tableKey(routine.name),
          repo: repo.name,
          file: file.path,
          routine,
          family: family ?? 'transactsql',
        });
      file.sql.queries.forEach((query, index) => {
        queries.push({
          key: fingerprint(repo.name, file.path, String(index), query.text),
          repo: repo.name,
          file: file.path,
          query,
          role: queryRole(file, query),
          family: family ?? query.dialect,
        });
      });
    }
  }
  queries.push(...locateProcedureCalls(repos));
  markSuperseded(routines, queries, drops);
  const schemas = buildDatabases(repos);
  const linq = readLinqQueries(repos, linqFamily(schemas));
  queries.push(...linq.queries);
  const resolve = databaseResolver(schemas);
  const databaseFor = (query: LocatedQuery) => resolve(query.repo, query.family);
  const views = buildViews(routines, queries);
  const noViews = new SqlViews();
  return {
    schemas,
    databaseFor,
    schemaFor: (query) => databaseFor(query)?.schema,
    viewsFor: (query) => views.get(databaseId(query.repo, query.family)) ?? noViews,
    queries,
    routines,
    linq: { coverage: linq.coverage, clientSide: linq.clientSide },
  };
}

/**
 * The database a LINQ query runs against: the first schema holding every table
 * it reads (SQL Server's first: EF's usual provider), else the first holding its
 * root table, else SQL Server's (where an unknown table is reported). A context
 * whose provider is chosen at run time meets each provider's migrations; a join
 * to a table only those migrations name tells which one it is.
 */
function linqFamily(schemas: readonly SqlDatabase[]): (tables: readonly SqlTableName[]) => SqlDatabaseFamily {
  const ordered = [...schemas].sort((a, b) => (a.family === 'transactsql' ? -1 : b.family === 'transactsql' ? 1 : 0));
  const holds = (database: SqlDatabase, table: SqlTableName) => database.schema.resolve(table, 'transactsql');
  return (tables) =>
    ordered.find((d) => tables.every((t) => holds(d, t)))?.family ??
    ordered.find((d) => tables[0] !== undefined && holds(d, tables[0]))?.family ??
    'transactsql';
}

/**
 * Each database's views and inline functions: the current (not superseded)
 * definition's body, which is the query extracted with it (same file, same line,
 * `routine` set to its name).
 */
function buildViews(routines: readonly LocatedRoutine[], queries: readonly LocatedQuery[]): Map<string, SqlViews> {
  const bodies = new Map<string, LocatedQuery>();
  for (const query of queries)
    if (query.query.routine && !query.superseded)
      bodies.set(copyKey(query.repo, query.file, query.query.routine, query.query.line), query);
  const byDatabase = new Map<string, SqlViews>();
  for (const routine of routines) {
    const { kind, name, line } = routine.routine;
    if (routine.superseded || (kind !== 'view' && kind !== 'function')) continue;
    const body = bodies.get(copyKey(routine.repo, routine.file, displayName(name), line));
    if (!body || body.query.api !== kind) continue;
    const id = databaseId(routine.repo, routine.family);
    const views = byDatabase.get(id) ?? new SqlViews();
    byDatabase.set(id, views);
    views.add(routine.routine, body.query, { repo: routine.repo, file: routine.file });
  }
  return byDatabase;
}

/**
 * A routine defined more than once in one database (in several migration
 * folders, or a migration and the live schema) counts once: its last definition
 * in migration order. Earlier definitions, and their statements, are superseded;
 * so are all of them when a later migration drops the routine.
 */
function markSuperseded(routines: LocatedRoutine[], queries: LocatedQuery[], drops: readonly RoutineDrop[]): void {
  const latest = new Map<string, { routine?: LocatedRoutine; order: ApplyOrder }>();
  for (const routine of routines) {
    const id = `${databaseId(routine.repo, routine.family)}|${routine.key}`;
    const order = applyOrder(routine.file, routine.routine.line);
    const current = latest.get(id);
    if (!current || compareOrder(current.order, order) < 0) latest.set(id, { routine, order });
  }
  // A `DROP PROCEDURE` after every definition leaves none standing (its copies are superseded by nothing).
  for (const drop of drops) {
    const current = latest.get(drop.id);
    if (current && compareOrder(current.order, drop.order) < 0) latest.set(drop.id, { order: drop.order });
  }
  const superseded = new Set<string>();
  for (const routine of routines) {
    const id = `${databaseId(routine.repo, routine.family)}|${routine.key}`;
    if (latest.get(id)?.routine === routine) continue;
    routine.superseded = true;
    superseded.add(copyKey(routine.repo, routine.file, displayName(routine.routine.name), routine.routine.line));
  }
  if (superseded.size === 0) return;
  for (const query of queries) {
    if (query.query.routine && superseded.has(copyKey(query.repo, query.file, query.query.routine, query.query.line)))
      query.superseded = true;
  }
}

interface RoutineDrop {
  /** Database and routine key, as routines are matched. */
  id: string;
  order: ApplyOrder;
}

const copyKey = (repo: string, file: string, routine: string, line: number) =>
  `${repo}|${file}|${routine.toLowerCase()}|${line}`;

/** Procedure calls the C# code builds (Dapper, ADO.NET): T-SQL, in the role of the file that makes them. */
function locateProcedureCalls(repos: readonly RepoModel[]): LocatedQuery[] {
  const files = new Map(repos.flatMap((repo) => repo.files.map((file) => [`${repo.name}\u0000${file.path}`, file])));
  return resolveProcedureCalls(repos).map((call) => {
    const file = files.get(`${call.repo}\u0000${call.file}`);
    return { ...call, role: file ? queryRole(file, call.query) : 'application', family: 'transactsql' };
  });
}
