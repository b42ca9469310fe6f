import { describe, expect, it } from 'vitest';
import { sampleCheckReport, sampleFinding } from '../../test/support/sampleCheckReport.js';
import { renderCheckTable } from './checkTable.js';
import { renderGithubAnnotations } from './github.js';
import { inertStrings, inertText } from './inertText.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

describe('inertText', () => {
  it('shows terminal escapes, line breaks and bidi overrides as text', () => {
    expect(inertText('a\u001b[2Jb')).toBe('a\\x1B[2Jb');
    expect(inertText('one\ntwo\rthree\tfour')).toBe('one\\ntwo\\rthree\\tfour');
    expect(inertText('\u009b31m\u0007\u007f')).toBe('\\x9B31m\\x07\\x7F');
    expect(inertText('txt.\u202Egpj.exe')).toBe('txt.\\u202Egpj.exe');
  });

  it('leaves ordinary text, Unicode included, as it is', () => {
    expect(inertText('src/Grüße/<b>Ok</b>.cs — 東京')).toBe('src/Grüße/<b>Ok</b>.cs — 東京');
  });
});

describe('inertStrings', () => {
  it('copies only what changed, keys included', () => {
    const clean = { repos: [{ name: 'billing' }], stats: { files: 3 } };
    expect(inertStrings(clean)).toBe(clean);
    const dirty = { repos: [{ name: 'bill\u001bing' }, { name: 'ok' }], stats: { files: 3 }, byName: { 'a\nb': 1 } };
    const safe = inertStrings(dirty);
    expect(safe).toEqual({
      repos: [{ name: 'bill\\x1Bing' }, { name: 'ok' }],
      stats: { files: 3 },
      byName: { 'a\\nb': 1 },
    });
    expect(safe.repos[1]).toBe(dirty.repos[1]);
    expect(safe.stats).toBe(dirty.stats);
    expect(dirty.repos[0]!.name).toBe('bill\u001bing'); // the input is not changed
  });
});

describe('terminal reporters', () => {
  const hostile = {
    ...sampleCheckReport,
    findings: [
      {
        rule: 'unindexed-query',
        severity: 'warning' as const,
        finding: {
          ...sampleFinding,
          message: 'reads \u001b]0;owned\u0007 dbo.Invoices\r',
          location: { repo: 'bill\u001b[2Jing', file: 'src/\u001b[31mred\nfile.cs', line: 3 },
        },
      },
    ],
  };

  it('print no control character taken from scanned names or messages', () => {
    const table = renderCheckTable(hostile, { color: false });
    expect(table).toContain('\\x1B[31mred\\nfile.cs');
    expect(table).not.toMatch(CONTROL);
    const annotations = renderGithubAnnotations(hostile, [{ name: 'bill\u001b[2Jing', path: 'b' }]);
    expect(annotations).not.toMatch(CONTROL);
  });
});
