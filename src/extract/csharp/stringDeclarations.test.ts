import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf as facts } from './testing.js';

beforeAll(loadParser);

/** Declarations as [name, kind, text, ownerMember], plus `appended` when set. */
function declarations(text: string): unknown[] {
  return facts(text).stringDeclarations.map((d) => [
    d.name,
    d.kind,
    d.value.text,
    d.ownerMember,
    ...(d.appended ? ['appended'] : []),
  ]);
}

describe('string declarations', () => {
  it('records const, static readonly and instance fields, one per declarator', () => {
    expect(
      declarations(`
class Queries {
  public const string ByUser = @"SELECT *
    FROM Users WHERE Id = @id";
  private static readonly string All = "SELECT * FROM Users", None = "SELECT 0";
  private string _table = "Users";
  private int _count = 3;
}`),
    ).toEqual([
      ['ByUser', 'const', 'SELECT *\n    FROM Users WHERE Id = @id', 'ByUser'],
      ['All', 'field', 'SELECT * FROM Users', 'All'],
      ['None', 'field', 'SELECT 0', 'None'],
      ['_table', 'field', 'Users', '_table'],
    ]);
  });

  it('records properties with initializers and expression bodies', () => {
    expect(
      declarations(`
class Report {
  public string Sql { get; set; } = """
      SELECT Total
      FROM Invoices
      """;
  protected override string Route => "api/reports/" + Kind;
  public string Name { get { return "x"; } }
}`),
    ).toEqual([
      ['Sql', 'property', 'SELECT Total\nFROM Invoices', 'Sql'],
      ['Route', 'property', 'api/reports/{…}', 'Route'],
    ]);
  });

  it('records locals and local constants with their enclosing member and type', () => {
    const file = facts(`
namespace Harbor.Billing {
  class InvoiceRepository {
    public Invoice Find(int id) {
      const string Table = "Invoices";
      var sql = "SELECT * FROM " + Table + " WHERE Id = @id";
      string other = $"SELECT {id}", none = null;
      int count = 0;
      return conn.QueryFirst<Invoice>(sql, new { id });
    }
  }
}`);
    expect(file.stringDeclarations).toEqual([
      {
        name: 'Table',
        kind: 'const',
        value: { text: 'Invoices', form: 'regular', dynamic: false, line: 5, column: 28 },
        ownerType: 'Harbor.Billing.InvoiceRepository',
        ownerMember: 'Find',
      },
      {
        name: 'sql',
        kind: 'local',
        value: { text: 'SELECT * FROM {…} WHERE Id = @id', form: 'concatenation', dynamic: true, line: 6, column: 17 },
        ownerType: 'Harbor.Billing.InvoiceRepository',
        ownerMember: 'Find',
      },
      {
        name: 'other',
        kind: 'local',
        value: { text: 'SELECT {…}', form: 'interpolated', dynamic: true, holes: ['id'], line: 7, column: 22 },
        ownerType: 'Harbor.Billing.InvoiceRepository',
        ownerMember: 'Find',
      },
    ]);
    expect(file.callSites.map((s) => s.identifiers)).toEqual([[{ index: 0, identifier: 'sql' }]]);
  });

  it('records assignments to variables and members, in initializers too, and += as appended', () => {
    expect(
      declarations(`
class Repo {
  void Load(string name) {
    string sql;
    sql = "SELECT * FROM Users WHERE 1 = 1";
    if (name != null) sql += " AND Name = @name";
    cmd.CommandText = ("SELECT " + "1");
    this._lastQuery = sql;
    this._label = "last";
    var command = new SqlCommand { CommandText = "DELETE FROM Users", CommandTimeout = 30 };
    _cache[name] = "ignored";
    total += 1;
  }
}`),
    ).toEqual([
      ['sql', 'assignment', 'SELECT * FROM Users WHERE 1 = 1', 'Load'],
      ['sql', 'assignment', ' AND Name = @name', 'Load', 'appended'],
      ['cmd.CommandText', 'assignment', 'SELECT 1', 'Load'],
      ['_label', 'assignment', 'last', 'Load'],
      ['CommandText', 'assignment', 'DELETE FROM Users', 'Load'],
    ]);
  });

  it('gives a string inside a lambda body to the enclosing member', () => {
    const file = facts(
      'class C { void Configure() { services.AddScoped(sp => { var url = "http://x/"; return url; }); } }',
    );
    expect(file.stringDeclarations.map((d) => [d.name, d.ownerType, d.ownerMember])).toEqual([
      ['url', 'C', 'Configure'],
    ]);
  });

  it('does not take named attribute arguments for assignments', () => {
    const file = facts(
      '[Table("Users", Schema = "dbo")] class C { [Column(TypeName = "nvarchar")] public string N { get; set; } }',
    );
    expect(file.stringDeclarations).toEqual([]);
    expect(file.callSites).toEqual([]);
  });

  it('stays silent for non-string initializers and a local nameof; a member nameof is its constant', () => {
    expect(
      declarations(`
class C {
  private readonly string _name = nameof(C);
  private string _copy = _name;
  void M() { var n = nameof(M); var s = string.Empty; var t = flag ? "a" : "b"; }
}`),
    ).toEqual([['_name', 'field', 'C', '_name']]);
  });
  it('records members initialised with nameof(…) and typeof(…).Name, and no other expression', () => {
    const found = facts(`
class Repository<T> {
  protected string Table { get; } = typeof(T).Name;
  protected string Legacy => typeof(Models.Invoice).Name;
  private const string Entity = nameof(Models.User);
  private readonly string _other = Compute(typeof(T).Name);
}`).stringDeclarations.map((d) => [d.name, d.kind, d.value.form, d.value.text, d.value.holes]);
    expect(found).toEqual([
      ['Table', 'property', 'type-name', '{…}', ['typeof(T).Name']],
      ['Legacy', 'property', 'type-name', '{…}', ['typeof(Models.Invoice).Name']],
      ['Entity', 'const', 'regular', 'User', undefined],
    ]);
  });
});
