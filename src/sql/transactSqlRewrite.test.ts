import { describe, expect, it } from 'vitest';
import { analyzeQuery } from './analyzeQuery.js';
import { extractSqlScript } from './sqlScript.js';
import { neutraliseParameters, parseSql } from './sqlParser.js';
import { rewriteTransactSql } from './transactSqlRewrite.js';

const origin = { dialect: 'transactsql' as const, api: 'test', line: 1, column: 1, dynamic: false };

describe('rewriteTransactSql', () => {
  it('leaves DELETE FROM across a line break alone (no DELETE FROM FROM)', () => {
    expect(rewriteTransactSql('DELETE\n    FROM dbo.T WHERE Id = @id')).toBe('DELETE\n    FROM dbo.T WHERE Id = @id');
    expect(rewriteTransactSql('DELETE\r\n\tdbo.T WHERE Id = @id')).toBe('DELETE\r\n\tFROM dbo.T WHERE Id = @id');
  });

  it('drops TOP from DELETE/UPDATE, keeps the alias form DELETE a FROM t a, and turns SELECT TOP (@n) into TOP 100', () => {
    expect(rewriteTransactSql('DELETE TOP(@BatchSize) FROM dbo.T WHERE Id = @id')).toBe(
      'DELETE FROM dbo.T WHERE Id = @id',
    );
    expect(rewriteTransactSql('DELETE TOP (10) PERCENT dbo.T')).toBe('DELETE FROM dbo.T');
    expect(rewriteTransactSql('UPDATE TOP (5) dbo.T SET A = 1')).toBe('UPDATE dbo.T SET A = 1');
    expect(rewriteTransactSql('DELETE CU FROM dbo.CollectionUser CU WHERE CU.Id = @id')).toBe(
      'DELETE CU FROM dbo.CollectionUser CU WHERE CU.Id = @id',
    );
    expect(rewriteTransactSql('SELECT TOP (@n) Id FROM dbo.T')).toBe('SELECT TOP 100 Id FROM dbo.T');
  });

  it('reads SELECT … INTO t as INSERT INTO t SELECT …: t written, the sources read with their predicates', () => {
    expect(rewriteTransactSql('SELECT Id, Name INTO dbo.Snapshot FROM dbo.Users WHERE Active = 1')).toBe(
      'INSERT INTO dbo.Snapshot SELECT Id, Name  FROM dbo.Users WHERE Active = 1',
    );
    expect(rewriteTransactSql('SELECT Id FROM dbo.Users WHERE Id IN (SELECT UserId INTO x FROM y)')).toBe(
      'SELECT Id FROM dbo.Users WHERE Id IN (SELECT UserId INTO x FROM y)',
    );
    const { query, problems } = analyzeQuery('SELECT Id INTO #active FROM dbo.Users WHERE Active = @a', origin);
    expect(problems).toEqual([]);
    const accesses = query.blocks.flatMap((b) => b.accesses.map((a) => [a.table.name, a.mode]));
    expect(accesses).toEqual(
      expect.arrayContaining([
        ['#active', 'write'],
        ['Users', 'read'],
      ]),
    );
    expect(query.blocks.some((b) => b.where)).toBe(true);
  });

  it('drops the WITH schema of OPENJSON and OPENXML rowsets, nested or joined, and keeps table hints', () => {
    expect(
      rewriteTransactSql(
        "SELECT C.* FROM dbo.Cohort C INNER JOIN OPENJSON(@json) WITH ([Name] NVARCHAR(255) '$.Name') N ON C.Name = N.Name",
      ),
    ).toBe('SELECT C.* FROM dbo.Cohort C INNER JOIN OPENJSON(@json)  N ON C.Name = N.Name');
    expect(
      rewriteTransactSql(
        "SELECT Id FROM dbo.T WITH (NOLOCK) WHERE Id IN (SELECT Id FROM OPENJSON(@ids) WITH (Id INT '$'))",
      ),
    ).toBe('SELECT Id FROM dbo.T WITH (NOLOCK) WHERE Id IN (SELECT Id FROM OPENJSON(@ids) )');
    const { query, problems } = analyzeQuery(
      "UPDATE D SET D.Key = J.k FROM dbo.Device D INNER JOIN OPENJSON(@creds) WITH (id UNIQUEIDENTIFIER, k NVARCHAR(MAX) '$.key') J ON D.Id = J.id WHERE D.UserId = @u",
      origin,
    );
    expect(problems).toEqual([]);
    expect(query.blocks.flatMap((b) => b.accesses.map((a) => [a.table.name, a.mode]))).toContainEqual([
      'Device',
      'write',
    ]);
  });

  it('unbrackets CTE names, whose brackets the grammar rejects before a UNION body, and nothing else', () => {
    const text =
      'WITH [Affected] AS (SELECT g.Id FROM @Groups g UNION SELECT CG.GroupId FROM dbo.CollectionGroup CG WHERE CG.CollectionId = @Id), [Other Name] AS (SELECT 1 AS [x]) SELECT [Id] FROM [Affected]';
    expect(rewriteTransactSql(text)).toBe(
      'WITH Affected AS (SELECT g.Id FROM @Groups g UNION SELECT CG.GroupId FROM dbo.CollectionGroup CG WHERE CG.CollectionId = @Id), [Other Name] AS (SELECT 1 AS [x]) SELECT [Id] FROM [Affected]',
    );
    const { query, problems } = analyzeQuery(
      'WITH [Affected] AS (SELECT g.Id FROM @Groups g UNION SELECT CG.GroupId FROM dbo.CollectionGroup CG WHERE CG.CollectionId = @Id) SELECT G.Name FROM dbo.[Group] G WHERE G.Id IN (SELECT Id FROM [Affected])',
      origin,
    );
    expect(problems).toEqual([]);
    expect(query.blocks.flatMap((b) => b.accesses.map((a) => a.table.name)).sort()).toEqual([
      '@Groups',
      'CollectionGroup',
      'Group',
    ]);
  });

  it('wraps a concatenated LIKE pattern, which the grammar reads only in parentheses, and parses it', () => {
    expect(rewriteTransactSql("SELECT Id FROM dbo.T WHERE Name LIKE '%' + @name + '%' AND Id > 0")).toBe(
      "SELECT Id FROM dbo.T WHERE Name LIKE ('%' + @name + '%') AND Id > 0",
    );
    expect(rewriteTransactSql("SELECT Id FROM dbo.T WHERE (Name NOT LIKE @prefix + '%')")).toBe(
      "SELECT Id FROM dbo.T WHERE (Name NOT LIKE (@prefix + '%'))",
    );
    expect(rewriteTransactSql("SELECT Id FROM dbo.T WHERE Name LIKE @pattern ESCAPE '!'")).toBe(
      "SELECT Id FROM dbo.T WHERE Name LIKE @pattern ESCAPE '!'",
    );
    expect(
      parseSql(
        neutraliseParameters("SELECT Id FROM dbo.T WHERE Name LIKE '%' + @name + '%'", 'transactsql'),
        'transactsql',
      ).ok,
    ).toBe(true);
  });

  it('drops OUTPUT clauses (also OUTPUT … INTO @t) and a trailing OPTION (…)', () => {
    expect(rewriteTransactSql('UPDATE dbo.T SET A = 1 OUTPUT inserted.Id INTO @out WHERE Id = 1')).toBe(
      'UPDATE dbo.T SET A = 1 WHERE Id = 1',
    );
    expect(rewriteTransactSql('INSERT dbo.T (A) OUTPUT inserted.Id VALUES (1)')).toBe(
      'INSERT INTO dbo.T (A) VALUES (1)',
    );
    expect(rewriteTransactSql('SELECT Id FROM dbo.T OPTION (MAXDOP 1, RECOMPILE)')).toBe('SELECT Id FROM dbo.T ');
  });
});

describe('T-SQL statements the rewrite makes parse', () => {
  it.each([
    'DELETE\n    FROM [dbo].[Send]\n    WHERE [Id] = @Id',
    'DELETE TOP(@BatchSize) FROM [dbo].[Event] WHERE [Date] < @before',
    'DELETE CU FROM [dbo].[CollectionUser] CU INNER JOIN @Ids I ON I.[Id] = CU.[UserId]',
    'UPDATE U SET U.[Name] = @name FROM [dbo].[User] U WITH (NOLOCK) WHERE U.[Id] = @id',
    'SELECT [Id] FROM [dbo].[User] ORDER BY [Id] OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY',
    'UPDATE [dbo].[User] SET [Name] = @name OUTPUT inserted.[Id] INTO @changed WHERE [Id] = @id',
  ])('%s', (text) => {
    const { query, problems } = analyzeQuery(text, origin);
    expect(problems).toEqual([]);
    expect(query.parsed).toBe(true);
    expect(query.blocks.flatMap((b) => b.accesses.map((a) => a.table.name))).toContain(
      /\[dbo\]\.\[(\w+)\]/.exec(text)![1],
    );
  });
});

describe('referential actions and MERGE branches are no tables', () => {
  it('keeps ON DELETE CASCADE / ON UPDATE NO ACTION inside the ALTER TABLE and sniffs no CASCADE, NO or WHEN', async () => {
    const { splitStatements } = await import('./statements.js');
    const { sniffTables } = await import('./sniff.js');
    const statements = splitStatements(
      'ALTER TABLE "Order" ADD CONSTRAINT "fk" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE NO ACTION;\nSELECT 1',
    );
    expect(statements.map((s) => s.keyword)).toEqual(['ALTER', 'SELECT']);
    // A session option ending in ON is no referential action: the DELETE after it is its own statement.
    const body = splitStatements(
      'SET NOCOUNT ON\n\nDELETE\nFROM\n  [dbo].[OrganizationDomain]\nWHERE\n  [OrganizationId] = @OrganizationId\nSET XACT_ABORT ON\nUPDATE [dbo].[User] SET [RevisionDate] = GETUTCDATE()',
    );
    expect(body.map((s) => s.keyword)).toEqual(['SET', 'DELETE', 'SET', 'UPDATE']);
    const merge = splitStatements(
      'MERGE dbo.T AS t USING @src AS s ON t.Id = s.Id WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT (Id) VALUES (s.Id);',
    )[0]!;
    expect(sniffTables(merge.tokens).map((a) => a.table.name)).toEqual(['T']);
  });
});

describe('CTEs ahead of a write', () => {
  it('reads WITH c (Id) AS (…) UPDATE … FROM t JOIN c: the CTE body and the write, never the CTE as a table', () => {
    const { query, problems } = analyzeQuery(
      `WITH [Affected] ([Id]) AS (
         SELECT CG.[CollectionId] FROM [dbo].[CollectionGroup] CG WHERE CG.[GroupId] = @Id
       )
       UPDATE C SET C.[RevisionDate] = @now
       FROM [dbo].[Collection] C INNER JOIN [Affected] A ON A.[Id] = C.[Id]`,
      origin,
    );
    expect(problems).toEqual([]);
    expect(query.parsed).toBe(true);
    const accesses = query.blocks.flatMap((b) => b.accesses.map((a) => `${a.table.name}:${a.mode}`));
    expect(accesses.sort()).toEqual(['Collection:write', 'CollectionGroup:read']);
  });
});

describe('a view whose body starts with a CTE', () => {
  it('keeps WITH c AS (…) SELECT … FROM c in one statement, so the CTE is never a table', () => {
    const { facts } = extractSqlScript(
      'CREATE VIEW [dbo].[LatestRequestView]\nAS\n  WITH\n    Latest\n    AS\n    (\n      SELECT [R].*, ROW_NUMBER() OVER (PARTITION BY [R].[UserId] ORDER BY [R].[CreationDate] DESC) AS [rn]\n      FROM [dbo].[Request] [R]\n    )\n  SELECT [L].[Id] FROM [Latest] [L] WHERE [L].[rn] = 1',
    );
    const names = facts.queries.flatMap((q) => q.blocks.flatMap((b) => b.accesses.map((a) => a.table.name)));
    expect(names).toEqual(['Request']);
  });
});
