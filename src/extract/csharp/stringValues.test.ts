import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpStringValue } from '../../core/facts.js';
import { extractCSharp, loadCSharpParser, type CSharpParser } from './extractCSharp.js';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await loadCSharpParser();
});

/** The value of the one string argument of `Run(…)` in `expression`, placed on line 3 at column 9. */
function stringValueOf(expression: string): CSharpStringValue | undefined {
  const outcome = extractCSharp(parser, `class C {\n  void M(int id) {\n    Run(${expression});\n  }\n}`);
  expect(outcome.problems).toEqual([]);
  const sites = outcome.facts?.callSites ?? [];
  expect(sites.length).toBeLessThanOrEqual(1);
  return sites[0]?.strings[0]?.value;
}

describe('string values', () => {
  it('decodes regular strings with escapes, at the position where they start', () => {
    expect(stringValueOf(String.raw`"say \"hi\"\n\t\\ \u0041\x42 \U0001F600"`)).toEqual({
      text: 'say "hi"\n\t\\ AB 😀',
      form: 'regular',
      dynamic: false,
      line: 3,
      column: 9,
    });
  });

  it('keeps an invalid escape as written instead of failing the file', () => {
    expect(stringValueOf(String.raw`"a\UFFFFFFFF"`)?.text).toBe(String.raw`a\UFFFFFFFF`);
  });

  it('decodes multi-line verbatim strings with doubled quotes, CRLF as LF', () => {
    expect(stringValueOf('@"SELECT ""Name""\r\n  FROM Users\\x"')).toMatchObject({
      text: 'SELECT "Name"\n  FROM Users\\x',
      form: 'verbatim',
      dynamic: false,
    });
  });

  it('reads single-line raw strings as they are', () => {
    expect(stringValueOf('"""SELECT "x" FROM T"""')).toMatchObject({ text: 'SELECT "x" FROM T', form: 'raw' });
  });

  it('strips the closing line indentation from multi-line raw strings', () => {
    const raw = '"""\n        SELECT *\n          FROM Users\n        WHERE Id = @id\n        """';
    expect(stringValueOf(raw)).toMatchObject({
      text: 'SELECT *\n  FROM Users\nWHERE Id = @id',
      form: 'raw',
      dynamic: false,
    });
  });

  it('writes interpolation holes as {…} and decodes doubled braces and escapes', () => {
    expect(stringValueOf(String.raw`$"SELECT * FROM {table} WHERE Id = {id:D2} AND x = '{{y}}'\n"`)).toEqual({
      text: "SELECT * FROM {…} WHERE Id = {…} AND x = '{y}'\n",
      form: 'interpolated',
      dynamic: true,
      holes: ['table', ''],
      line: 3,
      column: 9,
    });
  });

  it('reads verbatim interpolated strings written either way round', () => {
    expect(stringValueOf('$@"a ""{id}"" \\n"')).toMatchObject({
      text: 'a "{…}" \\n',
      form: 'interpolated',
      dynamic: true,
    });
    expect(stringValueOf('@$"{{x}}\r\n{id}"')).toMatchObject({ text: '{x}\n{…}', form: 'interpolated' });
  });

  it('reads raw interpolated strings, with $$ making single braces literal', () => {
    expect(stringValueOf('$"""api/users/{id}"""')).toMatchObject({ text: 'api/users/{…}', dynamic: true });
    const raw = '$$"""\n      SELECT {x} {{id}}\n        FROM T\n      """';
    expect(stringValueOf(raw)).toMatchObject({ text: 'SELECT {x} {…}\n  FROM T', form: 'interpolated', dynamic: true });
  });

  it('is not dynamic when an interpolated string has no holes', () => {
    expect(stringValueOf('$"plain {{braces}}"')).toMatchObject({ text: 'plain {braces}', dynamic: false });
  });

  it('joins all-literal concatenations, multi-line and parenthesised, as not dynamic', () => {
    const concatenation = '"SELECT * " +\n      "FROM Users " + // the table\n      ("WHERE Id = @id" + @" AND x")';
    expect(stringValueOf(concatenation)).toEqual({
      text: 'SELECT * FROM Users WHERE Id = @id AND x',
      form: 'concatenation',
      dynamic: false,
      line: 3,
      column: 9,
    });
  });

  it('puts a hole where a concatenation has a non-literal part', () => {
    expect(stringValueOf('"api/notifications/" + id + "/read"')).toMatchObject({
      text: 'api/notifications/{…}/read',
      form: 'concatenation',
      dynamic: true,
    });
    expect(stringValueOf('"n = " + (id * 2)')).toMatchObject({ text: 'n = {…}', dynamic: true });
    expect(stringValueOf('"a" + $"b{id}"')).toMatchObject({ text: 'ab{…}', form: 'concatenation', dynamic: true });
  });

  it('takes the value inside parentheses', () => {
    expect(stringValueOf('("SELECT 1")')).toMatchObject({ text: 'SELECT 1', form: 'regular', line: 3, column: 10 });
  });

  it('is no string for arithmetic, other operators and non-literals', () => {
    expect(stringValueOf('id + 1')).toBeUndefined();
    expect(stringValueOf('name ?? "fallback"')).toBeUndefined();
    expect(stringValueOf('"a" == b')).toBeUndefined();
    expect(stringValueOf("'c'")).toBeUndefined();
    expect(stringValueOf('string.Empty')).toBeUndefined();
  });

  it('reads a 5,000-term concatenation without running out of stack', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `"s${i} "`).join(' + ');
    const value = stringValueOf(`${terms} + id`);
    expect(value?.text.startsWith('s0 s1 s2 ')).toBe(true);
    expect(value?.text.endsWith('s4999 {…}')).toBe(true);
    expect(value?.dynamic).toBe(true);
  });
  it('names the holes a later pass may resolve, and only those', () => {
    expect(stringValueOf('$"[{Schema}].[{ this.Table }_ReadById]"')).toMatchObject({
      text: '[{…}].[{…}_ReadById]',
      dynamic: true,
      holes: ['Schema', 'this.Table'],
    });
    expect(
      stringValueOf('$"[{Tables.Names.User}_{nameof(Invoice)}_{typeof(T).Name}] {id:D4} {id + 1}"')?.holes,
    ).toEqual(['Tables.Names.User', 'nameof(Invoice)', 'typeof(T).Name', '', '']);
    expect(stringValueOf('$"SELECT {GetColumns()} FROM t WHERE a = {x ? 1 : 2}"')?.holes).toBeUndefined();
  });
});
