/**
 * Where a query lives, from its file: a statement of a stored routine is a
 * `routine` wherever it is defined; an EF migration's `Sql(…)` is a
 * `migration`; otherwise the deepest folder that says so decides —
 * `Migrations`, `DbScripts…`, `Migrator`, `deploy`, `upgrade`, `changelog`,
 * `flyway`, `liquibase` (and dated file names) mark migration/deployment
 * scripts; `Scripts`, `HelperScripts`, `util`, `tools`, `seed…`, `test…`,
 * `samples`, `backup`, `maintenance` mark one-off scripts. A .sql file under
 * neither is a deployment script when it also changes the schema, else a
 * one-off script; code under neither is application code.
 */
import type { SqlQueryFacts } from '../core/facts/sql.js';
import type { ExtractedFile } from '../core/model.js';
import type { SqlQueryRole } from '../core/sqlEstate.js';
import { applyOrder } from './migrationOrder.js';

const MIGRATION_FOLDER =
  /^(migrations?|\w*migrations|dbscripts\w*|migrator|deploy(ments?)?|upgrades?|changelogs?|flyway|liquibase|evolutions|patches)$/i;
const SCRIPT_FOLDER =
  /^(scripts?|\w+scripts|util|utils|utilities|tools?|seed\w*|seeders?|test|tests|\w+\.tests?|samples?|examples?|backups?|maintenance|adhoc|one-?off)$/i;

/** Under a migration folder (`Migrations`, `DbScripts…`, `Migrator`, …) as the deepest folder that says either. */
export function inMigrationFolder(path: string): boolean {
  const folders = path.split('/').slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    if (MIGRATION_FOLDER.test(folders[i]!)) return true;
    if (SCRIPT_FOLDER.test(folders[i]!)) return false;
  }
  return false;
}

export function queryRole(file: ExtractedFile, query: SqlQueryFacts): SqlQueryRole {
  if (query.routine) return 'routine';
  if (file.sql?.efMigration) return 'migration';
  const folders = file.path.split('/').slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    if (MIGRATION_FOLDER.test(folders[i]!)) return 'migration';
    if (SCRIPT_FOLDER.test(folders[i]!)) return 'script';
  }
  if (file.kind !== 'sql') return 'application';
  if (applyOrder(file.path).dated) return 'migration';
  const changesSchema = (file.sql?.tables.length ?? 0) > 0 || (file.sql?.changes?.length ?? 0) > 0;
  return changesSchema ? 'migration' : 'script';
}
