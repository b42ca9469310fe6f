import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf as facts, shape, sitesIn } from './testing.js';

beforeAll(loadParser);

describe('call sites: SQL', () => {
  it('records Dapper calls with receiver, generic-free method, owner and position', () => {
    const [site] = sitesIn('    var users = conn.Query<User>("SELECT * FROM Users WHERE Id = @id", new { id });');
    expect(site).toEqual({
      method: 'Query',
      receiver: 'conn',
      isConstructor: false,
      strings: [
        {
          index: 0,
          value: { text: 'SELECT * FROM Users WHERE Id = @id', form: 'regular', dynamic: false, line: 4, column: 34 },
        },
      ],
      identifiers: [],
      ownerType: 'Harbor.Data.Repo',
      ownerMember: 'M',
      line: 4,
      column: 22,
    });
  });

  it('records async Dapper calls on awaited and invocation-result receivers', () => {
    const sites = sitesIn(`
    await _connection.QueryFirstOrDefaultAsync<User>(sql, new { id });
    GetConnection().Execute("DELETE FROM Users");
    _factory.Create().ExecuteScalar<int>("SELECT COUNT(*) FROM Users");
    (await OpenAsync()).Query("SELECT 1");
    new SqlConnection(cs).Query("SELECT 2");`);
    expect(sites.map(shape)).toEqual([
      {
        method: 'QueryFirstOrDefaultAsync',
        receiver: '_connection',
        isConstructor: false,
        strings: [],
        identifiers: [{ index: 0, identifier: 'sql' }],
      },
      {
        method: 'Execute',
        receiver: 'GetConnection()',
        isConstructor: false,
        strings: [{ index: 0, text: 'DELETE FROM Users' }],
        identifiers: [],
      },
      {
        method: 'ExecuteScalar',
        receiver: '_factory.Create()',
        isConstructor: false,
        strings: [{ index: 0, text: 'SELECT COUNT(*) FROM Users' }],
        identifiers: [],
      },
      {
        method: 'Query',
        receiver: '(await OpenAsync())',
        isConstructor: false,
        strings: [{ index: 0, text: 'SELECT 1' }],
        identifiers: [],
      },
      {
        method: 'Query',
        receiver: 'new SqlConnection()',
        isConstructor: false,
        strings: [{ index: 0, text: 'SELECT 2' }],
        identifiers: [],
      },
    ]);
  });

  it('records ADO.NET constructors by simple type name, with identifier arguments', () => {
    const sites = sitesIn(`
    using (var cmd = new System.Data.SqlClient.SqlCommand("SELECT * FROM Orders", conn)) { }
    var cmd2 = new SqlCommand(sql, this._connection);`);
    expect(sites.map(shape)).toEqual([
      {
        method: 'SqlCommand',
        receiver: undefined,
        isConstructor: true,
        strings: [{ index: 0, text: 'SELECT * FROM Orders' }],
        identifiers: [{ index: 1, identifier: 'conn' }],
      },
      {
        method: 'SqlCommand',
        receiver: undefined,
        isConstructor: true,
        strings: [],
        identifiers: [
          { index: 0, identifier: 'sql' },
          { index: 1, identifier: '_connection' },
        ],
      },
    ]);
  });

  it('names a target-typed new(…) after the declared type', () => {
    const sites = sitesIn(`
    SqlCommand command = new("SELECT * FROM Orders", conn);
    Foo(new("not named"));`);
    expect(sites.map(shape)).toEqual([
      {
        method: 'SqlCommand',
        receiver: undefined,
        isConstructor: true,
        strings: [{ index: 0, text: 'SELECT * FROM Orders' }],
        identifiers: [{ index: 1, identifier: 'conn' }],
      },
    ]);
    expect(sites[0]).toMatchObject({ line: 5, column: 26 });
  });

  it('records Entity Framework raw SQL on member chains, dropping this.', () => {
    const sites = sitesIn(`
    this._db.Database.SqlQuery<User>("SELECT * FROM Users");
    context.Users.FromSqlRaw("SELECT * FROM Users WHERE Name = {0}", name);
    context.Set<User>().FromSqlInterpolated($"SELECT * FROM Users WHERE Id = {id}");
    _db.Database.ExecuteSqlCommand(Queries.Purge);`);
    expect(sites.map((s) => [s.method, s.receiver, s.strings[0]?.value.text, s.identifiers])).toEqual([
      ['SqlQuery', '_db.Database', 'SELECT * FROM Users', []],
      ['FromSqlRaw', 'context.Users', 'SELECT * FROM Users WHERE Name = {0}', [{ index: 1, identifier: 'name' }]],
      ['FromSqlInterpolated', 'context.Set<User>()', 'SELECT * FROM Users WHERE Id = {…}', []],
      ['ExecuteSqlCommand', '_db.Database', undefined, [{ index: 0, identifier: 'Queries.Purge' }]],
    ]);
  });
});

describe('call sites: setters of sink members', () => {
  it('records plain assignments to CommandText as setter calls, with string or identifier values', () => {
    const sites = sitesIn(`
    cmd.CommandText = sql;
    this._command.CommandText = "SELECT 1";
    var c = new SqlCommand { CommandText = Queries.All, CommandTimeout = 30 };
    cmd.CommandTimeout = timeout;
    cmd.CommandText += " AND x = 1";
    cmd.CommandText = BuildSql();`);
    expect(sites.map(shape)).toEqual([
      {
        method: 'CommandText',
        receiver: 'cmd',
        isConstructor: false,
        strings: [],
        identifiers: [{ index: 0, identifier: 'sql' }],
      },
      {
        method: 'CommandText',
        receiver: '_command',
        isConstructor: false,
        strings: [{ index: 0, text: 'SELECT 1' }],
        identifiers: [],
      },
      {
        method: 'CommandText',
        receiver: undefined,
        isConstructor: false,
        strings: [],
        identifiers: [{ index: 0, identifier: 'Queries.All' }],
      },
    ]);
    expect(sites.map((s) => [s.line, s.column])).toEqual([
      [5, 9],
      [6, 19],
      [7, 30],
    ]);
  });
});

describe('call sites: HTTP and routes', () => {
  it('records named arguments of MapRoute as parameters', () => {
    const [site] = sitesIn(`
    routes.MapRoute(name: "Default", url: "{controller}/{action}/{id}", defaults: new { controller = "Home" });`);
    expect(shape(site)).toEqual({
      method: 'MapRoute',
      receiver: 'routes',
      isConstructor: false,
      strings: [
        { index: 0, parameter: 'name', text: 'Default' },
        { index: 1, parameter: 'url', text: '{controller}/{action}/{id}' },
      ],
      identifiers: [],
    });
  });

  it('records endpoint routing and minimal APIs', () => {
    const sites = sitesIn(`
    endpoints.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
    app.MapGet("/api/invoices/{id}", (int id) => Results.Ok(id));`);
    expect(sites.map((s) => [s.method, s.receiver, s.strings.map((x) => x.value.text)])).toEqual([
      ['MapControllerRoute', 'endpoints', ['default', '{controller=Home}/{action=Index}/{id?}']],
      ['MapGet', 'app', ['/api/invoices/{id}']],
    ]);
  });

  it('records HttpClient, HttpRequestMessage, Uri, WebClient and RestSharp calls', () => {
    const sites = sitesIn(`
    var response = await _http.GetAsync("api/notifications/" + id);
    await client?.PostAsJsonAsync($"api/users/{id}/mail", dto);
    var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
    client.BaseAddress = new Uri("https://billing.harbor.local/");
    var next = new Uri(baseUri, "v2/");
    var text = new WebClient().DownloadString(url);
    var rest = new RestRequest("orders/{id}", Method.Get);`);
    expect(
      sites.map((s) => [s.method, s.receiver, s.isConstructor, s.strings.map((x) => x.value.text), s.identifiers]),
    ).toEqual([
      ['GetAsync', '_http', false, ['api/notifications/{…}'], []],
      ['PostAsJsonAsync', 'client', false, ['api/users/{…}/mail'], [{ index: 1, identifier: 'dto' }]],
      ['HttpRequestMessage', undefined, true, ['api/health'], [{ index: 0, identifier: 'HttpMethod.Get' }]],
      ['Uri', undefined, true, ['https://billing.harbor.local/'], []],
      ['Uri', undefined, true, ['v2/'], [{ index: 0, identifier: 'baseUri' }]],
      ['DownloadString', 'new WebClient()', false, [], [{ index: 0, identifier: 'url' }]],
      ['RestRequest', undefined, true, ['orders/{id}'], [{ index: 1, identifier: 'Method.Get' }]],
    ]);
  });

  it('records a base constructor call with a connection string name', () => {
    const file = facts('class HarborContext : DbContext { public HarborContext() : base("name=HarborDb") { } }');
    expect(file.callSites.map((s) => [s.method, s.isConstructor, s.ownerMember, s.strings[0]?.value.text])).toEqual([
      ['base', true, 'HarborContext', 'name=HarborDb'],
    ]);
  });
});
