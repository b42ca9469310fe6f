import { describe, expect, it } from 'vitest';
import { assertInlineSafe, cspHash, scriptSafeJson } from './embed.js';

describe('scriptSafeJson', () => {
  const hostile = {
    sql: "SELECT 1 WHERE x = '</script><script>alert(1)</script>'",
    file: '<img src=x onerror=alert(1)>.ts',
    comment: '<!-- a & b -->',
    separators: 'a\u2028b\u2029c',
  };

  it('leaves no character that could end the script element or open a comment', () => {
    const text = scriptSafeJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });

  it('reads back unchanged', () => {
    expect(JSON.parse(scriptSafeJson(hostile))).toEqual(hostile);
  });
});

describe('inline code', () => {
  it('is refused when it holds a closing tag or a comment opener', () => {
    expect(() => assertInlineSafe('script', 'var a = "</script>";')).toThrow(/<\/script/);
    expect(() => assertInlineSafe('style', 'a{} </STYLE>')).toThrow();
    expect(() => assertInlineSafe('script', 'var a = 1 <!-- 2;')).toThrow();
  });

  it('passes ordinary bundles', () => {
    expect(() => assertInlineSafe('script', 'if (a < b) c();')).not.toThrow();
  });

  it('is allowed by the hash of its exact text', () => {
    expect(cspHash('console.log(1)')).toBe("'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='");
    expect(cspHash('console.log(2)')).not.toBe(cspHash('console.log(1)'));
  });
});
