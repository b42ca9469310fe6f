import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpFileFacts } from '../../core/facts.js';
import { extractCSharp, loadCSharpParser, type CSharpParser } from './extractCSharp.js';
import { countCodeLines } from './lineCounts.js';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await loadCSharpParser();
});

function extract(text: string): CSharpFileFacts {
  const outcome = extractCSharp(parser, text);
  if (!outcome.facts) throw new Error(JSON.stringify(outcome.problems));
  return outcome.facts;
}

describe('countCodeLines', () => {
  it('counts lines with code outside comments', () => {
    const text = [
      'a();',
      '',
      '  // only a comment',
      'b(); // trailing',
      '/* block',
      '   still */',
      '/* x */ c();',
      '   ',
    ].join('\n');
    const comments = [text.indexOf('//'), text.indexOf(' only a comment') + ' only a comment'.length];
    const trailing = text.indexOf('// trailing');
    comments.push(trailing, trailing + '// trailing'.length);
    const block = text.indexOf('/* block');
    comments.push(block, text.indexOf('still */') + 'still */'.length);
    const inline = text.indexOf('/* x */');
    comments.push(inline, inline + '/* x */'.length);
    const lines = countCodeLines(text, comments);
    expect(lines.total).toBe(3);
    expect(lines.between(1, 1)).toBe(1);
    expect(lines.between(2, 6)).toBe(1);
    expect(lines.between(5, 8)).toBe(1);
    expect(lines.between(9, 20)).toBe(0);
  });
});

describe('loc', () => {
  it('skips blank and comment-only lines but not strings that look like comments', () => {
    const file = extract(`/// <summary>Doc</summary>
public class Links
{
    // comment

    /* block
       comment */
    private string url = "http://example.com"; // trailing
    private string verbatim = @"
// not a comment
";
#region Fields
    int x;
#endregion
}
`);
    // Lines 2, 3, 8, 9, 10, 11, 12, 13, 14, 15 — preprocessor lines count as code.
    expect(file.loc).toBe(10);
    expect(file.types[0]?.loc).toBe(10);
  });

  it('counts nested type lines in the outer type too', () => {
    const file = extract(`class Outer
{
    class Inner
    {
        int a;
    }
}`);
    expect(file.types.map((t) => [t.name, t.loc])).toEqual([
      ['Outer', 7],
      ['Inner', 4],
    ]);
  });
});

describe('complexity', () => {
  it('counts branches, loops, case labels, catch, ternaries and logical operators', () => {
    const file = extract(`class C {
  int M(int x, string s, object o) {
    if (x > 0 && s != null || o == null) { }         // if, &&, ||        = 3
    else if (x < 0) { }                              // if                = 1
    while (x-- > 0) { }                              // while             = 1
    do { } while (false);                            // do                = 1
    for (var i = 0; i < 3; i++) { }                  // for               = 1
    foreach (var c in s) { }                         // foreach           = 1
    switch (x) { case 1: case 2: break; default: break; } // 2 case labels = 2
    try { } catch (Exception) { } catch { } finally { }   // 2 catch      = 2
    var y = x > 1 ? 1 : 2;                           // ?:                = 1
    var z = s ?? "";                                 // ??                = 1
    var n = s?.Length;                               // ?. is not counted
    return o switch { int => 1, string => 2, _ => 0 };    // 2 arms, not _ = 2
  }
}`);
    expect(file.types[0]?.complexity).toBe(1 + 16);
    expect(file.complexity).toBe(1 + 16);
  });

  it('keeps nested type decisions out of the outer type but in the file', () => {
    const file = extract(`class Outer {
  void A(bool b) { if (b) { } }
  class Inner { void B(bool b) { if (b) { } while (b) { } } }
}
#if DEBUG && TRACE
class Debug { }
#endif`);
    expect(file.types.map((t) => [t.name, t.complexity])).toEqual([
      ['Outer', 2],
      ['Inner', 3],
      ['Debug', 1],
    ]);
    expect(file.complexity).toBe(4);
  });

  it('is 1 for a file without decisions', () => {
    expect(extract('class C { }').complexity).toBe(1);
  });
});
