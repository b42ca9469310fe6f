import { describe, expect, it } from 'vitest';
import selectStar from './index.js';
import { runAnalyzer } from '../testing.js';
import { sqlModel } from '../sqlTesting.js';

describe('select-star', () => {
  it('reports SELECT * and t.* as notes', async () => {
    const { findings } = await runAnalyzer(selectStar, sqlModel('', ['SELECT * FROM dbo.Users WHERE Id = 1', 'SELECT u.* FROM dbo.Users u']));
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ ruleId: 'select-star', severity: 'note', location: { file: 'Queries.cs', line: 1 } });
  });

  it('stays silent when columns are listed or * is only counted', async () => {
    const { findings } = await runAnalyzer(selectStar, sqlModel('', ['SELECT Id, Email FROM dbo.Users', 'SELECT COUNT(*) FROM dbo.Users']));
    expect(findings).toEqual([]);
  });
});
