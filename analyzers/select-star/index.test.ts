import selectStar from './index.js';
import { testAnalyzer } from '../../test/support/analyzerTester.js';

testAnalyzer(selectStar, {
  valid: [
    {
      name: 'columns listed, or * only counted',
      estate: (b) =>
        b.queries('db', 'Queries.cs', ['SELECT Id, Email FROM dbo.Users', 'SELECT COUNT(*) FROM dbo.Users']),
    },
  ],
  invalid: [
    {
      name: 'SELECT * and t.* as notes, where each query is',
      estate: (b) =>
        b.queries('db', 'Queries.cs', ['SELECT * FROM dbo.Users WHERE Id = 1', 'SELECT u.* FROM dbo.Users u']),
      findings: [
        {
          messageId: 'selectStar',
          severity: 'note',
          message: 'This query selects every column with *: list the columns it uses',
          location: { repo: 'db', file: 'Queries.cs', line: 1, column: 1 },
          data: { query: 'SELECT * FROM dbo.Users WHERE Id = 1', api: 'Dapper.Query' },
        },
        {
          messageId: 'selectStar',
          location: { repo: 'db', file: 'Queries.cs', line: 2 },
          data: { query: 'SELECT u.* FROM dbo.Users u' },
        },
      ],
    },
    {
      name: 'a statement inside a routine, named by its routine',
      estate: (b) => b.sqlScript('db', 'procedures.sql', 'CREATE PROCEDURE dbo.ListUsers AS\nSELECT * FROM dbo.Users'),
      findings: [
        {
          messageId: 'selectStar',
          message: 'procedure dbo.ListUsers selects every column with *: list the columns it uses',
          location: { repo: 'db', file: 'procedures.sql', line: 1 },
          data: {
            query: 'CREATE PROCEDURE dbo.ListUsers AS SELECT * FROM dbo.Users',
            api: 'procedure',
            routine: 'dbo.ListUsers',
          },
        },
      ],
    },
  ],
});
