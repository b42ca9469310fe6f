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

  it('finds nothing in code without SQL', () => {
    expect(queriesOf(`class R { void M() { Console.WriteLine("SELECT is a word"); list.Query("x"); } }`)).toEqual([]);
  });
});
