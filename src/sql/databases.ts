/**
 * One schema per database. A file's fragments and changes go to the database
 * of its family (`databaseId`):
 * - an EF migration: the provider the file shows (annotations, store types,
 *   namespace, usings — ./ef/provider.ts), else a provider word in its folders
 *   (`PostgresMigrations`, `util/MySql/…`), else SQL Server (EF's usual one);
 * - a .sql script: the dialect its code shows (./sniff.ts), else a provider
 *   word in its folders (`SqliteMigrations/HelperScripts`), else T-SQL;
 * - EF model configuration (attributes, fluent calls): every EF migration
 *   database of its repo (the model is provider-neutral), else the provider word
 *   of its folders, else SQL Server.
 * EF Core SQL Server migrations and T-SQL scripts are one family, `transactsql`.
 * Each database applies its files in migration order (./migrationOrder.ts),
 * each file's fragments and drops/renames in line order.
 */
import type { SqlDatabaseFamily, SqlSchemaChange, SqlTableDef } from '../core/facts/sql.js';
import type { ExtractedFile, RepoModel } from '../core/model.js';
import type { SqlDatabase } from '../core/sqlEstate.js';
import { familyNamed } from './ef/provider.js';
import { resolveEfModel } from './efModel.js';
import { type ApplyOrder, applyOrder, compareOrder } from './migrationOrder.js';
import { inMigrationFolder } from './roles.js';
import { SqlSchema } from './schema.js';

interface Contribution {
  repo: string;
  file: string;
  family: SqlDatabaseFamily;
  order: ApplyOrder;
  migration: boolean;
  tables: SqlTableDef[];
  changes: readonly SqlSchemaChange[];
}

/** The family a file's schema and queries belong to; undefined for code that only sends queries (each has its dialect). */
export function fileFamily(file: ExtractedFile): SqlDatabaseFamily | undefined {
  const sql = file.sql;
  if (!sql) return undefined;
  const folders = file.path.split('/').slice(0, -1).join('/');
  if (sql.efMigration) return sql.efMigration.provider ?? familyNamed(folders) ?? 'transactsql';
  if (file.kind === 'sql') return sql.dialect ?? familyNamed(folders) ?? 'transactsql';
  return undefined;
}

/**
 * A database is a family across the estate: repositories that share SQL Server
 * (an EF migration in one, an SSDT script in another) describe one database;
 * their table names rarely collide, and when they do one table is the
 * truthful reading of a shared database.
 */
export const databaseId = (_repo: string, family: SqlDatabaseFamily): string => family;

export function buildDatabases(repos: readonly RepoModel[]): SqlDatabase[] {
  const contributions: Contribution[] = [];
  const efFamilies = new Map<string, Set<SqlDatabaseFamily>>();
  for (const repo of repos) {
    for (const file of repo.files) {
      const sql = file.sql;
      const family = fileFamily(file);
      if (!sql || !family || (sql.tables.length === 0 && !sql.changes)) continue;
      if (sql.efMigration) efFamilies.set(repo.name, (efFamilies.get(repo.name) ?? new Set()).add(family));
      const dated = applyOrder(file.path);
      // An undated script in a migration folder (`Migrator/MySql/Init.sql`) is a baseline: before every dated one.
      const order = dated.dated || !inMigrationFolder(file.path) ? dated : { ...dated, dated: true, key: '' };
      contributions.push({
        repo: repo.name,
        file: file.path,
        family,
        order,
        migration: order.dated,
        tables: sql.tables,
        changes: sql.changes ?? [],
      });
    }
  }
  for (const { def, where } of resolveEfModel(repos)) {
    const families = efFamilies.get(where.repo) ?? [
      familyNamed(where.file.split('/').slice(0, -1).join('/')) ?? 'transactsql',
    ];
    for (const family of [...families].sort())
      contributions.push({
        repo: where.repo,
        file: where.file,
        family,
        // After every migration and script: the model is what the code expects now.
        order: { dated: false, key: '', path: `\uffff${where.file}`, line: def.line },
        migration: false,
        tables: [def],
        changes: [],
      });
  }
  const byDatabase = new Map<string, Contribution[]>();
  for (const c of contributions) {
    const id = databaseId(c.repo, c.family);
    const list = byDatabase.get(id);
    if (list) list.push(c);
    else byDatabase.set(id, [c]);
  }
  return [...byDatabase].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, list]) => buildDatabase(id, list));
}

function buildDatabase(id: string, list: Contribution[]): SqlDatabase {
  const schema = new SqlSchema();
  list.sort((a, b) => compareOrder(a.order, b.order));
  for (const c of list) {
    const where = { repo: c.repo, file: c.file };
    // Line order inside the file; a fragment before a change on the same line.
    const steps: { line: number; rank: number; run: () => void }[] = [
      ...c.tables.map((t) => ({ line: t.line, rank: 0, run: () => schema.add(t, where) })),
      ...c.changes.map((ch) => ({ line: ch.line, rank: 1, run: () => schema.apply(ch) })),
    ];
    steps.sort((a, b) => a.line - b.line || a.rank - b.rank);
    for (const step of steps) step.run();
  }
  const first = list[0]!;
  return {
    id,
    repos: [...new Set(list.map((c) => c.repo))].sort(),
    family: first.family,
    schema,
    files: new Set(list.map((c) => c.file)).size,
    migrations: new Set(list.filter((c) => c.migration).map((c) => c.file)).size,
  };
}

/** The database a query targets: the one of its family (ids are per family, see `databaseId`). */
export function databaseResolver(
  databases: readonly SqlDatabase[],
): (repo: string, family: SqlDatabaseFamily) => SqlDatabase | undefined {
  const byId = new Map(databases.map((d) => [d.id, d]));
  return (repo, family) => byId.get(databaseId(repo, family));
}
