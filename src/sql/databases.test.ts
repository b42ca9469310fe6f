import { describe, expect, it } from 'vitest';
import type { FileKind } from '../core/fileKinds.js';
import type { RepoModel } from '../core/model.js';
import type { SqlEstate } from '../core/sqlEstate.js';
import { extractCSharp, loadCSharpParser } from '../extract/csharp/extractCSharp.js';
import { extractSqlFacts } from '../extract/sql/extractSql.js';
import { buildSqlEstate } from './estate.js';
import { detectDialect } from './sniff.js';

const parser = await loadCSharpParser();

/** One repo from files: `.sql` read as scripts, `.cs` through the C# extractor, as a scan reads them. */
function repoOf(files: Record<string, string>, name = 'app'): RepoModel {
  return {
    name,
    path: name,
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind: FileKind = path.endsWith('.sql') ? 'sql' : 'csharp';
      const facts = kind === 'csharp' ? extractCSharp(parser, text).facts : undefined;
      const sql = extractSqlFacts(kind, text, facts).sql;
      return { repo: name, path, kind, loc: 1, ...(facts ? { facts } : {}), ...(sql ? { sql } : {}) };
    }),
  };
}

const indexesOf = (estate: SqlEstate, database: string, table: string) =>
  estate.schemas
    .find((d) => d.id === database)
    ?.schema.tables.get(table)
    ?.indexes.map((i) => `${i.name ?? i.kind}(${i.columns.join(',')})`);

const efMigration = (ns: string, up: string, down = '') => `
namespace ${ns};
public partial class Step : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
${up}
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
${down}
    }
}`;

describe('dialect sniffing', () => {
  it('ignores backticks, casts and keywords in comments and string literals', () => {
    expect(detectDialect("-- see `Users` in the docs\nSELECT Id FROM dbo.Users WHERE Note = 'a::b RETURNING'")).toBe(
      'transactsql',
    );
    expect(detectDialect('/* nested /* `x` */ ENGINE=InnoDB? */ SELECT 1')).toBe('transactsql');
    expect(detectDialect('CREATE TABLE `users` (`id` INT AUTO_INCREMENT)')).toBe('mysql');
    expect(detectDialect("SELECT id::text FROM users -- ok\nWHERE name = 'x'")).toBe('postgresql');
  });
});

describe('one schema per database', () => {
  const estate = buildSqlEstate([
    repoOf({
      'src/Sql/dbo/Tables/Orders.sql':
        '-- `Orders` keeps every order\nCREATE TABLE dbo.Orders (Id INT NOT NULL PRIMARY KEY, Status INT, PlacedUtc DATETIME2)',
      'util/MySqlMigrations/Migrations/20210101000000_Init.cs': efMigration(
        'Shop.MySqlMigrations.Migrations',
        `migrationBuilder.CreateTable(
            name: "Orders",
            columns: table => new
            {
                Id = table.Column<int>(type: "int", nullable: false)
                    .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                Status = table.Column<int>(type: "int", nullable: false)
            },
            constraints: table => { table.PrimaryKey("PK_Orders", x => x.Id); });
        migrationBuilder.CreateIndex(name: "IX_Orders_Status", table: "Orders", column: "Status");`,
      ),
      'util/PostgresMigrations/Migrations/20210101000000_Init.cs': efMigration(
        'Shop.Migrations',
        `migrationBuilder.CreateIndex(name: "IX_Orders_PlacedUtc", table: "Orders", column: "PlacedUtc");
         migrationBuilder.AddColumn<Guid>(name: "Ref", table: "Orders", type: "uuid", nullable: true);`,
      ),
      'util/SqliteMigrations/Migrations/20210101000000_Init.cs': efMigration(
        'Shop.Migrations',
        `migrationBuilder.CreateIndex(name: "IX_Orders_Both", table: "Orders", columns: new[] { "Status", "PlacedUtc" });`,
      ),
      'src/Infrastructure/OrderRepository.cs': `public class OrderRepository {
        public void Find(IDbConnection c) { c.Query<Order>("SELECT Id FROM dbo.Orders WHERE Status = @s"); } }`,
    }),
  ]);

  it('keeps SQL Server scripts and each EF provider apart, deciding the provider from the file', () => {
    expect(estate.schemas.map((d) => [d.id, d.schema.size])).toEqual([
      ['mysql', 1],
      ['postgresql', 1],
      ['sqlite', 1],
      ['transactsql', 1],
    ]);
    expect(indexesOf(estate, 'transactsql', 'dbo.orders')).toEqual(['primary-key(Id)']);
    expect(indexesOf(estate, 'mysql', 'dbo.orders')).toEqual(['PK_Orders(Id)', 'IX_Orders_Status(Status)']);
  });

  it('judges a query against the schema of its own database only', () => {
    const query = estate.queries.find((q) => q.file === 'src/Infrastructure/OrderRepository.cs')!;
    expect(query.role).toBe('application');
    expect(estate.databaseFor(query)?.id).toBe('transactsql');
    const orders = estate.schemaFor(query)!.resolve({ schema: 'dbo', name: 'Orders' }, 'transactsql')!;
    expect(orders.indexes.some((i) => i.columns[0] === 'Status')).toBe(false);
  });
});

describe('migrations applied in order', () => {
  it('EF: only Up() counts; dropped, renamed indexes and columns, dropped and renamed tables are gone', () => {
    const estate = buildSqlEstate([
      repoOf({
        'Data/Migrations/20200101000000_Init.cs': efMigration(
          'Shop.Data.Migrations',
          `migrationBuilder.CreateTable(name: "Users", columns: table => new { Id = table.Column<int>(nullable: false), Email = table.Column<string>(nullable: true), Nick = table.Column<string>(nullable: true) }, constraints: table => { table.PrimaryKey("PK_Users", x => x.Id); });
           migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
           migrationBuilder.CreateIndex(name: "IX_Users_Nick", table: "Users", column: "Nick");
           migrationBuilder.CreateTable(name: "Logs", columns: table => new { Id = table.Column<int>(nullable: false) });
           migrationBuilder.CreateTable(name: "Carts", columns: table => new { Id = table.Column<int>(nullable: false) }, constraints: table => { table.PrimaryKey("PK_Carts", x => x.Id); });`,
        ),
        // Applied second although its path sorts first: the timestamp orders migrations.
        'Data/Migrations/20210101000000_A_Changes.cs': efMigration(
          'Shop.Data.Migrations',
          `migrationBuilder.DropIndex(name: "IX_Users_Email", table: "Users");
           migrationBuilder.RenameColumn(name: "Nick", table: "Users", newName: "Handle");
           migrationBuilder.RenameIndex(name: "IX_Users_Nick", table: "Users", newName: "IX_Users_Handle");
           migrationBuilder.DropTable(name: "Logs");
           migrationBuilder.RenameTable(name: "Carts", newName: "Baskets");`,
          `migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
           migrationBuilder.CreateTable(name: "Logs", columns: table => new { Id = table.Column<int>(nullable: false) });`,
        ),
      }),
    ]);
    const schema = estate.schemas[0]!.schema;
    expect(estate.schemas.map((d) => d.id)).toEqual(['transactsql']);
    expect([...schema.tables.keys()].sort()).toEqual(['dbo.baskets', 'dbo.users']);
    expect(indexesOf(estate, 'transactsql', 'dbo.users')).toEqual(['PK_Users(Id)', 'IX_Users_Handle(Handle)']);
    expect([...schema.tables.get('dbo.users')!.columns.keys()]).toEqual(['id', 'email', 'handle']);
    expect(indexesOf(estate, 'transactsql', 'dbo.baskets')).toEqual(['PK_Carts(Id)']);
  });

  it('scripts: DROP INDEX, sp_rename, ALTER TABLE … DROP COLUMN/CONSTRAINT and DROP TABLE by date; the live schema last', () => {
    const estate = buildSqlEstate([
      repoOf({
        'db/DbScripts/2019-01-01_00_Setup.sql': `
          CREATE TABLE dbo.Device (Id INT NOT NULL CONSTRAINT PK_Device PRIMARY KEY, UserId INT, Token NVARCHAR(50), Legacy INT, Push NVARCHAR(50))
          GO
          CREATE INDEX IX_Device_UserId ON dbo.Device (UserId)
          CREATE INDEX IX_Device_Legacy ON dbo.Device (Legacy, UserId)
          CREATE INDEX IX_Device_Push ON dbo.Device (Push)
          CREATE TABLE dbo.U2f (Id INT NOT NULL PRIMARY KEY)`,
        'db/DbScripts/2020-06-01_00_Cleanup.sql': `
          IF EXISTS (SELECT name FROM sys.indexes WHERE name = 'IX_Device_UserId')
          BEGIN
              DROP INDEX [IX_Device_UserId] ON [dbo].[Device]
          END
          GO
          IF COL_LENGTH('[dbo].[Device]', 'Legacy') IS NOT NULL
          BEGIN
              ALTER TABLE [dbo].[Device] DROP COLUMN [Legacy];
          END
          GO
          EXEC sp_rename 'dbo.Device.Token', 'PushToken', 'COLUMN'
          EXEC sp_rename N'[dbo].[Device].[IX_Device_Push]', N'IX_Device_PushId', N'INDEX'
          DROP TABLE [dbo].[U2f]
          DROP TABLE #Work`,
        // A baseline in a migration folder comes before the dated scripts: its stale index is dropped by them.
        'db/DbScripts/Init.sql': 'CREATE INDEX IX_Device_UserId ON dbo.Device (UserId)',
        'db/Tables/Device.sql':
          'CREATE TABLE dbo.Device (Id INT NOT NULL CONSTRAINT PK_Device PRIMARY KEY, UserId INT, PushToken NVARCHAR(50), Push NVARCHAR(50))',
      }),
    ]);
    const schema = estate.schemas[0]!.schema;
    expect([...schema.tables.keys()]).toEqual(['dbo.device']);
    expect(indexesOf(estate, 'transactsql', 'dbo.device')).toEqual(['PK_Device(Id)', 'IX_Device_PushId(Push)']);
    expect([...schema.tables.get('dbo.device')!.columns.keys()].sort()).toEqual(['id', 'push', 'pushtoken', 'userid']);
    expect(estate.schemas[0]).toMatchObject({ files: 4, migrations: 3 });
  });
});

describe('queries: role and superseded routine copies', () => {
  const procedure = (body: string) =>
    `CREATE OR ALTER PROCEDURE dbo.Device_ReadByUser @u INT AS\nBEGIN\n  ${body}\nEND`;
  const estate = buildSqlEstate([
    repoOf({
      'util/Migrator/DbScripts/2019-01-01_00_Proc.sql': procedure('SELECT Id FROM dbo.Device WHERE UserId = @u'),
      'util/Migrator/DbScripts/2021-01-01_00_Proc.sql': `${procedure('SELECT Id, Token FROM dbo.Device WHERE UserId = @u')}\nGO\nUPDATE dbo.Device SET Token = NULL WHERE Token = ''`,
      'src/Sql/dbo/Stored Procedures/Device_ReadByUser.sql': procedure(
        'SELECT Id, Token, Push FROM dbo.Device WHERE UserId = @u',
      ),
      'util/MySqlMigrations/HelperScripts/2021-02-02_Fix.sql': 'UPDATE `Device` SET `Token` = NULL',
      'util/PostgresMigrations/Migrations/20220101000000_Backfill.cs': efMigration(
        'Shop.PostgresMigrations.Migrations',
        'migrationBuilder.Sql("UPDATE \\"Device\\" SET \\"Token\\" = NULL");',
      ),
      'util/Seeder/Seed.cs':
        'public class Seed { public void Run(IDbConnection c) { c.Execute("DELETE FROM dbo.Device WHERE Id > 100"); } }',
    }),
  ]);

  it('counts a routine once, at its latest definition; earlier copies are superseded', () => {
    const copies = estate.queries.filter((q) => q.query.routine);
    expect(copies.map((q) => [q.file, q.role, q.superseded ?? false])).toEqual([
      ['util/Migrator/DbScripts/2019-01-01_00_Proc.sql', 'routine', true],
      ['util/Migrator/DbScripts/2021-01-01_00_Proc.sql', 'routine', true],
      ['src/Sql/dbo/Stored Procedures/Device_ReadByUser.sql', 'routine', false],
    ]);
    expect(estate.routines.filter((r) => !r.superseded).map((r) => r.file)).toEqual([
      'src/Sql/dbo/Stored Procedures/Device_ReadByUser.sql',
    ]);
  });

  it('tells migration, one-off script and application queries apart, and the family they target', () => {
    const others = estate.queries.filter((q) => !q.query.routine);
    expect(others.map((q) => [q.file, q.role, q.family])).toEqual([
      ['util/Migrator/DbScripts/2021-01-01_00_Proc.sql', 'migration', 'transactsql'],
      ['util/MySqlMigrations/HelperScripts/2021-02-02_Fix.sql', 'script', 'mysql'],
      ['util/PostgresMigrations/Migrations/20220101000000_Backfill.cs', 'migration', 'postgresql'],
      ['util/Seeder/Seed.cs', 'script', 'transactsql'],
    ]);
  });
});

describe('the database a LINQ query runs against', () => {
  const estate = buildSqlEstate([
    repoOf({
      'src/Sql/dbo/Tables/Members.sql': 'CREATE TABLE dbo.Member (Id INT NOT NULL PRIMARY KEY, TeamId INT)',
      'src/Sql/dbo/Tables/TeamMember.sql': 'CREATE TABLE dbo.TeamMember (TeamId INT NOT NULL, MemberId INT NOT NULL)',
      'util/MySqlMigrations/Migrations/20210101000000_Init.cs': efMigration(
        'Club.MySqlMigrations.Migrations',
        `migrationBuilder.CreateTable(name: "Member", columns: table => new { Id = table.Column<int>(type: "int", nullable: false) },
            constraints: table => { table.PrimaryKey("PK_Member", x => x.Id); });
        migrationBuilder.CreateTable(name: "TeamMembers", columns: table => new { TeamId = table.Column<int>(type: "int", nullable: false), MemberId = table.Column<int>(type: "int", nullable: false) },
            constraints: table => { table.PrimaryKey("PK_TeamMembers", x => new { x.TeamId, x.MemberId }); });`,
      ),
      'src/Data/ClubContext.cs': `using Microsoft.EntityFrameworkCore;
public class Member { public int Id { get; set; } public int TeamId { get; set; } }
public class TeamMember { public int TeamId { get; set; } public int MemberId { get; set; } }
public class ClubContext : DbContext
{
    public DbSet<Member> Members { get; set; }
    public DbSet<TeamMember> TeamMembers { get; set; }
    protected override void OnModelCreating(ModelBuilder builder) { builder.Entity<Member>().ToTable("Member"); }
}
public class TeamReader
{
    private readonly ClubContext _db;
    public int InTeam(int team) => _db.Members.Where(m => m.TeamId == team).Join(_db.TeamMembers, m => m.Id, t => t.MemberId, (m, t) => m).Count();
    public int One(int id) => _db.Members.Count(m => m.Id == id);
}`,
    }),
  ]);

  it('is the one whose schema holds every table it reads, not only its root table', () => {
    const linq = estate.queries.filter((q) => q.query.api === 'ef-linq');
    // `TeamMembers` (the DbSet name, no ToTable) exists only in the MySQL migrations; `Member` in both.
    expect(linq.map((q) => [q.query.line, q.family])).toEqual([
      [13, 'mysql'],
      [14, 'transactsql'],
    ]);
  });
});
