/**
 * One EF migration file → what it does to its database, in order: the tables,
 * indexes and columns it adds (./migrations.ts), the drops and renames
 * (`DropIndex`, `RenameIndex`, `DropColumn`, `RenameColumn`, `DropTable`,
 * `RenameTable`, `DropPrimaryKey`, `DropUniqueConstraint`), and the provider it
 * shows (./provider.ts). Only `Up()` counts: `Down()` undoes the migration and
 * is never applied when the estate's schema is rebuilt.
 */
import type { CSharpArgument, CSharpCallChain, CSharpFileFacts } from '../../core/facts.js';
import type { EfMigrationFacts, SqlSchemaChange, SqlTableDef } from '../../core/facts/sql.js';
import { argument, callsNamed, hasNamed, stringList, stringValue } from './expressions.js';
import { readMigrations, tableName } from './migrations.js';
import { migrationProvider } from './provider.js';

export interface MigrationFileFacts {
  tables: SqlTableDef[];
  changes: SqlSchemaChange[];
  efMigration?: EfMigrationFacts;
}

export function readMigrationFile(facts: CSharpFileFacts): MigrationFileFacts {
  const chains = upChains(facts);
  const tables = readMigrations(chains);
  const changes = readMigrationChanges(chains);
  // A migration class with only `Sql(…)` calls still migrates its provider's database.
  if (tables.length === 0 && changes.length === 0 && !isMigrationClass(facts)) return { tables, changes };
  return { tables, changes, efMigration: migrationProvider(facts, chains) };
}

/**
 * The chains outside any `Down` method. A chain belongs to the member of its
 * type declared last before it (members carry their first line only): in a
 * migration class those are `Up` and `Down`, one after the other.
 */
export function upChains(facts: CSharpFileFacts): CSharpCallChain[] {
  const chains = facts.callChains ?? [];
  const downs: { from: number; to: number }[] = [];
  for (const type of facts.types) {
    const members = [...type.members].sort((a, b) => a.line - b.line);
    members.forEach((member, i) => {
      if (member.kind === 'method' && member.name === 'Down')
        downs.push({ from: member.line, to: (members[i + 1]?.line ?? type.endLine + 1) - 1 });
    });
  }
  if (downs.length === 0) return [...chains];
  return chains.filter((chain) => {
    const line = chain.links[0]?.line ?? 0;
    return !downs.some((d) => line >= d.from && line <= d.to);
  });
}

/**
 * EF Core calls these with named arguments (`DropIndex(name: "IX", table: "T")`),
 * EF6 positionally with the table first (`DropIndex("dbo.T", "IX")`,
 * `DropIndex("dbo.T", new[] { "A" })`, `DropColumn("dbo.T", "A")`).
 */
export function readMigrationChanges(chains: readonly CSharpCallChain[]): SqlSchemaChange[] {
  const changes: { change: SqlSchemaChange; order: number }[] = [];
  const add = (change: SqlSchemaChange | undefined, order: number) => {
    if (change) changes.push({ change, order });
  };
  for (const method of CHANGE_READERS.keys()) {
    for (const { call } of callsNamed(chains, method)) {
      add(CHANGE_READERS.get(method)!(call.arguments, call.line), call.line);
    }
  }
  return changes.sort((a, b) => a.order - b.order).map((c) => c.change);
}

type ChangeReader = (args: readonly CSharpArgument[], line: number) => SqlSchemaChange | undefined;

const CHANGE_READERS = new Map<string, ChangeReader>([
  [
    'DropTable',
    (args, line) => {
      const table = tableName(stringValue(argument(args, 0, 'name')), stringValue(argument(args, 1, 'schema')));
      return table ? { op: 'drop-table', table, line } : undefined;
    },
  ],
  [
    'RenameTable',
    (args, line) => {
      const efCore = hasNamed(args, 'newName', 'newSchema', 'schema');
      const table = tableName(stringValue(argument(args, 0, 'name')), stringValue(argument(args, -1, 'schema')));
      const newName = stringValue(argument(args, efCore ? 2 : 1, 'newName'));
      const newSchema = stringValue(argument(args, efCore ? 3 : -1, 'newSchema'));
      if (!table) return undefined;
      const to = tableName(newName ?? table.name, newSchema ?? table.schema);
      return to ? { op: 'rename-table', table, to, line } : undefined;
    },
  ],
  [
    'DropIndex',
    (args, line) => {
      if (hasNamed(args, 'table', 'name')) {
        const name = stringValue(argument(args, 0, 'name'));
        const table = tableName(stringValue(argument(args, 1, 'table')), stringValue(argument(args, 2, 'schema')));
        return name ? { op: 'drop-index', ...(table ? { table } : {}), name, line } : undefined;
      }
      // EF6: (table, name) or (table, columns) — the index EF6 named `IX_<columns>`.
      const table = tableName(stringValue(argument(args, 0)));
      const second = argument(args, 1);
      const name = second?.kind === 'string' ? second.text : second ? `IX_${stringList(second).join('_')}` : undefined;
      return table && name && name !== 'IX_' ? { op: 'drop-index', table, name, line } : undefined;
    },
  ],
  [
    'RenameIndex',
    (args, line) => {
      const efCore = hasNamed(args, 'newName', 'table');
      const table = efCore
        ? tableName(stringValue(argument(args, 2, 'table')), stringValue(argument(args, 3, 'schema')))
        : tableName(stringValue(argument(args, 0, 'table')));
      const name = stringValue(argument(args, efCore ? 0 : 1, 'name'));
      const to = stringValue(argument(args, efCore ? 1 : 2, 'newName'));
      return name && to ? { op: 'rename-index', ...(table ? { table } : {}), name, to, line } : undefined;
    },
  ],
  [
    'DropColumn',
    (args, line) => {
      const efCore = hasNamed(args, 'table', 'name');
      const table = efCore
        ? tableName(stringValue(argument(args, 1, 'table')), stringValue(argument(args, 2, 'schema')))
        : tableName(stringValue(argument(args, 0, 'table')));
      const column = stringValue(argument(args, efCore ? 0 : 1, 'name'));
      return table && column ? { op: 'drop-column', table, column, line } : undefined;
    },
  ],
  [
    'RenameColumn',
    (args, line) => {
      const efCore = hasNamed(args, 'table', 'newName');
      const table = efCore
        ? tableName(stringValue(argument(args, 1, 'table')), stringValue(argument(args, -1, 'schema')))
        : tableName(stringValue(argument(args, 0, 'table')));
      const column = stringValue(argument(args, efCore ? 0 : 1, 'name'));
      const to = stringValue(argument(args, 2, 'newName'));
      return table && column && to ? { op: 'rename-column', table, column, to, line } : undefined;
    },
  ],
  ['DropPrimaryKey', (args, line) => dropConstraint(args, line)],
  ['DropUniqueConstraint', (args, line) => dropConstraint(args, line)],
]);

/** EF Core `DropPrimaryKey(name: "PK_T", table: "T")`: a named key goes like an index. */
function dropConstraint(args: readonly CSharpArgument[], line: number): SqlSchemaChange | undefined {
  if (!hasNamed(args, 'table', 'name')) return undefined; // EF6 names the table only: which key is not said
  const name = stringValue(argument(args, 0, 'name'));
  const table = tableName(stringValue(argument(args, 1, 'table')), stringValue(argument(args, 2, 'schema')));
  return name ? { op: 'drop-index', ...(table ? { table } : {}), name, line } : undefined;
}

/** `class X : Migration` (EF Core) or `: DbMigration` (EF6). */
function isMigrationClass(facts: CSharpFileFacts): boolean {
  return facts.types.some((t) => t.bases.some((b) => /(^|\.)(Db)?Migration$/.test(b)));
}
