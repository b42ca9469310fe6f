import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../core/check.js';
import { sampleCheckReport } from '../../test/support/sampleCheckReport.js';
import { renderJunit } from './junit.js';

const repos = [{ name: 'billing', path: 'billing' }];
const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml);

describe('JUnit XML', () => {
  it('has a suite per section, a failed case per failing item and a skipped one per ignored item', () => {
    const xml = parse(renderJunit(sampleCheckReport, repos));
    expect(xml.testsuites.failures).toBe('3');
    const [dependencies, cycles, findings] = xml.testsuites.testsuite;
    expect(dependencies.testcase.map((c: { classname: string }) => c.classname)).toEqual([
      'billing-reads-no-identity-tables',
      'new-coupling',
    ]);
    expect(dependencies.testcase[0].failure.type).toBe('billing-reads-no-identity-tables');
    expect(dependencies.testcase[0].file).toBe('billing/src/InvoiceService.cs');
    expect(dependencies.testcase[1].skipped.message).toBe('ignored until 2027-03-31: moving Mailer out this quarter');
    expect(cycles.failures).toBe('1');
    // a warning fails nothing: the case passes
    expect(findings.failures).toBe('0');
    expect(findings.testcase[0].failure).toBeUndefined();
  });

  it('passes a clean check with one case per section, and escapes what XML cannot hold', () => {
    const clean: CheckReport = {
      ...sampleCheckReport,
      couplings: [],
      cycles: [],
      findings: [],
      thresholds: [],
      failed: false,
    };
    const xml = parse(renderJunit(clean, repos));
    expect(xml.testsuites.testsuite.map((s: { testcase: unknown[] }) => s.testcase.length)).toEqual([1, 1, 1, 1]);
    const odd: CheckReport = {
      ...clean,
      couplings: [{ ...sampleCheckReport.couplings[0]!, message: 'a < b & "c"\u0001' }],
    };
    const text = renderJunit(odd, repos);
    expect(text).toContain('name="a &lt; b &amp; &quot;c&quot;"');
    expect(parse(text).testsuites.testsuite[0].testcase[0].name).toBe('a < b & "c"');
  });
});
