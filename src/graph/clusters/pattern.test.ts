import { describe, expect, it } from 'vitest';
import { compilePattern } from './pattern.js';

describe('pin patterns', () => {
  const matches = (pattern: string, name: string) => compilePattern(pattern).test(name);

  it('match type names across dots and file paths within one folder unless ** is given', () => {
    expect(matches('*.Billing.*', 'Harbor.Billing.Invoice')).toBe(true);
    expect(matches('*.Billing.*', 'Harbor.Billing.Invoice.Status')).toBe(true);
    expect(matches('*.Billing.*', 'Harbor.BillingRules.Tariff')).toBe(false);
    expect(matches('web/src/*.ts', 'web/src/app/main.ts')).toBe(false);
    expect(matches('web/src/**', 'web/src/app/main.ts')).toBe(true);
    expect(matches('**/Program.cs', 'svc/src/Api/Program.cs')).toBe(true);
  });

  it('ignore case, take ? as one character and read every other character literally', () => {
    expect(matches('harbor.common.guard', 'Harbor.Common.Guard')).toBe(true);
    expect(matches('dbo.Invoice?', 'dbo.Invoices')).toBe(true);
    expect(matches('a+b(c)[d]', 'a+b(c)[d]')).toBe(true);
    expect(matches('a+b', 'aab')).toBe(false);
  });
});
