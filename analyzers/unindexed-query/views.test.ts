import { expect } from 'vitest';
import unindexedQuery from './index.js';
import { testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';

/** Invoice items keyed on Id only, invoices indexed by provider. */
const TABLES = `
CREATE TABLE dbo.Invoice (
  Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Invoice PRIMARY KEY,
  ProviderId UNIQUEIDENTIFIER NOT NULL,
  Number NVARCHAR(40) NOT NULL
)
GO
CREATE INDEX IX_Invoice_ProviderId ON dbo.Invoice (ProviderId)
GO
CREATE TABLE dbo.InvoiceItem (
  Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_InvoiceItem PRIMARY KEY,
  InvoiceId UNIQUEIDENTIFIER NOT NULL,
  ClientName NVARCHAR(100) NULL,
  Total MONEY NOT NULL,
  Archived BIT NOT NULL
)
`;

/** Views and functions whose own bodies every index serves: only what a reader adds can scan. */
const VIEWS = `
CREATE VIEW dbo.InvoiceItemView
AS
SELECT * FROM dbo.InvoiceItem
GO
CREATE VIEW dbo.ProviderItemView
AS
SELECT II.Id, II.InvoiceId AS BillId, I.ProviderId, UPPER(II.ClientName) AS Client
FROM dbo.InvoiceItem II
INNER JOIN dbo.Invoice I ON I.Id = II.InvoiceId
GO
CREATE VIEW dbo.ItemNumberView
AS
SELECT II.Id, Number, ClientName FROM dbo.InvoiceItem II JOIN dbo.Invoice I ON I.Id = II.Id
GO
CREATE VIEW dbo.NestedItemView
AS
SELECT V.* FROM dbo.ProviderItemView V
GO
CREATE VIEW dbo.LoopA AS SELECT * FROM dbo.LoopB
GO
CREATE VIEW dbo.LoopB AS SELECT * FROM dbo.LoopA
GO
CREATE FUNCTION dbo.InvoicesOfProvider(@ProviderId UNIQUEIDENTIFIER)
RETURNS TABLE
AS RETURN
SELECT Id, Number FROM dbo.Invoice WHERE ProviderId = @ProviderId
`;

/** A view and a function that scan on their own: their definitions are flagged, and so is a reader that adds a filter. */
const SCANNING_VIEWS = `
CREATE VIEW dbo.ArchivedItemView
AS
SELECT Id, InvoiceId, Total FROM dbo.InvoiceItem WHERE Archived = 1
GO
CREATE FUNCTION dbo.ItemsOfInvoice(@InvoiceId UNIQUEIDENTIFIER)
RETURNS TABLE
AS RETURN
SELECT Id, Total FROM dbo.InvoiceItem WHERE InvoiceId = @InvoiceId
`;

const withQueries =
  (views: string, ...queries: string[]): DeclareEstate =>
  (b) =>
    b.sqlScript('db', 'schema.sql', `${TABLES}\nGO\n${views}`).queries('db', 'Queries.cs', queries);

testAnalyzer(unindexedQuery, {
  valid: [
    {
      name: 'a view another database defines is not looked up for a query judged against this one',
      estate: (b) =>
        withQueries(
          VIEWS,
          'SELECT * FROM ItemsElsewhere WHERE InvoiceId = @id',
        )(b)
          .sqlScript('pg', 'schema.sql', 'CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, note TEXT);')
          .sqlScript(
            'pg',
            'views.sql',
            "CREATE VIEW ItemsElsewhere AS SELECT * FROM InvoiceItem WHERE ClientName ILIKE 'a%'",
          ),
    },
    {
      name: 'a view read by a column that maps to an indexed base column',
      estate: withQueries(
        VIEWS,
        'SELECT * FROM dbo.InvoiceItemView WHERE Id = @id',
        'SELECT Id FROM dbo.ProviderItemView WHERE Id = @id',
        'SELECT * FROM NestedItemView WHERE Id = @id',
      ),
    },
    {
      name: 'a view read whole, a computed view column, a view cycle and an unknown name judge nothing',
      estate: withQueries(
        VIEWS,
        'SELECT * FROM dbo.InvoiceItemView',
        "SELECT Id FROM dbo.ProviderItemView V WHERE V.Client = N'ACME'",
        'SELECT * FROM dbo.LoopA WHERE Anything = 1',
        'SELECT * FROM dbo.NoSuchView WHERE Whatever = 1',
      ),
    },
    {
      name: 'an inline function seeks by its parameter, and a reader filtering its output too',
      estate: withQueries(
        VIEWS,
        'SELECT * FROM dbo.InvoicesOfProvider(@providerId)',
        'SELECT * FROM dbo.InvoicesOfProvider(@providerId) P WHERE P.Number = @n',
      ),
    },
    {
      name: 'a function called but defined nowhere, or defined with a body that is no single SELECT, is counted as not judged',
      estate: withQueries(
        `${VIEWS}
GO
CREATE FUNCTION dbo.ItemTotals(@InvoiceId UNIQUEIDENTIFIER)
RETURNS @totals TABLE (Id UNIQUEIDENTIFIER, Total MONEY)
AS
BEGIN
  INSERT INTO @totals (Id, Total) SELECT Id, Total FROM dbo.InvoiceItem WHERE Id = @InvoiceId
  RETURN
END`,
        'SELECT * FROM dbo.ItemTotals(@id) T WHERE T.Total > 0',
        'SELECT * FROM dbo.MissingTotals(@id) T WHERE T.Total > 0',
        'SELECT s.rows FROM sys.dm_db_stats_properties(@object, @stats) s WHERE s.rows > 0',
        'SELECT * FROM dbo.InvoiceItemView WHERE Id = @id',
      ),
      summaries: [
        {
          title: 'Unindexed queries by table',
          headline: expect.stringContaining('2 reading a view or function whose definition was not read'),
        },
      ],
    },
    {
      name: 'a table joined to a derived table or rowset function over a short list, either side of the JOIN',
      estate: withQueries(
        '',
        'SELECT II.Total FROM dbo.InvoiceItem II JOIN (SELECT [value] AS Id FROM OPENJSON(@ids)) J ON J.Id = II.Id',
        "SELECT II.Total FROM dbo.InvoiceItem II INNER JOIN STRING_SPLIT(@ids, ',') S ON S.value = II.Id",
        'WITH Ids AS (SELECT [value] AS Id FROM OPENJSON(@ids)) SELECT II.Total FROM dbo.InvoiceItem II JOIN Ids ON Ids.Id = II.Id',
      ),
    },
    {
      name: 'a derived table over a real table is no short list: the table beside it is not judged on the join',
      estate: withQueries(
        '',
        'SELECT II.Total FROM dbo.InvoiceItem II JOIN (SELECT Id FROM dbo.Invoice WHERE ProviderId = @p) J ON J.Id = II.InvoiceId',
      ),
    },
    {
      name: 'an unqualified column that belongs to a CTE beside the table is not the table’s',
      estate: withQueries(
        '',
        'WITH Picked (Wanted) AS (SELECT 1) SELECT II.Total FROM dbo.InvoiceItem II CROSS JOIN Picked WHERE Wanted = 1',
      ),
    },
  ],
  invalid: [
    {
      name: 'a view over a table with only a primary key, filtered on another base column',
      estate: withQueries(VIEWS, 'SELECT * FROM dbo.InvoiceItemView WHERE InvoiceId = @id'),
      findings: [
        {
          messageId: 'unindexed',
          location: { file: 'Queries.cs' },
          message:
            'dbo.InvoiceItem (through view dbo.InvoiceItemView) filters on InvoiceId, which no index serves (full scan)',
          data: { table: 'dbo.invoiceitem', kind: 'where', columns: ['InvoiceId'] },
        },
      ],
    },
    {
      name: 'a view column alias mapped to its base column; a view over a view reached through `t.*`',
      estate: withQueries(
        VIEWS,
        'SELECT * FROM dbo.ProviderItemView WHERE BillId = @bill',
        'SELECT * FROM dbo.NestedItemView N WHERE N.BillId = @bill',
      ),
      findings: [
        { messageId: 'unindexed', location: { line: 1 }, data: { table: 'dbo.invoiceitem', columns: ['InvoiceId'] } },
        { messageId: 'unindexed', location: { line: 2 }, data: { table: 'dbo.invoiceitem', columns: ['InvoiceId'] } },
      ],
    },
    {
      name: 'an unqualified column of a view over several tables is traced to the one that has it',
      estate: withQueries(
        VIEWS,
        'SELECT * FROM dbo.ItemNumberView V JOIN dbo.Invoice X ON X.Id = V.Id WHERE V.ClientName = @c',
      ),
      findings: [
        { messageId: 'unindexed', data: { table: 'dbo.invoiceitem', kind: 'where', columns: ['ClientName'] } },
      ],
    },
    {
      // The view alone reads every row (no finding); a reader that picks a few invoices makes the
      // view's own join a scan of InvoiceItem. That is one gap however many queries read the view.
      name: 'a join inside a view that no index serves, once its readers restrict the other side: one finding at the view',
      estate: withQueries(
        VIEWS,
        'SELECT Id FROM dbo.ProviderItemView WHERE ProviderId = @p',
        'SELECT Id FROM dbo.NestedItemView V WHERE V.ProviderId = @p',
        'SELECT * FROM dbo.ProviderItemView',
      ),
      findings: [
        {
          messageId: 'viewJoin',
          message:
            'dbo.InvoiceItem is joined on InvoiceId in view dbo.ProviderItemView, which no index serves (full scan for each of 2 queries reading it)',
          location: { file: 'schema.sql' },
          related: [
            { file: 'Queries.cs', line: 1 },
            { file: 'Queries.cs', line: 2 },
          ],
          data: { table: 'dbo.invoiceitem', kind: 'join', columns: ['InvoiceId'], view: 'dbo.provideritemview' },
        },
      ],
    },
    {
      name: 'a view joined on a column its base table has no index for',
      estate: withQueries(
        VIEWS,
        'SELECT I.Number FROM dbo.Invoice I JOIN dbo.InvoiceItemView V ON V.ClientName = I.Number WHERE I.Id = @id',
      ),
      findings: [{ messageId: 'unindexed', data: { table: 'dbo.invoiceitem', kind: 'join', columns: ['ClientName'] } }],
    },
    {
      name: 'a view’s and a function’s own filters are judged with the reader’s',
      estate: withQueries(
        SCANNING_VIEWS,
        'SELECT * FROM dbo.ArchivedItemView WHERE InvoiceId = @id',
        'SELECT * FROM dbo.ItemsOfInvoice(@invoiceId) X WHERE X.Total > 10',
        'SELECT * FROM dbo.ItemsOfInvoice(@invoiceId)',
      ),
      findings: [
        {
          messageId: 'unindexed',
          location: { file: 'Queries.cs', line: 1 },
          data: { columns: ['InvoiceId', 'Archived'] },
        },
        {
          messageId: 'unindexed',
          location: { file: 'Queries.cs', line: 2 },
          data: { columns: ['Total', 'InvoiceId'] },
        },
        { messageId: 'unindexed', location: { file: 'schema.sql' }, data: { columns: ['Archived'] } },
        { messageId: 'unindexed', location: { file: 'schema.sql' }, data: { columns: ['InvoiceId'] } },
      ],
    },
    {
      name: 'an unqualified column beside a CTE whose columns are known not to hold it is the table’s',
      estate: withQueries(
        '',
        'WITH Picked (Wanted) AS (SELECT 1) SELECT II.Total FROM dbo.InvoiceItem II CROSS JOIN Picked WHERE Wanted = 1 AND Total = 3',
      ),
      findings: [{ messageId: 'unindexed', data: { kind: 'where', columns: ['Total'] } }],
    },
    {
      name: 'a table joined to a derived table or rowset function over a short list, on a column no index leads with',
      estate: withQueries(
        '',
        'SELECT II.Total FROM dbo.InvoiceItem II JOIN (SELECT [value] AS Name FROM OPENJSON(@names)) J ON J.Name = II.ClientName',
        "SELECT II.Total FROM dbo.InvoiceItem II INNER JOIN STRING_SPLIT(@names, ',') S ON S.value = II.ClientName",
        'WITH Names AS (SELECT [value] AS Name FROM OPENJSON(@names)) SELECT II.Total FROM dbo.InvoiceItem II JOIN Names N ON N.Name = II.ClientName',
      ),
      findings: [
        { messageId: 'unindexed', location: { line: 1 }, data: { kind: 'join', columns: ['ClientName'] } },
        { messageId: 'unindexed', location: { line: 2 }, data: { kind: 'join', columns: ['ClientName'] } },
        { messageId: 'unindexed', location: { line: 3 }, data: { kind: 'join', columns: ['ClientName'] } },
      ],
    },
    {
      name: 'a reader’s filter that reaches a base table only through the view’s join (`II.InvoiceId = I.Id = @id`)',
      estate: withQueries(
        'CREATE VIEW dbo.InvoiceWithItemsView AS\nSELECT I.Id AS InvoiceId, I.Number, II.Total\nFROM dbo.Invoice I\nLEFT JOIN dbo.InvoiceItem II ON II.InvoiceId = I.Id',
        'SELECT * FROM dbo.InvoiceWithItemsView WHERE InvoiceId = @id',
        'SELECT * FROM dbo.InvoiceWithItemsView',
      ),
      findings: [
        {
          messageId: 'unindexed',
          location: { file: 'Queries.cs', line: 1 },
          data: { table: 'dbo.invoiceitem', kind: 'where', columns: ['InvoiceId'], view: 'dbo.invoicewithitemsview' },
        },
      ],
    },
    {
      name: 'a view filtered only by an optional catch-all',
      estate: withQueries(VIEWS, 'SELECT * FROM dbo.InvoiceItemView WHERE (@client IS NULL OR ClientName = @client)'),
      findings: [
        {
          messageId: 'optionalOnly',
          message:
            'dbo.InvoiceItem (through view dbo.InvoiceItemView) is filtered only by predicates an OR makes optional (ClientName = @client): with a catch-all branch (`@p IS NULL OR …`) or a subquery beside them, no plan seeks on them for every call (full scan)',
          data: { table: 'dbo.invoiceitem', columns: ['ClientName'], suggestions: [] },
        },
      ],
    },
    {
      name: 'the first rows of a view in an order no index of its base table gives',
      estate: withQueries(VIEWS, 'SELECT TOP 10 * FROM dbo.InvoiceItemView ORDER BY Total DESC'),
      findings: [
        {
          messageId: 'sortedTop',
          data: { table: 'dbo.invoiceitem', kind: 'order-by', columns: ['Total'], view: 'dbo.invoiceitemview' },
        },
      ],
    },
    {
      name: 'an OR through a view whose other branch is a computed view column',
      estate: withQueries(VIEWS, "SELECT * FROM dbo.ProviderItemView V WHERE V.Id = @id OR V.Client = N'ACME'"),
      findings: [{ messageId: 'orBranch', data: { table: 'dbo.invoiceitem', columns: [] } }],
    },
  ],
});
