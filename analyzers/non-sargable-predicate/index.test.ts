import nonSargable from './index.js';
import { testAnalyzer } from '../../test/support/analyzerTester.js';
import type { DeclareEstate } from '../../test/support/analyzerTester.js';

const SCHEMA = `CREATE TABLE dbo.Users (Id INT NOT NULL PRIMARY KEY, Code VARCHAR(20) NOT NULL, Email NVARCHAR(200) NULL, CreatedUtc DATETIME2 NOT NULL)`;

/** The schema script, and the queries one per line of db/Queries.cs. */
const withQueries =
  (...queries: string[]): DeclareEstate =>
  (b) =>
    b.sqlScript('db', 'schema.sql', SCHEMA).queries('db', 'Queries.cs', queries);

testAnalyzer(nonSargable, {
  valid: [
    {
      name: 'sargable predicates: trailing wildcard, matching literal types, functions on the value side',
      estate: withQueries(
        "SELECT Id FROM dbo.Users WHERE Email LIKE 'ann%'",
        "SELECT Id FROM dbo.Users WHERE Code = 'A-42'",
        "SELECT Id FROM dbo.Users WHERE Email = N'ann@harbor.example'",
        'SELECT Id FROM dbo.Users WHERE Id = 42 AND CreatedUtc >= DATEADD(day, -1, @now)',
      ),
    },
    {
      name: 'a date cast of the column, which SQL Server seeks on',
      estate: withQueries(
        'SELECT Id FROM dbo.Users WHERE CAST(CreatedUtc AS DATE) = @day',
        'SELECT Id FROM dbo.Users WHERE CONVERT(DATE, CreatedUtc) >= @from',
      ),
    },
    {
      name: 'no conversion is judged on a column whose type no schema gives',
      estate: withQueries('SELECT Id FROM dbo.Accounts WHERE Code = 42'),
    },
  ],
  invalid: [
    {
      name: 'a concatenated leading wildcard, and the COALESCE catch-all around the column',
      estate: withQueries(
        "SELECT Id FROM dbo.Users WHERE Email LIKE '%' + @part + '%'",
        'SELECT Id FROM dbo.Users WHERE Code = COALESCE(@code, Code)',
      ),
      findings: [
        { messageId: 'nonSargable', location: { line: 1 }, data: { reason: 'leading-wildcard', column: 'Email' } },
        { messageId: 'nonSargable', location: { line: 2 }, data: { reason: 'function', column: 'Code' } },
      ],
    },
    {
      name: 'in a stored procedure, at the line of the statement',
      estate: (b) =>
        b
          .sqlScript('db', 'schema.sql', SCHEMA)
          .sqlScript(
            'db',
            'Users_ReadByYear.sql',
            'CREATE PROCEDURE dbo.Users_ReadByYear @year INT\nAS\nBEGIN\n  SET NOCOUNT ON\n  SELECT Id FROM dbo.Users\n  WHERE YEAR(CreatedUtc) = @year\nEND',
          ),
      findings: [{ messageId: 'nonSargable', location: { file: 'Users_ReadByYear.sql', line: 5 } }],
    },
    {
      name: 'a function around a column',
      estate: withQueries('SELECT Id FROM dbo.Users WHERE YEAR(CreatedUtc) = 2024'),
      findings: [
        {
          messageId: 'nonSargable',
          severity: 'warning',
          message:
            '`YEAR(CreatedUtc) = 2024` wraps the column in a function; no index on CreatedUtc can be used for it',
          location: { repo: 'db', file: 'Queries.cs', line: 1, column: 1 },
          data: {
            reason: 'function',
            column: 'CreatedUtc',
            table: 'dbo.users',
            predicate: 'YEAR(CreatedUtc) = 2024',
            query: 'SELECT Id FROM dbo.Users WHERE YEAR(CreatedUtc) = 2024',
          },
        },
      ],
    },
    {
      name: 'ISNULL around a column, a cast to another type, and a date cast outside SQL Server',
      estate: (b) =>
        withQueries(
          'SELECT Id FROM dbo.Users WHERE ISNULL(Email, @none) = @email',
          'SELECT Id FROM dbo.Users WHERE CAST(CreatedUtc AS VARCHAR(10)) = @day',
          'SELECT Id FROM dbo.Users WHERE CONVERT(VARCHAR(10), CreatedUtc, 120) = @day',
        )(b).queries('pg', 'queries.ts', ['SELECT id FROM users WHERE CAST(created_utc AS DATE) = $1'], {
          dialect: 'postgresql',
        }),
      findings: [
        { messageId: 'nonSargable', location: { line: 1 }, data: { reason: 'function', column: 'Email' } },
        { messageId: 'nonSargable', location: { line: 2 }, data: { reason: 'function', column: 'CreatedUtc' } },
        { messageId: 'nonSargable', location: { line: 3 }, data: { reason: 'function', column: 'CreatedUtc' } },
        { messageId: 'nonSargable', location: { repo: 'pg' }, data: { reason: 'function', column: 'created_utc' } },
      ],
    },
    {
      name: 'a leading wildcard',
      estate: withQueries("SELECT Id FROM dbo.Users WHERE Email LIKE '%@harbor.example'"),
      findings: [
        { messageId: 'nonSargable', data: { reason: 'leading-wildcard', column: 'Email', table: 'dbo.users' } },
      ],
    },
    {
      name: 'implicit conversions the literal forces on a varchar column',
      estate: withQueries('SELECT Id FROM dbo.Users WHERE Code = 42', "SELECT Id FROM dbo.Users WHERE Code = N'A-42'"),
      findings: [
        { messageId: 'nonSargable', location: { line: 1 }, data: { reason: 'implicit-conversion', column: 'Code' } },
        { messageId: 'nonSargable', location: { line: 2 }, data: { reason: 'implicit-conversion', column: 'Code' } },
      ],
    },
    {
      name: 'a table no schema defines, named as written',
      estate: withQueries('SELECT Id FROM dbo.AuditLog WHERE YEAR(At) = 2024'),
      findings: [{ messageId: 'nonSargable', data: { reason: 'function', column: 'At', table: 'dbo.AuditLog' } }],
    },
  ],
});
