import { describe, expect, it } from 'vitest';
import unindexedQuery from './index.js';
import nonSargablePredicate from '../non-sargable-predicate/index.js';
import { runAnalyzer, testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import type { SqlQuery } from '../../test/support/estateBuilder.js';

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

/** The schema script in db/schema.sql, and the queries one per line of db/Queries.cs. */
const withQueries =
  (...queries: (string | SqlQuery)[]): DeclareEstate =>
  (b) =>
    b.sqlScript('db', 'schema.sql', SCHEMA).queries('db', 'Queries.cs', queries);

const COLUMNS = [{ label: 'Table' }, { label: 'Unserved', align: 'right' }, { label: 'Suggested index' }] as const;

/** Four of six queries scan a table, one is dynamic and one only sniffed (too long to parse): the summary's figures. */
const MIXED = [
  'SELECT Id FROM dbo.Orders WHERE PlacedUtc >= @since',
  'SELECT Id FROM dbo.Orders WHERE Status = 1',
  'SELECT * FROM dbo.Customers WHERE Region = @r',
  { text: 'SELECT Id FROM dbo.Orders WHERE PlacedUtc < @until', dynamic: true },
  // A generated IN list too long to parse: only sniffed.
  `SELECT Id FROM dbo.Staging WHERE Id IN (${Array.from({ length: 4000 }, (_, i) => i + 1).join(', ')})`,
  'SELECT Name FROM dbo.Customers WHERE Id = @id',
];

testAnalyzer(unindexedQuery, {
  valid: [
    {
      name: 'primary key, unique constraint and leading index column lookups',
      estate: withQueries(
        'SELECT Name FROM dbo.Customers WHERE Id = @id',
        'SELECT Id FROM [dbo].[Customers] WHERE [Email] = @email',
        'SELECT * FROM Orders o WHERE o.CustomerId = @c AND o.PlacedUtc > @since',
        'SELECT * FROM Orders WHERE CustomerId IN (1, 2, 3)',
      ),
      summaries: [
        {
          title: 'Unindexed queries by table',
          headline:
            'SQL: 4 queries (4 application, 0 routines), 0 (0%) with an unindexed predicate; every counted query judged',
          columns: COLUMNS,
          rows: [],
        },
      ],
    },
    {
      name: 'the leading column of a composite index',
      estate: withQueries('SELECT Id FROM dbo.Orders WHERE CustomerId = @c'),
    },
    {
      name: 'an indexed and an unindexed column filtered together',
      estate: withQueries('SELECT * FROM dbo.Customers WHERE Id = @id AND Region = @r'),
    },
    {
      name: 'an OR whose every branch is served',
      estate: withQueries('SELECT * FROM dbo.Customers WHERE Id = @id OR Email = @e'),
    },
    {
      name: 'a filtered index when the query repeats its filter',
      estate: withQueries('SELECT Id FROM dbo.Orders WHERE Reference = @r AND Deleted = 0'),
    },
    {
      name: 'a filtered index whose filter is the whole condition: it holds exactly the rows asked for',
      estate: withQueries('SELECT Id FROM dbo.Orders WHERE Deleted = 0 ORDER BY Reference'),
    },
    {
      name: 'the inner side of a join served by an index on its join column',
      estate: withQueries(
        'SELECT c.Name, o.Id FROM dbo.Customers c JOIN dbo.Orders o ON o.CustomerId = c.Id WHERE c.Email = @e',
      ),
    },
    {
      name: 'a table seeked by its key through a join to a table variable, whichever side of the JOIN it is written on',
      estate: withQueries(
        'SELECT o.Id FROM dbo.Orders o INNER JOIN @Ids i ON i.Id = o.Id WHERE o.Status = 1',
        'SELECT o.Id FROM @Ids i INNER JOIN dbo.Orders o ON o.Id = i.Id WHERE o.Status = 1',
      ),
    },
    {
      name: 'a sort with no filter and no TOP reads every row anyway; so does a GROUP BY',
      estate: withQueries(
        'SELECT Id, Name FROM dbo.Customers ORDER BY Name',
        'SELECT Region, COUNT(*) FROM dbo.Customers GROUP BY Region',
      ),
    },
    {
      name: 'an ORDER BY an index leads with',
      estate: withQueries('SELECT TOP 10 * FROM dbo.Orders ORDER BY CustomerId'),
    },
    {
      name: 'tables the schema does not define, temp tables and whole-table reads',
      estate: withQueries(
        'SELECT * FROM dbo.AuditLog WHERE Actor = @a',
        'SELECT * FROM #work WHERE x = 1',
        'SELECT COUNT(*) FROM dbo.Orders',
        'INSERT INTO dbo.Orders (Id, CustomerId) VALUES (@id, @c)',
      ),
    },
    {
      name: 'no schema at all: nothing is judged, and the summary says so',
      estate: (b) => b.queries('db', 'Queries.cs', ['SELECT Id FROM dbo.Orders WHERE Status = 1']),
      summaries: [
        {
          headline:
            'SQL: 1 queries (1 application, 0 routines), 0 (0%) with an unindexed predicate; not fully judged: 1 with no schema for their database; no schema found, so no query was judged',
          rows: [],
        },
      ],
    },
    { name: 'no queries: no summary', estate: (b) => b.sqlScript('db', 'schema.sql', SCHEMA), summaries: [] },
    {
      name: 'a routine copy a later definition replaces is never judged',
      estate: (b) =>
        b
          .sqlScript('db', 'schema.sql', SCHEMA)
          .sqlScript(
            'db',
            'DbScripts/2019-01-01_00_Orders.sql',
            'CREATE PROCEDURE dbo.Orders_Read @s INT AS\nBEGIN\n  SELECT Id FROM dbo.Orders WHERE Status = @s\nEND',
          )
          .sqlScript(
            'db',
            'Stored Procedures/Orders_Read.sql',
            'CREATE PROCEDURE dbo.Orders_Read @c INT AS\nBEGIN\n  SELECT Id FROM dbo.Orders WHERE CustomerId = @c\nEND',
          ),
    },
  ],
  invalid: [
    {
      name: "another database's index does not serve a T-SQL query",
      estate: (b) =>
        b
          .sqlScript('db', 'schema.sql', SCHEMA)
          .sqlScript(
            'db',
            'MySqlMigrations/2021-01-01_Index.sql',
            'CREATE INDEX `IX_Orders_Status` ON `Orders` (`Status`);',
          )
          .queries('db', 'Queries.cs', ['SELECT Id FROM dbo.Orders WHERE Status = 1']),
      findings: [{ messageId: 'unindexed', location: { repo: 'db', file: 'Queries.cs', line: 1 } }],
    },
    {
      name: 'a filter on an unindexed column, with the closest index and a suggestion',
      estate: withQueries('SELECT Id FROM dbo.Orders WHERE PlacedUtc >= @since'),
      findings: [
        {
          messageId: 'unindexed',
          severity: 'warning',
          message:
            'dbo.Orders filters on PlacedUtc, which no index serves (full scan); closest index IX_Orders_Customer_Placed (CustomerId, PlacedUtc)',
          location: { repo: 'db', file: 'Queries.cs', line: 1 },
          data: {
            table: 'dbo.orders',
            columns: ['PlacedUtc'],
            kind: 'where',
            query: 'SELECT Id FROM dbo.Orders WHERE PlacedUtc >= @since',
            api: 'Dapper.Query',
            dynamic: false,
            predicates: ['PlacedUtc >= @since'],
            closestIndex: { name: 'IX_Orders_Customer_Placed', columns: ['CustomerId', 'PlacedUtc'] },
            suggestions: ['CREATE INDEX [IX_Orders_PlacedUtc] ON [dbo].[Orders] ([PlacedUtc]);'],
          },
        },
      ],
      summaries: [
        {
          title: 'Unindexed queries by table',
          headline:
            'SQL: 1 queries (1 application, 0 routines), 1 (100%) with an unindexed predicate; every counted query judged',
          columns: COLUMNS,
          rows: [['dbo.orders', '1', 'CREATE INDEX [IX_Orders_PlacedUtc] ON [dbo].[Orders] ([PlacedUtc]);']],
        },
      ],
    },
    {
      name: 'only the leftmost prefix of a composite index serves',
      estate: withQueries('SELECT Id FROM dbo.Orders WHERE PlacedUtc = @p AND Status = 1'),
      findings: [
        { messageId: 'unindexed', data: { table: 'dbo.orders', kind: 'where', columns: ['PlacedUtc', 'Status'] } },
      ],
    },
    {
      name: 'an OR with an unserved branch',
      estate: withQueries('SELECT * FROM dbo.Customers WHERE Id = @id OR Region = @r'),
      findings: [
        {
          messageId: 'unindexed',
          data: {
            columns: ['Region'],
            suggestions: ['CREATE INDEX [IX_Customers_Region] ON [dbo].[Customers] ([Region]);'],
          },
        },
      ],
    },
    {
      name: 'an OR whose other branch is on another table',
      estate: withQueries(
        'SELECT c.Name FROM dbo.Customers c JOIN dbo.Orders o ON o.CustomerId = c.Id WHERE c.Id = @id OR o.Status = 1',
      ),
      findings: [
        {
          messageId: 'orBranch',
          message: 'dbo.Customers is read under an OR whose branches are not all served by an index (full scan)',
          data: { table: 'dbo.customers', kind: 'where', columns: [], suggestions: [] },
        },
      ],
    },
    {
      name: 'a filtered index without its filter, or with another value',
      estate: withQueries(
        'SELECT Id FROM dbo.Orders WHERE Reference = @r',
        'SELECT Id FROM dbo.Orders WHERE Reference = @r AND Deleted = 1',
      ),
      findings: [
        {
          messageId: 'unindexed',
          location: { line: 1 },
          data: {
            columns: ['Reference'],
            closestIndex: { name: 'IX_Orders_Reference_Live', kind: 'index', columns: ['Reference'] },
          },
        },
        { messageId: 'unindexed', location: { line: 2 }, data: { columns: ['Reference', 'Deleted'] } },
      ],
    },
    {
      name: 'the inner side of a join on a column no index leads with',
      estate: withQueries(
        'SELECT o.Id FROM dbo.Orders o JOIN dbo.Customers c ON c.Region = o.Reference WHERE o.Id = @id',
      ),
      findings: [
        {
          messageId: 'unindexed',
          message: 'dbo.Customers is joined on Region, which no index serves (full scan)',
          data: { table: 'dbo.customers', kind: 'join', columns: ['Region'] },
        },
      ],
    },
    {
      name: 'unqualified columns resolved through the schema when several tables are in scope',
      estate: withQueries(
        'SELECT c.Name FROM dbo.Customers c JOIN dbo.Orders o ON o.CustomerId = c.Id WHERE Region = @r',
      ),
      findings: [{ messageId: 'unindexed', data: { table: 'dbo.customers', columns: ['Region'] } }],
    },
    {
      name: 'UPDATE and DELETE filters and subqueries',
      estate: withQueries(
        'UPDATE dbo.Orders SET Status = 2 WHERE Status = 1',
        'DELETE FROM dbo.Orders WHERE Id = @id',
        'SELECT Name FROM dbo.Customers WHERE Id IN (SELECT CustomerId FROM dbo.Orders WHERE Status = 3)',
      ),
      findings: [
        { messageId: 'unindexed', location: { line: 1 }, data: { table: 'dbo.orders', columns: ['Status'] } },
        { messageId: 'unindexed', location: { line: 3 }, data: { table: 'dbo.orders', columns: ['Status'] } },
      ],
    },
    {
      name: 'the first rows (TOP, OFFSET … FETCH) in an order no index gives, when nothing else restricts the table',
      estate: withQueries(
        'SELECT TOP 10 * FROM dbo.Customers ORDER BY Name',
        'SELECT Id, Name FROM dbo.Customers ORDER BY Name OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY',
      ),
      findings: [
        {
          messageId: 'sortedTop',
          location: { line: 1 },
          message:
            'dbo.Customers is sorted by Name for its first rows (TOP/OFFSET), which no index serves: the whole table is read and sorted; an index on Name would make it a short range read',
          data: { kind: 'order-by', columns: ['Name'] },
        },
        { messageId: 'sortedTop', location: { line: 2 }, data: { kind: 'order-by', columns: ['Name'] } },
      ],
    },
    {
      name: 'a search whose every filter is an optional catch-all',
      estate: withQueries(
        'SELECT Id FROM dbo.Orders WHERE (@customer IS NULL OR CustomerId = @customer) AND (@status IS NULL OR Status = @status)',
      ),
      findings: [
        {
          messageId: 'optionalOnly',
          data: { table: 'dbo.orders', kind: 'where', columns: ['CustomerId', 'Status'], suggestions: [] },
        },
      ],
    },
    {
      name: 'a join gap inside a view, reported once at the view for the queries that restrict the other side',
      estate: (b) =>
        b
          .sqlScript('db', 'schema.sql', SCHEMA)
          .sqlScript(
            'db',
            'views.sql',
            'CREATE VIEW dbo.CustomerOrderView AS\nSELECT c.Id AS CustomerId, c.Email, o.Id AS OrderId\nFROM dbo.Customers c\nJOIN dbo.Orders o ON o.Reference = c.Name',
          )
          .queries('db', 'Queries.cs', [
            'SELECT OrderId FROM dbo.CustomerOrderView WHERE Email = @e',
            'SELECT OrderId FROM dbo.CustomerOrderView WHERE CustomerId = @id',
          ]),
      findings: [
        {
          messageId: 'viewJoin',
          location: { file: 'views.sql', line: 1 },
          related: [
            { file: 'Queries.cs', line: 1 },
            { file: 'Queries.cs', line: 2 },
          ],
          data: {
            table: 'dbo.orders',
            kind: 'join',
            columns: ['Reference'],
            readBy: [expect.any(String), expect.any(String)],
          },
        },
      ],
    },
    {
      name: 'a columnstore index never serves a seek, and odd names are quoted in suggestions',
      estate: (b) =>
        b
          .sqlScript(
            'db',
            'schema.sql',
            'CREATE TABLE dbo.[Order Lines] ([Line Id] INT NOT NULL PRIMARY KEY, [Order Id] INT NOT NULL)\nGO\nCREATE NONCLUSTERED COLUMNSTORE INDEX NCCX_Lines ON dbo.[Order Lines] ([Order Id], [Line Id])',
          )
          .queries('db', 'Queries.cs', ['SELECT [Line Id] FROM dbo.[Order Lines] WHERE [Order Id] = @o']),
      findings: [
        {
          messageId: 'unindexed',
          data: { suggestions: ['CREATE INDEX [IX_OrderLines_OrderId] ON [dbo].[Order Lines] ([Order Id]);'] },
        },
      ],
    },
    {
      name: 'the summary counts flagged, dynamic and unparsed queries and ranks tables by unserved predicates',
      estate: withQueries(...MIXED),
      findings: [
        {
          messageId: 'unindexed',
          location: { line: 1 },
          data: { table: 'dbo.orders', columns: ['PlacedUtc'], dynamic: false },
        },
        { messageId: 'unindexed', location: { line: 2 }, data: { table: 'dbo.orders', columns: ['Status'] } },
        { messageId: 'unindexed', location: { line: 3 }, data: { table: 'dbo.customers', columns: ['Region'] } },
        {
          messageId: 'unindexed',
          location: { line: 4 },
          data: { table: 'dbo.orders', columns: ['PlacedUtc'], dynamic: true },
        },
      ],
      summaries: [
        {
          headline:
            'SQL: 6 queries (6 application, 0 routines), 4 (67%) with an unindexed predicate; not fully judged: 1 partly unparsed, 1 dynamic, 1 naming a table or view no schema defines',
          rows: [
            ['dbo.orders', '3', 'CREATE INDEX [IX_Orders_PlacedUtc] ON [dbo].[Orders] ([PlacedUtc]);'],
            ['dbo.customers', '1', 'CREATE INDEX [IX_Customers_Region] ON [dbo].[Customers] ([Region]);'],
          ],
        },
      ],
    },
    {
      name: 'the summary lists at most `top` tables',
      estate: withQueries(...MIXED),
      options: { top: 1 },
      findings: [
        { messageId: 'unindexed', location: { line: 1 } },
        { messageId: 'unindexed', location: { line: 2 } },
        { messageId: 'unindexed', location: { line: 3 } },
        { messageId: 'unindexed', location: { line: 4 } },
      ],
      summaries: [
        {
          rows: [['dbo.orders', '3', 'CREATE INDEX [IX_Orders_PlacedUtc] ON [dbo].[Orders] ([PlacedUtc]);']],
        },
      ],
    },
  ],
});

describe('unindexed-query fingerprints', () => {
  it('gives a finding the same id whatever line the query moves to', async () => {
    const a = await runAnalyzer(unindexedQuery, withQueries('SELECT 1 FROM dbo.Orders WHERE Status = 1'));
    const b = await runAnalyzer(
      unindexedQuery,
      withQueries('SELECT 2 FROM dbo.Orders', 'SELECT 1 FROM dbo.Orders WHERE Status = 1'),
    );
    expect(a.findings).toHaveLength(1);
    expect(b.findings.map((f) => [f.id, f.location.line])).toEqual([[a.findings[0]!.id, 2]]);
  });
});

const USER_SCHEMA = `
CREATE TABLE [dbo].[User] (
  [Id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [PK_User] PRIMARY KEY CLUSTERED,
  [Email] NVARCHAR(256) NOT NULL,
  [Name] NVARCHAR(50) NULL,
  [Notes] NVARCHAR(MAX) NULL,
  [Key] VARBINARY(MAX) NULL,
  [Profile] XML NULL,
  [Premium] BIT NOT NULL,
  [Status] TINYINT NOT NULL,
  [PlanType] TINYINT NOT NULL,
  [CreationDate] DATETIME2 NOT NULL
)
`;

/** The suggestions for the one finding of `where` on dbo.User (a finding must fire). */
async function suggestionsFor(where: string): Promise<string[]> {
  const { findings } = await runAnalyzer(unindexedQuery, (b) =>
    b
      .sqlScript('db', 'User.sql', USER_SCHEMA)
      .queries('db', 'Queries.cs', [`SELECT [Id] FROM [dbo].[User] WHERE ${where}`]),
  );
  expect(findings).toHaveLength(1);
  return findings[0]!.data.suggestions;
}

describe('unindexed-query suggestions', () => {
  it('quotes every name for the dialect, reserved words included', async () => {
    expect(await suggestionsFor('[Email] = @email')).toEqual([
      'CREATE INDEX [IX_User_Email] ON [dbo].[User] ([Email]);',
    ]);
    const { findings } = await runAnalyzer(unindexedQuery, (b) =>
      b
        .sqlScript('db', 'user.sql', 'CREATE TABLE public."user" (id SERIAL PRIMARY KEY, email TEXT NOT NULL);')
        .queries('db', 'users.ts', ['SELECT id FROM "user" WHERE email = $1'], { dialect: 'postgresql' }),
    );
    expect(findings[0]?.data.suggestions).toEqual(['CREATE INDEX "IX_user_email" ON "public"."user" ("email");']);
    const mysql = await runAnalyzer(unindexedQuery, (b) =>
      b
        // Each database is its own schema: the MySQL query is judged against the MySQL table.
        .sqlScript(
          'db',
          'User.sql',
          'CREATE TABLE `User` (`Id` INT NOT NULL PRIMARY KEY, `Email` VARCHAR(256) NOT NULL) ENGINE=InnoDB;',
        )
        .queries('db', 'users.js', ['SELECT Id FROM `User` WHERE Email = ?'], { dialect: 'mysql' }),
    );
    expect(mysql.findings[0]?.data.suggestions).toEqual(['CREATE INDEX `IX_User_Email` ON `User` (`Email`);']);
  });

  it('never keys on a MAX or XML column', async () => {
    expect(await suggestionsFor('[Profile] IS NULL')).toEqual([]);
    expect(await suggestionsFor('[Notes] = @notes')).toEqual([]);
    expect(await suggestionsFor('[Key] = @key')).toEqual([]);
    expect(await suggestionsFor('[Name] = @name AND [Notes] = @notes')).toEqual([
      'CREATE INDEX [IX_User_Name] ON [dbo].[User] ([Name]);',
    ]);
  });

  it('suggests nothing for predicates no index can seek on, but does for a prefix LIKE and a T-SQL date cast', async () => {
    expect(await suggestionsFor("[Name] LIKE 'ann%'")).toEqual([
      'CREATE INDEX [IX_User_Name] ON [dbo].[User] ([Name]);',
    ]);
    expect(await suggestionsFor('CAST([CreationDate] AS DATE) = @day')).toEqual([
      'CREATE INDEX [IX_User_CreationDate] ON [dbo].[User] ([CreationDate]);',
    ]);
  });

  it('names no column no index could seek on: a leading wildcard or a function is non-sargable-predicate’s finding', async () => {
    for (const where of [
      "[Name] LIKE '%son'",
      "[Name] LIKE '%' + @name + '%'",
      "[Name] LIKE ('%' + @name + '%')",
      "[Name] LIKE CONCAT('%', @name)",
      'YEAR([CreationDate]) = 2024',
    ]) {
      const estate: DeclareEstate = (b) =>
        b
          .sqlScript('db', 'User.sql', USER_SCHEMA)
          .queries('db', 'Queries.cs', [`SELECT [Id] FROM [dbo].[User] WHERE ${where}`]);
      expect((await runAnalyzer(unindexedQuery, estate)).findings, where).toEqual([]);
      expect((await runAnalyzer(nonSargablePredicate, estate)).findings, where).toHaveLength(1);
    }
    // Beside a sargable predicate, that one is judged.
    expect(await suggestionsFor("[Name] LIKE ('%' + @name) AND [Email] = @email")).toEqual([
      'CREATE INDEX [IX_User_Email] ON [dbo].[User] ([Email]);',
    ]);
  });

  it('puts a flag or small status only as a trailing key column, never alone or leading', async () => {
    expect(await suggestionsFor('[Premium] = 1')).toEqual([]);
    expect(await suggestionsFor('[Status] = 2 AND [Premium] = 0')).toEqual([]);
    expect(await suggestionsFor('[PlanType] IN (1, 2)')).toEqual([]);
    expect(await suggestionsFor('[Premium] = 1 AND [Email] = @email')).toEqual([
      'CREATE INDEX [IX_User_Email_Premium] ON [dbo].[User] ([Email], [Premium]);',
    ]);
    expect(await suggestionsFor('[Email] = @email OR [Premium] = 1')).toEqual([]);
  });

  it('puts equality columns before the range column', async () => {
    expect(await suggestionsFor('[CreationDate] >= @since AND [Name] = @name')).toEqual([
      'CREATE INDEX [IX_User_Name_CreationDate] ON [dbo].[User] ([Name], [CreationDate]);',
    ]);
    expect(await suggestionsFor('[CreationDate] < @before AND ([Email] = @email OR [Name] = @name)')).toEqual([
      'CREATE INDEX [IX_User_CreationDate] ON [dbo].[User] ([CreationDate]);',
    ]);
    expect(await suggestionsFor('[Email] = @email OR [Name] = @name')).toEqual([
      'CREATE INDEX [IX_User_Email] ON [dbo].[User] ([Email]);',
      'CREATE INDEX [IX_User_Name] ON [dbo].[User] ([Name]);',
    ]);
  });
});

describe('unindexed-query on statements that run once', () => {
  const backfill = (b: Parameters<DeclareEstate>[0]) =>
    b
      .sqlScript('db', 'Sql/dbo/Tables/User.sql', USER_SCHEMA)
      .sqlScript(
        'db',
        'Migrator/DbScripts/2024-03-01_00_BackfillNames.sql',
        "UPDATE [dbo].[User] SET [Name] = N'unknown' WHERE [Name] IS NULL;",
      );

  it('leaves migration scripts unjudged by default and says so in the headline', async () => {
    const { findings, summaries } = await runAnalyzer(unindexedQuery, backfill);
    expect(findings).toEqual([]);
    expect(summaries[0]?.headline).toContain('1 migration statements (run once; not judged');
  });

  it('judges them when options.roles names them', async () => {
    const { findings } = await runAnalyzer(unindexedQuery, backfill, { roles: ['migration'] });
    expect(findings.map((f) => f.data.columns)).toEqual([['Name']]);
  });
});

describe('unindexed-query and filtered indexes holding the rows', () => {
  it('still reports the filter column when the query asks for rows the filtered index does not hold', async () => {
    const { findings } = await runAnalyzer(unindexedQuery, withQueries('SELECT Id FROM dbo.Orders WHERE Deleted = 1'));
    expect(findings.map((f) => f.data.columns)).toEqual([['Deleted']]);
  });
});
