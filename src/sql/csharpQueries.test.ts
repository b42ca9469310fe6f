import { describe, expect, it } from 'vitest';
import { extractCSharp, loadCSharpParser } from '../extract/csharp/extractCSharp.js';
import { extractCSharpQueries } from './csharpQueries.js';

const parser = await loadCSharpParser();

function queriesOf(source: string) {
  const facts = extractCSharp(parser, source).facts!;
  return extractCSharpQueries(facts).queries;
}

describe('C# queries', () => {
  it('finds ADO.NET, Dapper and EF raw SQL with their line, API and owner', () => {
    const queries = queriesOf(`
namespace Harbor.Data {
  public class Store {
    private const string ByEmail = @"SELECT Id FROM dbo.Users
        WHERE Email = @email";
    public void A(System.Data.IDbConnection conn, int id) {
      using (var cmd = new SqlCommand("SELECT Name FROM dbo.Users WHERE Id = @id", conn)) { }
      var cmd2 = conn.CreateCommand();
      cmd2.CommandText = "UPDATE dbo.Users SET IsLocked = 1 WHERE Id = @id";
      conn.Query<User>(ByEmail, new { email = "x" });
      var sql = "SELECT * FROM dbo.Invoices WHERE Number = @n";
      conn.QueryFirstOrDefault<Invoice>(sql, new { n = "1" });
      db.Database.SqlQuery<int>("SELECT COUNT(*) FROM dbo.Projects WHERE OwnerId = @p0", id);
      ctx.Users.FromSqlRaw($"SELECT * FROM dbo.Users WHERE DisplayName = '{name}'");
      logger.Execute("not sql at all");
    }
  }
}`);
    expect(queries.map((q) => [q.line, q.api, q.ownerType, q.dynamic])).toEqual([
      [4, 'Dapper.Query', 'Harbor.Data.Store', false],
      [7, 'ADO.NET SqlCommand', 'Harbor.Data.Store', false],
      [9, 'ADO.NET CommandText', 'Harbor.Data.Store', false],
      [11, 'Dapper.QueryFirstOrDefault', 'Harbor.Data.Store', false],
      [13, 'EF.SqlQuery', 'Harbor.Data.Store', false],
      [14, 'EF.FromSqlRaw', 'Harbor.Data.Store', true],
    ]);
    expect(queries[0]!.blocks[0]!.accesses[0]!.table).toEqual({ schema: 'dbo', name: 'Users' });
    expect(queries[5]!.blocks[0]!.where).toMatchObject({ column: 'DisplayName' });
  });

  it('follows CommandText set from a local, with += appends making it dynamic', () => {
    const queries = queriesOf(`
class R {
  void M(SqlCommand cmd, string region) {
    var sql = "SELECT Id FROM dbo.Customers WHERE Status = 1";
    if (region != null) sql += " AND Region = @region";
    cmd.CommandText = sql;
  }
}`);
    expect(queries.map((q) => [q.line, q.api, q.dynamic, q.text])).toEqual([
      [4, 'ADO.NET CommandText', true, 'SELECT Id FROM dbo.Customers WHERE Status = 1 AND Region = @region'],
    ]);
  });

  it('treats a bare name given to SqlCommand as a stored procedure call', () => {
    const [query] = queriesOf(`class R { void M() { var c = new SqlCommand("dbo.GetOverdueInvoices", conn); } }`);
    expect(query!.executes).toEqual([{ schema: 'dbo', name: 'GetOverdueInvoices' }]);
  });

  it('links Dapper calls whose command type says stored procedure, and only those', () => {
    const queries = queriesOf(`
class UserStore {
  const string ReadByEmail = "dbo.User_ReadByEmail";
  async Task M(IDbConnection connection, Guid id) {
    await connection.QueryAsync<User>("[dbo].[User_ReadById]", new { Id = id }, commandType: CommandType.StoredProcedure);
    await connection.ExecuteAsync("User_DeleteById", new { Id = id }, null, null, System.Data.CommandType.StoredProcedure);
    await connection.QuerySingleOrDefaultAsync<User>(ReadByEmail, new { Email = "a" }, commandType: CommandType.StoredProcedure);
    using var grid = await connection.QueryMultipleAsync("[dbo].[User_ReadDetails]", new { Id = id }, commandType: CommandType.StoredProcedure);
    var command = new CommandDefinition("[dbo].[User_Touch]", new { Id = id }, commandType: CommandType.StoredProcedure);
    await connection.QueryAsync<User>("User_NotAProcedure", new { Id = id });
  }
}`);
    expect(queries.map((q) => [q.line, q.api, q.executes])).toEqual([
      [3, 'Dapper.QuerySingleOrDefaultAsync', [{ schema: 'dbo', name: 'User_ReadByEmail' }]],
      [5, 'Dapper.QueryAsync', [{ schema: 'dbo', name: 'User_ReadById' }]],
      [6, 'Dapper.ExecuteAsync', [{ name: 'User_DeleteById' }]],
      [8, 'Dapper.QueryMultipleAsync', [{ schema: 'dbo', name: 'User_ReadDetails' }]],
      [9, 'Dapper.CommandDefinition', [{ schema: 'dbo', name: 'User_Touch' }]],
    ]);
  });

  it('finds nothing in code without SQL', () => {
    expect(queriesOf(`class R { void M() { Console.WriteLine("SELECT is a word"); list.Query("x"); } }`)).toEqual([]);
  });
});
