import { describe, expect, it } from 'vitest';
import unknownTable from './index.js';
import { runAnalyzer } from '../testing.js';
import { sqlModel } from '../sqlTesting.js';

const SCHEMA = 'CREATE TABLE dbo.Users (Id INT NOT NULL PRIMARY KEY)';

describe('unknown-table', () => {
  it('reports each table no schema defines once, however many queries use it', async () => {
    const { findings } = await runAnalyzer(unknownTable, sqlModel(SCHEMA, [
      'SELECT * FROM dbo.AuditLog WHERE Actor = @a',
      'INSERT INTO AuditLog (Actor) VALUES (@a)',
      'SELECT Id FROM dbo.Users',
    ]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'unknown-table',
      severity: 'note',
      location: { file: 'Queries.cs', line: 1 },
      data: { table: 'dbo.auditlog', queries: 2 },
    });
  });

  it('stays silent on defined tables (any quoting or case), views, temp tables, table variables and trigger pseudo-tables', async () => {
    const { findings } = await runAnalyzer(unknownTable, sqlModel(`${SCHEMA}\nGO\nCREATE VIEW [Active Users] AS SELECT Id FROM dbo.Users`, [
      'SELECT * FROM "Active Users"',
      'SELECT Id FROM inserted',
      'SELECT Id FROM [DBO].[USERS]',
      'SELECT Id FROM users',
      'SELECT * FROM #staging',
      'SELECT * FROM @ids',
    ]));
    expect(findings).toEqual([]);
  });
});
