import { beforeAll, describe, expect, it } from 'vitest';
import type { RepoModel } from '../core/model.js';
import { classifyFile } from '../discover/classify.js';
import { loadCSharpParser } from '../extract/csharp/extractCSharp.js';
import { extractFile, type Parsers } from '../extract/extractFile.js';
import { extractSqlFacts } from '../extract/sql/extractSql.js';
import { buildEstateGraph } from '../graph/buildGraph.js';

let parsers: Parsers;
beforeAll(async () => {
  parsers = { csharp: await loadCSharpParser() };
});

function repo(files: Record<string, string>): RepoModel {
  return {
    name: 'vault',
    path: 'vault',
    git: true,
    files: Object.entries(files).map(([path, text]) => {
      const kind = classifyFile(path.split('/').pop()!)!;
      const outcome = extractFile(kind, path, text, parsers);
      const sql = extractSqlFacts(kind, text, outcome.facts).sql;
      return {
        repo: 'vault',
        path,
        kind,
        loc: outcome.loc,
        ...(outcome.facts ? { facts: outcome.facts } : {}),
        ...(sql ? { sql } : {}),
      };
    }),
  };
}

const PROCEDURES = `
CREATE TABLE [dbo].[Account] ([Id] UNIQUEIDENTIFIER NOT NULL, [Email] NVARCHAR(256) NOT NULL);
GO
CREATE TABLE [dbo].[Device] ([Id] UNIQUEIDENTIFIER NOT NULL, [AccountId] UNIQUEIDENTIFIER NOT NULL);
GO
CREATE PROCEDURE [dbo].[Account_ReadById] @Id UNIQUEIDENTIFIER AS SELECT * FROM [dbo].[Account] WHERE [Id] = @Id
GO
CREATE PROCEDURE [dbo].[Device_ReadById] @Id UNIQUEIDENTIFIER AS SELECT * FROM [dbo].[Device] WHERE [Id] = @Id
GO
CREATE PROCEDURE [dbo].[Account_ReadByEmail] @Email NVARCHAR(256) AS SELECT * FROM [dbo].[Account] WHERE [Email] = @Email
GO
CREATE PROCEDURE [dbo].[Device_DeleteByAccount] @AccountId UNIQUEIDENTIFIER AS DELETE FROM [dbo].[Device] WHERE [AccountId] = @AccountId
GO
`;

const BASE = `
namespace Vault.Data {
  public abstract class Repository<T, TId> {
    protected string Schema { get; private set; } = "dbo";
    protected string Table { get; private set; } = typeof(T).Name;
    public async Task<T> GetByIdAsync(TId id) {
      var rows = await connection.QueryAsync<T>($"[{Schema}].[{Table}_ReadById]", new { Id = id },
        commandType: CommandType.StoredProcedure);
      return rows.SingleOrDefault();
    }
  }
}`;

const DERIVED = `
namespace Vault.Data {
  public static class Procedures { public const string DeleteByAccount = "DeleteByAccount"; }
  public class AccountRepository : Repository<Account, Guid> {
    public Task<IEnumerable<Account>> ByEmail(string email) =>
      connection.QueryAsync<Account>($"[{Schema}].[{Table}_ReadByEmail]", new { Email = email }, commandType: CommandType.StoredProcedure);
  }
  public class DeviceRepository : Repository<Device, Guid> {
    public Task Purge(Guid id) =>
      connection.ExecuteAsync($"{Schema}.{nameof(Device)}_{Procedures.DeleteByAccount}", new { AccountId = id }, commandType: CommandType.StoredProcedure);
    public void Drop(string db) { using var command = new SqlCommand($"DROP DATABASE {db}", connection); }
    public Task Unknown(string name) =>
      connection.ExecuteAsync($"[{Schema}].[{name}]", null, commandType: CommandType.StoredProcedure);
  }
}`;

describe('procedure names the code builds', () => {
  it('links them through members of base types and the type arguments subclasses bind', () => {
    const model = buildEstateGraph(
      [repo({ 'db/Procedures.sql': PROCEDURES, 'src/Repository.cs': BASE, 'src/Repositories.cs': DERIVED })],
      new Map([['vault', 'vault']]),
    );
    const edges = model.graph.toJSON().edges.map((e) => `${e.kind} ${e.from} -> ${e.to}`);
    expect(edges.filter((e) => e.startsWith('executes')).sort()).toEqual([
      'executes type:Vault.Data.AccountRepository -> procedure:dbo.account_readbyemail',
      'executes type:Vault.Data.AccountRepository -> procedure:dbo.account_readbyid',
      'executes type:Vault.Data.DeviceRepository -> procedure:dbo.device_deletebyaccount',
      'executes type:Vault.Data.DeviceRepository -> procedure:dbo.device_readbyid',
    ]);
    // code → routine → table
    expect(edges).toContain('reads procedure:dbo.account_readbyemail -> table:dbo.account');
    // A name built from a parameter stays a dynamic query that executes nothing.
    const unknown = model.sql.queries.find((q) => q.query.text === '[{…}].[{…}]');
    expect(unknown?.query).toMatchObject({ dynamic: true, ownerType: 'Vault.Data.DeviceRepository' });
    expect(unknown?.query.executes).toBeUndefined();
    expect(model.sql.queries.filter((q) => q.query.text.startsWith('DROP'))).toHaveLength(0);
    // Inherited calls are located where the code is, once per subclass, with distinct keys.
    const inherited = model.sql.queries.filter((q) => q.file === 'src/Repository.cs');
    expect(inherited.map((q) => q.query.ownerType).sort()).toEqual([
      'Vault.Data.AccountRepository',
      'Vault.Data.DeviceRepository',
    ]);
    expect(new Set(model.sql.queries.map((q) => q.key)).size).toBe(model.sql.queries.length);
  });

  it('does not guess a base that two types of the same name could be', () => {
    const twin = BASE.replace('namespace Vault.Data', 'namespace Vault.Legacy').replace('"dbo"', '"legacy"');
    const model = buildEstateGraph(
      [
        repo({
          'db/Procedures.sql': PROCEDURES,
          'src/Repository.cs': BASE,
          'src/LegacyRepository.cs': twin,
          'src/Accounts.cs':
            'namespace Vault.Web { class AccountRepository : Repository<Account, Guid> { Task M() => connection.QueryAsync<Account>($"[{Schema}].[{Table}_ReadByEmail]", null, commandType: CommandType.StoredProcedure); } }',
        }),
      ],
      new Map([['vault', 'vault']]),
    );
    const edges = model.graph.toJSON().edges.filter((e) => e.kind === 'executes');
    expect(edges).toEqual([]);
  });
});
