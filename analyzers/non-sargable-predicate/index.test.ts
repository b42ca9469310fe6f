import { describe, expect, it } from 'vitest';
import nonSargable from './index.js';
import { runAnalyzer } from '../testing.js';
import { sqlModel } from '../sqlTesting.js';

const SCHEMA = `CREATE TABLE dbo.Users (Id INT NOT NULL PRIMARY KEY, Code VARCHAR(20) NOT NULL, Email NVARCHAR(200) NULL, CreatedUtc DATETIME2 NOT NULL)`;

async function findings(...queries: string[]) {
  return (await runAnalyzer(nonSargable, sqlModel(SCHEMA, queries))).findings;
}

describe('non-sargable-predicate', () => {
  it('reports a function around a column', async () => {
    const found = await findings('SELECT Id FROM dbo.Users WHERE YEAR(CreatedUtc) = 2024');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'non-sargable-predicate', data: { reason: 'function', column: 'CreatedUtc', table: 'dbo.users' } });
  });

  it('reports a leading wildcard', async () => {
    const found = await findings("SELECT Id FROM dbo.Users WHERE Email LIKE '%@harbor.example'");
    expect(found).toHaveLength(1);
    expect(found[0]!.data).toMatchObject({ reason: 'leading-wildcard', column: 'Email' });
  });

  it('reports implicit conversions the literal forces on a varchar column', async () => {
    const found = await findings('SELECT Id FROM dbo.Users WHERE Code = 42', "SELECT Id FROM dbo.Users WHERE Code = N'A-42'");
    expect(found.map((f) => f.data.reason)).toEqual(['implicit-conversion', 'implicit-conversion']);
  });

  it('stays silent on sargable predicates', async () => {
    expect(await findings(
      "SELECT Id FROM dbo.Users WHERE Email LIKE 'ann%'",
      "SELECT Id FROM dbo.Users WHERE Code = 'A-42'",
      "SELECT Id FROM dbo.Users WHERE Email = N'ann@harbor.example'",
      'SELECT Id FROM dbo.Users WHERE Id = 42 AND CreatedUtc >= DATEADD(day, -1, @now)',
    )).toEqual([]);
  });
});
