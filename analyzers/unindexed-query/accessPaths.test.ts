import { describe, expect, it } from 'vitest';
import unindexedQuery from './index.js';
import { runAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';

/** Organizations, their members (indexed by user and by organization) and two child tables. */
const SCHEMA = `
CREATE TABLE dbo.Organization (
  Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Organization PRIMARY KEY CLUSTERED,
  Name NVARCHAR(100) NOT NULL,
  Enabled BIT NOT NULL,
  BillingEmail NVARCHAR(256) NULL
)
GO
CREATE TABLE dbo.Member (
  Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Member PRIMARY KEY CLUSTERED,
  OrganizationId UNIQUEIDENTIFIER NOT NULL,
  UserId UNIQUEIDENTIFIER NULL,
  Email NVARCHAR(256) NULL,
  Status TINYINT NOT NULL,
  Type TINYINT NOT NULL,
  Joined DATETIME2 NOT NULL
)
GO
CREATE NONCLUSTERED INDEX IX_Member_UserId ON dbo.Member (UserId) WHERE UserId IS NOT NULL
GO
CREATE NONCLUSTERED INDEX IX_Member_OrganizationId_Status ON dbo.Member (OrganizationId, Status)
GO
CREATE TABLE dbo.Policy (
  Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Policy PRIMARY KEY CLUSTERED,
  OrganizationId UNIQUEIDENTIFIER NOT NULL,
  Type TINYINT NOT NULL,
  Enabled BIT NOT NULL
)
GO
CREATE NONCLUSTERED INDEX IX_Policy_OrganizationId_Type ON dbo.Policy (OrganizationId, Type)
GO
CREATE TABLE dbo.AuditNote (
  Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_AuditNote PRIMARY KEY CLUSTERED,
  OrganizationId UNIQUEIDENTIFIER NOT NULL,
  Hidden BIT NOT NULL,
  Body NVARCHAR(MAX) NULL
)
`;

const withQueries =
  (...queries: string[]): DeclareEstate =>
  (b) =>
    b.sqlScript('db', 'schema.sql', SCHEMA).queries('db', 'Queries.cs', queries);

/** Each query's findings as `line table kind columns`. */
async function gaps(...queries: string[]): Promise<string[]> {
  const { findings } = await runAnalyzer(unindexedQuery, withQueries(...queries));
  return findings.map((f) => `${f.location.line} ${f.data.table} ${f.data.kind} ${f.data.columns.join(',')}`);
}

describe('unindexed-query: a table reached through an indexed join is sought, not scanned', () => {
  it('a filter on the joined table is a residual one, whichever side of the JOIN it is written on', async () => {
    expect(
      await gaps(
        'SELECT O.Name FROM dbo.Member M JOIN dbo.Organization O ON O.Id = M.OrganizationId WHERE M.UserId = @UserId AND O.Enabled = 1',
        'SELECT O.Name FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE M.UserId = @UserId AND O.Enabled = 1',
        'SELECT O.Name FROM dbo.Organization O, dbo.Member M WHERE M.OrganizationId = O.Id AND M.UserId = @UserId AND O.Enabled = 1',
      ),
    ).toEqual([]);
  });

  it('an equality with a parameter passes through a join chain', async () => {
    expect(
      await gaps(
        'SELECT P.Type FROM dbo.Policy P JOIN dbo.Member M ON M.OrganizationId = P.OrganizationId WHERE M.OrganizationId = @OrganizationId AND P.Enabled = 1',
        'SELECT P.Type FROM dbo.Policy P JOIN dbo.Organization O ON O.Id = P.OrganizationId JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE M.OrganizationId = @OrganizationId AND P.Enabled = 1',
      ),
    ).toEqual([]);
  });

  it('the driving table needs a path of its own: a scan there is the one gap, the tables it reaches by index are sought', async () => {
    expect(
      await gaps(
        'SELECT O.Name FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE M.Email = @Email AND O.Enabled = 1',
      ),
    ).toEqual(['1 dbo.member where Email']);
  });

  it('a table joined to a sought one on a column no index leads is scanned for the matches', async () => {
    expect(
      await gaps(
        'SELECT N.Body FROM dbo.AuditNote N JOIN dbo.Organization O ON O.Id = N.OrganizationId WHERE O.Id = @Id',
        'SELECT N.Body FROM dbo.Organization O JOIN dbo.AuditNote N ON N.OrganizationId = O.Id WHERE O.BillingEmail = @Email',
      ),
    ).toEqual([
      // `N.OrganizationId = O.Id AND O.Id = @Id`: AuditNote is filtered on OrganizationId, which no index leads.
      '1 dbo.auditnote where OrganizationId',
      // Scanned for its own filter, Organization still yields few rows: AuditNote is scanned to match them.
      '2 dbo.auditnote join OrganizationId',
      '2 dbo.organization where BillingEmail',
    ]);
  });

  it('joined to a sought table, a table filtered on a flag lacks its join column; filtered on a selective equality, that', async () => {
    expect(
      await gaps(
        'SELECT N.Body FROM dbo.Member M JOIN dbo.AuditNote N ON N.OrganizationId = M.OrganizationId WHERE M.UserId = @UserId AND N.Hidden = 0',
        'SELECT M.Email FROM dbo.AuditNote N JOIN dbo.Member M ON M.Id = N.Id WHERE M.Email = @Email AND M.UserId = N.OrganizationId',
      ),
    ).toEqual(['1 dbo.auditnote join OrganizationId', '2 dbo.member where Email']);
  });

  it('a table nothing restricts is read whole by design, joins included', async () => {
    expect(
      await gaps(
        'SELECT O.Name, N.Body FROM dbo.Organization O JOIN dbo.AuditNote N ON N.OrganizationId = O.Id',
        'SELECT O.Name FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE O.Enabled = 1 OR M.Status = 2',
        // A flag on a table the other side seeks by key is a residual of a read that other side decides: whole, here.
        'SELECT M.Id, O.Name FROM dbo.Member M LEFT JOIN dbo.Organization O ON O.Id = M.OrganizationId AND O.Enabled = 1',
        'SELECT M.Id FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE O.Enabled = 1',
        // Alone, the flag's table is scanned.
        'SELECT Id FROM dbo.Organization WHERE Enabled = 0',
        // A range can narrow a lot: it is no residual, beside an indexed join or not.
        'SELECT O.Name FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE M.Joined >= @since',
      ),
    ).toEqual(['2 dbo.organization where ', '5 dbo.organization where Enabled', '6 dbo.member where Joined']);
  });

  it('an outer join drives only its nullable side, and its ON restricts only that side', async () => {
    expect(
      await gaps(
        'SELECT M.Id FROM dbo.Organization O LEFT JOIN dbo.Member M ON M.OrganizationId = O.Id AND M.Email = @Email WHERE O.Id = @Id',
        // The ON's filter on the preserved side keeps every Organization row: nothing restricts it.
        'SELECT O.Id FROM dbo.Organization O LEFT JOIN dbo.Member M ON M.OrganizationId = O.Id AND O.BillingEmail = @Email',
        // The preserved side is scanned for its own filter; the nullable side is sought from its rows.
        'SELECT O.Id FROM dbo.Organization O LEFT JOIN dbo.Member M ON M.OrganizationId = O.Id WHERE O.BillingEmail = @Email',
        // The nullable side's rows cannot drive the preserved side.
        'SELECT N.Id FROM dbo.AuditNote N LEFT JOIN dbo.Organization O ON O.Id = N.OrganizationId AND O.Id = @Id',
      ),
    ).toEqual(['3 dbo.organization where BillingEmail']);
  });
});

describe('unindexed-query: filtered indexes, catch-alls and ORs', () => {
  it('a `col IS NOT NULL` filtered index serves an equality or a join on the column', async () => {
    expect(
      await gaps(
        'SELECT Id FROM dbo.Member WHERE UserId = @UserId',
        'SELECT M.Id FROM @Users U JOIN dbo.Member M ON M.UserId = U.Id',
        'SELECT M.Id FROM dbo.Organization O JOIN dbo.Member M ON M.UserId = O.Id WHERE O.Id = @Id',
      ),
    ).toEqual([]);
  });

  it('the optional catch-all `(@p IS NULL OR col = @p)` restricts nothing: the mandatory predicates are judged', async () => {
    expect(
      await gaps(
        'SELECT Id FROM dbo.Member WHERE (@UserId IS NULL OR UserId = @UserId) AND Email = @Email',
        'SELECT Id FROM dbo.Member WHERE Type = COALESCE(@Type, Type) AND Email = @Email',
        'SELECT Id FROM dbo.Member WHERE OrganizationId = @OrganizationId AND (@Email IS NULL OR Email = @Email)',
      ),
    ).toEqual(['1 dbo.member where Email', '2 dbo.member where Email']);
  });

  it('a table restricted only by catch-alls scans, indexed or not, unless OPTION (RECOMPILE) plans for the values', async () => {
    const { findings } = await runAnalyzer(
      unindexedQuery,
      withQueries(
        'SELECT Id FROM dbo.Member WHERE (@Email IS NULL OR Email = @Email) AND (@UserId IS NULL OR UserId = @UserId)',
        'SELECT Id FROM dbo.Member WHERE (@UserId IS NULL OR UserId = @UserId) OPTION (RECOMPILE)',
        'SELECT Id FROM dbo.Member WHERE (@Email IS NULL OR Email = @Email) OPTION (RECOMPILE)',
        // Joined to a sought table, the join column is its gap and the catch-all a residual.
        'SELECT N.Body FROM dbo.Member M JOIN dbo.AuditNote N ON N.OrganizationId = M.OrganizationId WHERE M.UserId = @UserId AND (@Hidden IS NULL OR N.Hidden = @Hidden)',
      ),
    );
    expect(findings.map((f) => [f.location.line, f.messageId, f.data.columns, f.data.suggestions])).toEqual([
      [1, 'optionalOnly', ['Email', 'UserId'], []],
      [3, 'unindexed', ['Email'], ['CREATE INDEX [IX_Member_Email] ON [dbo].[Member] ([Email]);']],
      [
        4,
        'unindexed',
        ['OrganizationId'],
        ['CREATE INDEX [IX_AuditNote_OrganizationId] ON [dbo].[AuditNote] ([OrganizationId]);'],
      ],
    ]);
  });

  it('paging over a table restricted only by predicates no index seeks on is a sort gap', async () => {
    expect(
      await gaps(
        'SELECT Id FROM dbo.Organization WHERE Name <> @Name ORDER BY BillingEmail OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY',
        'SELECT Id FROM dbo.Organization WHERE (@Name IS NULL OR Name = @Name) ORDER BY BillingEmail OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY',
        'SELECT TOP 10 Id FROM dbo.Organization WHERE Name <> @Name ORDER BY Id DESC',
        // The first sort column, unqualified among two tables, is the one table's that has it.
        'SELECT TOP 10 O.Id FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id ORDER BY BillingEmail, M.Joined',
        'SELECT TOP 10 O.Id FROM dbo.Organization O JOIN dbo.Member M ON M.OrganizationId = O.Id ORDER BY Id',
      ),
    ).toEqual([
      '1 dbo.organization order-by BillingEmail',
      '2 dbo.organization order-by BillingEmail',
      '4 dbo.organization order-by BillingEmail',
    ]);
  });

  it('an OR whose every branch an index serves — a filtered one under the branch that implies its filter', async () => {
    expect(
      await gaps(
        'SELECT Id FROM dbo.Member WHERE UserId = @UserId OR (OrganizationId = @OrganizationId AND Status = 2)',
        'SELECT Id FROM dbo.Member WHERE (OrganizationId = @A AND Status = 2) OR (OrganizationId = @B AND Status = 0)',
      ),
    ).toEqual([]);
    expect(await gaps('SELECT Id FROM dbo.Member WHERE UserId = @UserId OR Email = @Email')).toEqual([
      '1 dbo.member where Email',
    ]);
  });
});

describe('unindexed-query: where a finding in a routine is', () => {
  it('at the line of the statement that scans', async () => {
    const { findings } = await runAnalyzer(unindexedQuery, (b) =>
      b
        .sqlScript('db', 'schema.sql', SCHEMA)
        .sqlScript(
          'db',
          'Member_ReadByEmail.sql',
          'CREATE PROCEDURE dbo.Member_ReadByEmail @Email NVARCHAR(256)\nAS\nBEGIN\n  SET NOCOUNT ON\n\n  SELECT Id\n  FROM dbo.Member\n  WHERE Email = @Email\nEND',
        ),
    );
    expect(findings.map((f) => [f.location.file, f.location.line, f.data.columns])).toEqual([
      ['Member_ReadByEmail.sql', 6, ['Email']],
    ]);
  });
});
