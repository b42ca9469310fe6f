import { describe, expect, it } from 'vitest';
import { analyzeQuery, MAX_PARSED_STATEMENT } from './analyzeQuery.js';
import { extractSqlScript } from './sqlScript.js';
import { tokenize } from './lexer.js';
import { sniffTables } from './sniff.js';
import { MAX_STATEMENT_TOKENS, splitBatches, splitStatements } from './statements.js';

describe('splitting scripts', () => {
  it('splits batches on GO lines (with a count) but not on GO inside words', () => {
    const batches = splitBatches('SELECT 1\nGO\nSELECT GOAL FROM t\n  go 2\nSELECT 3');
    expect(batches.map((b) => [b.line, b.text.trim()])).toEqual([
      [1, 'SELECT 1'],
      [3, 'SELECT GOAL FROM t'],
      [5, 'SELECT 3'],
    ]);
  });

  it('ends statements where the next visibly starts, keeping INSERT…SELECT, CASE…END, UPDATE…SET whole', () => {
    const statements = splitStatements(`
      SET NOCOUNT ON
      INSERT INTO a (x) SELECT x FROM b WHERE y = 1
      UPDATE a SET x = CASE WHEN x > 1 THEN 2 ELSE 3 END WHERE id = @id
      IF @x = 1 SELECT 1 FROM c ELSE DELETE FROM c WHERE id = 2
      ;WITH t AS (SELECT id FROM d) SELECT * FROM t UNION ALL SELECT id FROM e`);
    expect(statements.map((s) => s.keyword)).toEqual([
      'SET',
      'INSERT',
      'UPDATE',
      'IF',
      'SELECT',
      'ELSE',
      'DELETE',
      'WITH',
    ]);
    expect(statements[2]!.text).toBe('UPDATE a SET x = CASE WHEN x > 1 THEN 2 ELSE 3 END WHERE id = @id');
  });
  it('ends a CTE-led UPDATE where the next UPDATE starts, even after a parenthesised predicate', () => {
    const statements = splitStatements(`
      ;WITH changed AS (SELECT Id FROM @ids UNION SELECT CollectionId FROM dbo.CollectionUser)
      UPDATE c SET c.RevisionDate = @now FROM dbo.Collection c WHERE c.Id IN (SELECT Id FROM changed)
      UPDATE [Target] SET [Target].ReadOnly = 1 FROM dbo.CollectionUser AS [Target] WHERE [Target].UserId = @id`);
    expect(statements.map((s) => s.keyword)).toEqual(['WITH', 'UPDATE']);
    const insert = splitStatements(`
      ;WITH available AS (SELECT Id FROM dbo.OrganizationUser WHERE OrganizationId = @org)
      INSERT INTO dbo.CollectionUser (CollectionId, OrganizationUserId)
      SELECT @id, Id FROM @users WHERE Id IN (SELECT Id FROM available)
      EXEC dbo.BumpRevision @org`);
    expect(insert.map((s) => s.keyword)).toEqual(['WITH', 'EXEC']);
    const execInsert = splitStatements('INSERT INTO @rows EXEC dbo.ReadRows @id\nSELECT * FROM @rows r');
    expect(execInsert.map((s) => s.text)).toEqual(['INSERT INTO @rows EXEC dbo.ReadRows @id', 'SELECT * FROM @rows r']);
    const sniffed = sniffTables(statements[1]!.tokens).map((a) => [a.table.name, a.mode]);
    expect(sniffed).toEqual([['CollectionUser', 'write']]);
  });
});

describe('extractSqlScript', () => {
  it('starts a procedure body after its options, not at a parameter declared with AS', () => {
    const { facts, problems } = extractSqlScript(
      'CREATE PROCEDURE dbo.Cipher_DeleteById\n  @Id UNIQUEIDENTIFIER,\n  @Permanent AS BIT\nWITH RECOMPILE\nAS\nBEGIN\n  DELETE FROM dbo.Cipher WHERE Id = @Id\nEND',
    );
    expect(problems).toEqual([]);
    expect(facts.queries[0]!.blocks.flatMap((b) => b.accesses.map((a) => a.table.name))).toEqual(['Cipher']);
  });

  it('reads T-SQL tables with named inline constraints, filtered covering indexes and ALTER TABLE keys', () => {
    const { facts, problems } = extractSqlScript(`
CREATE TABLE [dbo].[Orders] (
  [Id] INT IDENTITY(1,1) NOT NULL CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED,
  [Code] VARCHAR(20) NOT NULL CONSTRAINT [DF_Code] DEFAULT (''),
  [CustomerId] INT NOT NULL,
  CONSTRAINT [UQ_Orders_Code] UNIQUE NONCLUSTERED ([Code] ASC),
  INDEX [IX_Orders_Customer] NONCLUSTERED ([CustomerId])
) ON [PRIMARY]
GO
CREATE UNIQUE NONCLUSTERED INDEX [IX_Live] ON [dbo].[Orders] ([CustomerId], [Code] DESC) INCLUDE ([Id]) WHERE ([Deleted] = (0)) WITH (ONLINE = ON) ON [PRIMARY]
GO
ALTER TABLE dbo.Lines ADD CONSTRAINT PK_Lines PRIMARY KEY (OrderId, LineNo)
GO
CREATE EXTERNAL TABLE dbo.Stats (CityId INT NOT NULL) WITH (LOCATION = '/stats/', DATA_SOURCE = Lake, FILE_FORMAT = Csv)`);
    expect(
      facts.tables.map((t) => [
        t.table.name,
        t.declares,
        t.indexes.map((i) => [i.kind, i.name, i.columns, i.include, i.filter ?? null]),
      ]),
    ).toEqual([
      [
        'Orders',
        true,
        [
          ['primary-key', 'PK_Orders', ['Id'], [], null],
          ['unique', 'UQ_Orders_Code', ['Code'], [], null],
          ['index', 'IX_Orders_Customer', ['CustomerId'], [], null],
        ],
      ],
      ['Orders', false, [['unique', 'IX_Live', ['CustomerId', 'Code'], ['Id'], '([Deleted] = (0))']]],
      ['Lines', false, [['primary-key', 'PK_Lines', ['OrderId', 'LineNo'], [], null]]],
      ['Stats', true, []],
    ]);
    expect(facts.tables[0]!.columns).toEqual([
      { name: 'Id', type: 'int' },
      { name: 'Code', type: 'varchar' },
      { name: 'CustomerId', type: 'int' },
    ]);
    expect(facts.tables[1]!.indexes[0]!.filterLeaves).toEqual([{ column: 'Deleted', op: 'eq', value: '0' }]);
    expect(problems.map((p) => p.code)).toEqual(['sql-ddl-fallback']);
  });

  it('keys a table constraint on its own columns when the comma before it is missing', () => {
    const { facts } = extractSqlScript(`CREATE TABLE [dbo].[Domain] (
    [Id]          UNIQUEIDENTIFIER NOT NULL,
    [Name]        NVARCHAR (255)   NOT NULL,
    [RunCount]    TINYINT          NOT NULL
    CONSTRAINT [PK_Domain] PRIMARY KEY CLUSTERED ([Id] ASC),
    [Code]        INT              NOT NULL UNIQUE
);`);
    expect(facts.tables[0]!.indexes).toEqual([
      { kind: 'primary-key', columns: ['Id'], include: [], name: 'PK_Domain' },
      { kind: 'unique', columns: ['Code'], include: [] },
    ]);
    expect(facts.tables[0]!.columns.map((c) => c.name)).toEqual(['Id', 'Name', 'RunCount', 'Code']);
  });

  it('reads PostgreSQL and MySQL DDL', () => {
    const pg = extractSqlScript(`CREATE TABLE accounts (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_created ON public.accounts USING btree (created_at) WHERE deleted_at IS NULL;`);
    expect(pg.facts.tables.map((t) => t.indexes.map((i) => [i.kind, i.columns]))).toEqual([
      [
        ['primary-key', ['id']],
        ['unique', ['email']],
      ],
      [['index', ['created_at']]],
    ]);
    expect(pg.facts.tables[1]!.indexes[0]!.filterLeaves).toEqual([{ column: 'deleted_at', op: 'null', value: 'NULL' }]);
    const mysql = extractSqlScript(
      'CREATE TABLE `users` (`id` INT NOT NULL AUTO_INCREMENT, `email` VARCHAR(200), PRIMARY KEY (`id`), UNIQUE KEY `ux_email` (`email`), KEY `ix_name` (`name`)) ENGINE=InnoDB;',
    );
    expect(mysql.facts.tables[0]!.indexes.map((i) => [i.kind, i.columns])).toEqual([
      ['primary-key', ['id']],
      ['unique', ['email']],
      ['index', ['name']],
    ]);
  });

  it('turns procedures, views, inline functions and triggers into one query each', () => {
    const { facts } = extractSqlScript(`CREATE OR ALTER PROCEDURE dbo.P @id INT AS
BEGIN
  SELECT Name FROM dbo.A WHERE Id = @id
  UPDATE dbo.B SET X = 1 WHERE AId = @id
END
GO
CREATE VIEW dbo.V AS SELECT a.Id FROM dbo.A a JOIN dbo.B b ON b.AId = a.Id
GO
CREATE FUNCTION dbo.F (@c INT) RETURNS TABLE AS RETURN (SELECT Id FROM dbo.C WHERE Cat = @c)
GO
CREATE TRIGGER dbo.T ON dbo.A AFTER INSERT, UPDATE AS BEGIN INSERT INTO dbo.Audit (Id) SELECT Id FROM inserted END`);
    expect(facts.routines.map((r) => [r.kind, r.name.name, r.line])).toEqual([
      ['procedure', 'P', 1],
      ['view', 'V', 7],
      ['function', 'F', 9],
      ['trigger', 'T', 11],
    ]);
    expect(
      facts.queries.map((q) => [
        q.api,
        q.routine,
        q.blocks.flatMap((b) => b.accesses.map((a) => `${a.mode}:${a.table.name}`)),
      ]),
    ).toEqual([
      ['procedure', 'dbo.P', ['read:A', 'write:B']],
      ['view', 'dbo.V', ['read:A', 'read:B']],
      ['function', 'dbo.F', ['read:C']],
      ['trigger', 'dbo.T', ['write:Audit', 'read:inserted']],
    ]);
  });
});

describe('analyzeQuery on bad input', () => {
  it('keeps the tables of an unparsable statement and says so with the text', () => {
    const { query, problems } = analyzeQuery(
      'SELECT TOP (1) WITH TIES x FROM dbo.Weird PIVOT (SUM(a) FOR b IN ([1])) p',
      { dialect: 'transactsql', api: 'x', line: 7, column: 3, dynamic: false },
    );
    expect(query.parsed).toBe(false);
    expect(query.blocks[0]!.accesses.map((a) => a.table.name)).toEqual(['Weird']);
    expect(problems[0]).toMatchObject({ code: 'sql-unparsable', severity: 'warning', line: 7 });
    expect(problems[0]!.message).toContain('dbo.Weird');
  });

  it('never parses an oversized statement', () => {
    const huge = `SELECT a FROM dbo.Big WHERE a IN (${Array.from({ length: MAX_PARSED_STATEMENT / 4 }, (_, i) => i).join(',')})`;
    const started = performance.now();
    const { query, problems } = analyzeQuery(huge, {
      dialect: 'transactsql',
      api: 'x',
      line: 1,
      column: 1,
      dynamic: false,
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(query.parsed).toBe(false);
    expect(query.blocks[0]!.accesses[0]!.table.name).toBe('Big');
    expect(problems[0]!.code).toBe('sql-statement-too-large');
  });

  it('parses parameters of every driver and run-time holes', () => {
    for (const [text, dialect] of [
      ['SELECT * FROM users WHERE id = $1 AND org = :org', 'postgresql'],
      ['SELECT * FROM users WHERE id = ? AND org = ?', 'mysql'],
      ['SELECT * FROM users WHERE id = ? AND org = @org', 'transactsql'],
      ['SELECT * FROM users WHERE id = {…}', 'transactsql'],
    ] as const) {
      const { query } = analyzeQuery(text, { dialect, api: 'x', line: 1, column: 1, dynamic: true });
      expect(query.parsed, text).toBe(true);
      expect(query.blocks[0]!.where, text).toMatchObject({ kind: expect.any(String) });
    }
  });
});

describe('sniffing unparsable statements', () => {
  it('leaves out aliases and CTE names', () => {
    const tokens = tokenize(
      ';WITH Pending AS (SELECT Id FROM Sales.Orders WHERE x = 1) UPDATE o SET o.Flag = 1 FROM Sales.Orders AS o JOIN Pending p ON p.Id = o.Id CROSS APPLY OPENJSON(@j) WITH (a int) AS j',
    );
    expect(sniffTables(tokens).map((a) => `${a.mode}:${a.table.schema ?? ''}.${a.table.name}`)).toEqual([
      'write:Sales.Orders',
    ]);
  });
});

describe('a statement of millions of tokens', () => {
  const rows = 60_000; // about 360,000 tokens
  const insert = `INSERT INTO dbo.Orders (Id, Name) VALUES ${"(1,'a'),".repeat(rows)}(2,'b');\nSELECT Id FROM dbo.Customers;\n`;

  it('keeps its first tokens and its end, and the statements after it whole', () => {
    const statements = splitStatements(insert);
    expect(statements.map((s) => s.keyword)).toEqual(['INSERT', 'SELECT']);
    const [big, next] = statements;
    expect(big!.tokens).toHaveLength(MAX_STATEMENT_TOKENS);
    expect(big!.omittedTokens).toBe(rows * 6 + 16 - MAX_STATEMENT_TOKENS);
    expect(big!.text.endsWith("(2,'b')")).toBe(true);
    expect(next!.tokens.map((t) => t.text)).toEqual(['SELECT', 'Id', 'FROM', 'dbo', '.', 'Customers']);
  });

  it('says so in one info, once per statement, and still reads the script', () => {
    const { facts, problems } = extractSqlScript(insert);
    expect(problems).toMatchObject([{ code: 'sql-statement-too-large', severity: 'info', line: 1 }]);
    expect(facts.queries.map((q) => q.line)).toEqual([2]);
  });

  it('is silent for statements under the cap', () => {
    const small = splitStatements('INSERT INTO dbo.Orders (Id) VALUES (1),(2);');
    expect(small[0]!.omittedTokens).toBeUndefined();
    expect(extractSqlScript('INSERT INTO dbo.Orders (Id) VALUES (1),(2);').problems).toEqual([]);
  });
});
