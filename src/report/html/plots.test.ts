import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/result.js';
import { plotsOf } from './plots.js';

const finding = (ruleId: string, data: Record<string, unknown>, file = 'src/A.cs'): Finding => ({
  id: `${ruleId}:${file}:${JSON.stringify(data)}`,
  ruleId,
  messageId: 'm',
  severity: 'warning',
  message: `${ruleId} finding`,
  location: { repo: 'shop', file },
  data,
});

describe('plotsOf', () => {
  it('plots findings carrying churn and complexity, whichever analyzer made them', () => {
    const { churnComplexity } = plotsOf([
      finding('any-rule', { churn: 120, complexity: 14, loc: 300 }, 'src/Busy.cs'),
      finding('any-rule', { churn: 5 }, 'src/HalfFigures.cs'),
      finding('other', { complexity: 'high', churn: 3 }),
    ]);
    expect(churnComplexity).toEqual([
      { label: 'shop/src/Busy.cs', x: 120, y: 14, size: 300, severity: 'warning', repo: 'shop' },
    ]);
  });

  it('plots packages by years and majors behind', () => {
    const { packageAge } = plotsOf([
      finding('pkg', { name: 'left-pad', current: '1.0.0', latest: '3.1.0', majorsBehind: 2, libyears: 4.5 }),
      finding('pkg', { name: 'fresh', majorsBehind: 0 }),
    ]);
    expect(packageAge).toEqual([{ label: 'left-pad 1.0.0 → 3.1.0', x: 4.5, y: 2, severity: 'warning', repo: 'shop' }]);
  });

  it('counts findings naming a table by table and rule, most named first', () => {
    const { findingsByTable } = plotsOf([
      finding('scan', { table: 'dbo.orders' }, 'a.sql'),
      finding('scan', { table: 'dbo.orders' }, 'b.sql'),
      finding('star', { table: 'dbo.orders' }, 'c.sql'),
      finding('scan', { table: 'dbo.users' }, 'd.sql'),
      finding('scan', { tables: ['dbo.users'] }, 'e.sql'),
    ]);
    expect(findingsByTable).toEqual([
      { label: 'dbo.orders', parts: { scan: 2, star: 1 } },
      { label: 'dbo.users', parts: { scan: 1 } },
    ]);
  });

  it('names tables as the schema writes them', () => {
    const { findingsByTable } = plotsOf(
      [finding('scan', { table: 'dbo.orderlines' })],
      new Map([['dbo.orderlines', 'dbo.OrderLines']]),
    );
    expect(findingsByTable.map((b) => b.label)).toEqual(['dbo.OrderLines']);
  });

  it('plots nothing for findings without figures', () => {
    expect(plotsOf([finding('cycle', { members: ['a', 'b'] })])).toEqual({
      churnComplexity: [],
      packageAge: [],
      findingsByTable: [],
    });
  });
});
