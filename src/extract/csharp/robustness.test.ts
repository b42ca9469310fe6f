import { beforeAll, describe, expect, it } from 'vitest';
import { extractCSharp, loadCSharpParser, type CSharpParser } from './extractCSharp.js';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await loadCSharpParser();
});

describe('syntax errors', () => {
  const broken = `using System;
namespace Broken
{
    public class Good : IGood
    {
        public void Ok() { var w = new Widget(); }
    }

    public class Bad
    {
        public void M( { int x = ; }
    }
}
`;

  it('keeps the facts that parsed, recovers flattened declarations, reports one warning', () => {
    const outcome = extractCSharp(parser, broken);
    const facts = outcome.facts;
    expect(facts).toBeDefined();
    expect(facts?.types.map((t) => t.fullName)).toEqual(['Broken.Good', 'Broken.Bad']);
    expect(facts?.types[0]?.references.map((r) => r.name)).toEqual(['IGood', 'Widget']);
    // The unbalanced brace turns `namespace Broken {` and `public class Bad {` into loose tokens.
    expect(facts?.types[1]).toMatchObject({ modifiers: ['public'], line: 9, endLine: 13, members: [] });
    expect(facts?.namespaces).toEqual(['Broken']);
    expect(facts?.syntaxErrorCount).toBeGreaterThan(0);
    expect(facts?.syntaxErrors[0]).toEqual({ line: 2, column: 1 });
    expect(outcome.problems).toEqual([
      {
        code: 'csharp-syntax',
        severity: 'warning',
        message: `${facts?.syntaxErrorCount} syntax errors; first at line 2, column 1`,
        line: 2,
        column: 1,
      },
    ]);
  });

  it('reports at most 20 positions but counts them all', () => {
    const text = `class C {\n${'  void M( { int x = ; }\n'.repeat(40)}}`;
    const facts = extractCSharp(parser, text).facts;
    expect(facts?.syntaxErrors).toHaveLength(20);
    expect(facts?.syntaxErrorCount).toBeGreaterThan(20);
  });

  it('reports MISSING nodes', () => {
    const facts = extractCSharp(parser, 'class C { int x = 1 }').facts;
    expect(facts?.syntaxErrorCount).toBe(1);
    expect(facts?.types[0]?.members.map((m) => m.name)).toEqual(['x']);
  });

  it('has no problems for clean code', () => {
    const outcome = extractCSharp(parser, 'class C { }');
    expect(outcome.problems).toEqual([]);
    expect(outcome.facts?.syntaxErrors).toEqual([]);
    expect(outcome.facts?.syntaxErrorCount).toBe(0);
  });

  it('survives a #if that splits a class header', () => {
    const outcome = extractCSharp(
      parser,
      `namespace Legacy
{
#if NET45
    public class Shim : OldBase
#else
    public class Shim : NewBase
#endif
    {
        public Thing T;
    }
}`,
    );
    expect(outcome.facts?.types[0]).toMatchObject({ fullName: 'Legacy.Shim', bases: ['OldBase', 'NewBase'] });
    expect(outcome.problems.map((p) => p.code)).toEqual(['csharp-syntax']);
  });
});

describe('failures inside extraction', () => {
  it('turns a crash into a csharp-extract-failed problem without facts', () => {
    const failing: CSharpParser = {
      kinds: parser.kinds,
      parse() {
        throw new Error('boom');
      },
    };
    expect(extractCSharp(failing, 'class C { }')).toEqual({
      problems: [{ code: 'csharp-extract-failed', severity: 'error', message: 'C# extraction failed: boom' }],
    });
  });

  it('handles empty and whitespace-only files', () => {
    expect(extractCSharp(parser, '').facts).toMatchObject({ loc: 0, complexity: 1, types: [], syntaxErrorCount: 0 });
    expect(extractCSharp(parser, '\uFEFF  \r\n').facts).toMatchObject({ loc: 0, types: [] });
  });

  it('survives very deep expressions', () => {
    const concatenation = Array.from({ length: 5000 }, (_, i) => `"s${i}"`).join(' + ');
    const facts = extractCSharp(parser, `class C { string S = ${concatenation} + Names.Last; }`).facts;
    expect(facts?.types[0]?.references).toEqual([{ name: 'Names', count: 1, line: 1, candidate: true }]);
  });

  // Each shape recursed once per level in some walker; 10,000 levels overflowed the stack and lost the file.
  const deep = 10_000;
  it.each([
    ['nested types', `namespace N { ${'class C { '.repeat(deep)}${'}'.repeat(deep)} }`],
    ['nested generic arguments', `class G { ${'List<'.repeat(deep)}Invoice${'>'.repeat(deep)} f; }`],
    ['nested tuple types', `class T { ${'('.repeat(deep)}Invoice a${', int b)'.repeat(deep)} f; }`],
    ['a long member access chain', `class M { void F() { var x = Root${'.Next'.repeat(deep)}; } }`],
    ['nested parentheses', `class P { int M() { return ${'('.repeat(deep)}1${')'.repeat(deep)}; } }`],
    ['nested blocks', `class B { void M() ${'{ '.repeat(deep)}${'}'.repeat(deep)} }`],
    ['nested calls', `class K { void M() { ${'F('.repeat(deep)}1${')'.repeat(deep)}; } }`],
    ['nested lambdas', `class L { object M() { return ${'x => '.repeat(deep)}1; } }`],
  ])('survives %s 10,000 deep, keeping the outermost facts', (_shape, text) => {
    const outcome = extractCSharp(parser, `using Harbor.Billing;\n${text}`);
    // past the walk's depth limit the rest is reported, never silently dropped
    expect(outcome.problems.filter((p) => p.code !== 'csharp-too-deep')).toEqual([]);
    expect(outcome.facts?.usings.map((u) => u.target)).toEqual(['Harbor.Billing']);
    expect(outcome.facts?.types[0]?.name).toMatch(/^[A-Z]$/);
  });

  it('still reads the types of shallow nesting in full', () => {
    const facts = extractCSharp(parser, `class G { ${'List<'.repeat(50)}Invoice${'>'.repeat(50)} f; }`).facts;
    expect(facts?.types[0]?.references.map((r) => r.name).sort()).toEqual(['Invoice', 'List']);
    const nested = extractCSharp(parser, `namespace N { ${'class C { '.repeat(50)}${'}'.repeat(50)} }`).facts;
    expect(nested?.types).toHaveLength(50);
  });

  it('survives a very long fluent call chain, saying the calls past the depth limit were not read', () => {
    const outcome = extractCSharp(parser, `class C { void M() { Builder.Start()${'.Add(1)'.repeat(3000)}.Build(); } }`);
    expect(outcome.problems.map((p) => p.code)).toEqual(['csharp-too-deep']);
    expect(outcome.facts?.types[0]?.members.map((m) => m.name)).toEqual(['M']);
  });
});

describe('large files', () => {
  function generate(minChars: number): { text: string; classes: number } {
    const parts = ['using System;', 'using System.Collections.Generic;', 'namespace Harbor.Generated', '{'];
    let length = 0;
    let classes = 0;
    while (length < minChars) {
      const block = `    public class Service${classes} : BaseService<Invoice${classes}>
    {
        private readonly List<Invoice${classes}> _items = new List<Invoice${classes}>();
        public Invoice${classes} Find(int id)
        {
            foreach (var item in _items) { if (item.Id == id && item.Active) return item; }
            return Lookup.Default<Invoice${classes}>(); // fallback
        }
    }
`;
      parts.push(block);
      length += block.length;
      classes++;
    }
    parts.push('}');
    return { text: parts.join('\n'), classes };
  }

  it('parses a 3 MB file completely', () => {
    const { text, classes } = generate(3 * 1024 * 1024);
    const outcome = extractCSharp(parser, text);
    expect(outcome.problems).toEqual([]);
    const types = outcome.facts?.types ?? [];
    expect(types).toHaveLength(classes);
    const last = types.at(-1);
    expect(last?.fullName).toBe(`Harbor.Generated.Service${classes - 1}`);
    expect(last?.references.map((r) => r.name).sort()).toEqual([
      'BaseService',
      `Invoice${classes - 1}`,
      'List',
      'Lookup',
    ]);
    expect(last?.endLine).toBe(text.split('\n').length - 2);
  });
});

describe('nesting 10,000 levels deep', () => {
  const deep = 10_000;
  const shapes: Record<string, string> = {
    'nested classes': `namespace N { ${'class C { '.repeat(deep)}${'}'.repeat(deep)} }`,
    'nested generic types': `class P { ${'List<'.repeat(deep)}Widget${'>'.repeat(deep)} f; }`,
    'a member-access chain': `class P { object M() { return a${'.b'.repeat(deep)}; } }`,
  };

  for (const [shape, text] of Object.entries(shapes)) {
    it(`keeps the facts above the limit and says what it skipped: ${shape}`, () => {
      const outcome = extractCSharp(parser, text);
      expect(outcome.problems.map((p) => p.code)).toEqual(['csharp-too-deep']);
      expect(outcome.facts?.types.length).toBeGreaterThan(0);
    });
  }

  it('stays silent below the limit', () => {
    const outcome = extractCSharp(parser, `class P { ${'List<'.repeat(50)}Widget${'>'.repeat(50)} f; }`);
    expect(outcome.problems).toEqual([]);
    expect(outcome.facts?.types[0]?.references.map((r) => r.name)).toEqual(['List', 'Widget']);
  });
});
