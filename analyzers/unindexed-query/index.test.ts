import { describe, expect, it } from 'vitest';
import unindexedQuery from './index.js';
import { runAnalyzer } from '../testing.js';
import { sqlModel } from '../sqlTesting.js';

const SCHEMA = `
CREATE TABLE dbo.Customers (
  Id INT NOT NULL CONSTRAINT PK_Customers PRIMARY KEY CLUSTERED,
  Email NVARCHAR(200) NOT NULL,
  Region NVARCHAR(20) NULL,
  Name NVARCHAR(200) NULL,
  CONSTRAINT UQ_Customers_Email UNIQUE (Email)
)
GO
CREATE TABLE dbo.Orders (
  Id INT NOT NULL,
  CustomerId INT NOT NULL,
  Status TINYINT NOT NULL,
  PlacedUtc DATETIME2 NOT NULL,
  Deleted BIT NOT NULL,
  Reference NVARCHAR(40) NULL,
  CONSTRAINT PK_Orders PRIMARY KEY (Id)
)
GO
CREATE NONCLUSTERED INDEX IX_Orders_Customer_Placed ON dbo.Orders (CustomerId, PlacedUtc) INCLUDE (Status)
GO
CREATE INDEX IX_Orders_Reference_Live ON dbo.Orders (Reference) WHERE Deleted = 0
`;

async function findings(...queries: string[]) {
  return (await runAnalyzer(unindexedQuery, sqlModel(SCHEMA, queries))).findings;
}

describe('unindexed-query', () => {
  it('stays silent on primary key, unique constraint and leading index column lookups', async () => {
    expect(await findings(
      'SELECT Name FROM dbo.Customers WHERE Id = @id',
      'SELECT Id FROM [dbo].[Customers] WHERE [Email] = @email',
      'SELECT * FROM Orders o WHERE o.CustomerId = @c AND o.PlacedUtc > @since',
      'SELECT * FROM Orders WHERE CustomerId IN (1, 2, 3)',
    )).toEqual([]);
  });

  it('reports a filter on an unindexed column, with the closest index and a suggestion', async () => {
    const found = await findings('SELECT Id FROM dbo.Orders WHERE PlacedUtc >= @since');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'unindexed-query',
      severity: 'warning',
      location: { repo: 'db', file: 'Queries.cs', line: 1 },
      data: {
        table: 'dbo.orders',
        columns: ['PlacedUtc'],
        kind: 'where',
        query: 'SELECT Id FROM dbo.Orders WHERE PlacedUtc >= @since',
        closestIndex: { name: 'IX_Orders_Customer_Placed', columns: ['CustomerId', 'PlacedUtc'] },
        suggestions: ['CREATE INDEX IX_Orders_PlacedUtc ON dbo.Orders (PlacedUtc);'],
      },
    });
  });

  it('serves only the leftmost prefix of a composite index', async () => {
    expect(await findings('SELECT Id FROM dbo.Orders WHERE CustomerId = @c')).toEqual([]);
    expect(await findings('SELECT Id FROM dbo.Orders WHERE PlacedUtc = @p AND Status = 1')).toHaveLength(1);
  });

  it('stays silent when an indexed and an unindexed column are filtered together', async () => {
    expect(await findings('SELECT * FROM dbo.Customers WHERE Id = @id AND Region = @r')).toEqual([]);
  });

  it('requires every OR branch to be served', async () => {
    expect(await findings('SELECT * FROM dbo.Customers WHERE Id = @id OR Email = @e')).toEqual([]);
    const found = await findings('SELECT * FROM dbo.Customers WHERE Id = @id OR Region = @r');
    expect(found).toHaveLength(1);
    expect(found[0]!.data).toMatchObject({ columns: ['Region'], suggestions: ['CREATE INDEX IX_Customers_Region ON dbo.Customers (Region);'] });
  });

  it('uses a filtered index only when the query repeats its filter', async () => {
    expect(await findings('SELECT Id FROM dbo.Orders WHERE Reference = @r AND Deleted = 0')).toEqual([]);
    expect(await findings('SELECT Id FROM dbo.Orders WHERE Reference = @r')).toHaveLength(1);
    expect(await findings('SELECT Id FROM dbo.Orders WHERE Reference = @r AND Deleted = 1')).toHaveLength(1);
  });

  it('serves the inner side of a join by an index on its join column', async () => {
    expect(await findings('SELECT c.Name, o.Id FROM dbo.Customers c JOIN dbo.Orders o ON o.CustomerId = c.Id WHERE c.Email = @e')).toEqual([]);
    const found = await findings('SELECT o.Id FROM dbo.Orders o JOIN dbo.Customers c ON c.Region = o.Reference WHERE o.Id = @id');
    expect(found).toHaveLength(1);
    expect(found[0]!.data).toMatchObject({ table: 'dbo.customers', kind: 'join', columns: ['Region'] });
  });

  it('resolves unqualified columns through the schema when several tables are in scope', async () => {
    const found = await findings('SELECT c.Name FROM dbo.Customers c JOIN dbo.Orders o ON o.CustomerId = c.Id WHERE Region = @r');
    expect(found).toHaveLength(1);
    expect(found[0]!.data).toMatchObject({ table: 'dbo.customers', columns: ['Region'] });
  });

  it('judges UPDATE and DELETE filters and subqueries as well', async () => {
    const found = await findings(
      'UPDATE dbo.Orders SET Status = 2 WHERE Status = 1',
      'DELETE FROM dbo.Orders WHERE Id = @id',
      'SELECT Name FROM dbo.Customers WHERE Id IN (SELECT CustomerId FROM dbo.Orders WHERE Status = 3)',
    );
    expect(found.map((f) => [f.location.line, f.data.columns])).toEqual([[1, ['Status']], [3, ['Status']]]);
  });

  it('reports an unindexed ORDER BY only when nothing else restricts the table', async () => {
    expect(await findings('SELECT TOP 10 * FROM dbo.Orders ORDER BY CustomerId')).toEqual([]);
    const found = await findings('SELECT TOP 10 * FROM dbo.Customers ORDER BY Name');
    expect(found).toHaveLength(1);
    expect(found[0]!.data).toMatchObject({ kind: 'order-by', columns: ['Name'] });
  });

  it('never reports tables the schema does not define, temp tables or whole-table reads', async () => {
    expect(await findings(
      'SELECT * FROM dbo.AuditLog WHERE Actor = @a',
      'SELECT * FROM #work WHERE x = 1',
      'SELECT COUNT(*) FROM dbo.Orders',
      'INSERT INTO dbo.Orders (Id, CustomerId) VALUES (@id, @c)',
    )).toEqual([]);
  });

  it('gives a finding the same id whatever line the query moves to', async () => {
    const a = await runAnalyzer(unindexedQuery, sqlModel(SCHEMA, ['SELECT 1 FROM dbo.Orders WHERE Status = 1']));
    const b = await runAnalyzer(unindexedQuery, sqlModel(SCHEMA, ['SELECT 2 FROM dbo.Orders', 'SELECT 1 FROM dbo.Orders WHERE Status = 1']));
    expect(b.findings.map((f) => f.id)).toEqual(a.findings.map((f) => f.id));
  });
});

describe('unindexed-query index kinds', () => {
  it('never lets a columnstore index serve a seek, and quotes odd names in suggestions', async () => {
    const schema = `CREATE TABLE dbo.[Order Lines] ([Line Id] INT NOT NULL PRIMARY KEY, [Order Id] INT NOT NULL)
GO
CREATE NONCLUSTERED COLUMNSTORE INDEX NCCX_Lines ON dbo.[Order Lines] ([Order Id], [Line Id])`;
    const { findings } = await runAnalyzer(unindexedQuery, sqlModel(schema, ['SELECT [Line Id] FROM dbo.[Order Lines] WHERE [Order Id] = @o']));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.data.suggestions).toEqual(['CREATE INDEX IX_OrderLines_OrderId ON dbo.[Order Lines] ([Order Id]);']);
  });
});
