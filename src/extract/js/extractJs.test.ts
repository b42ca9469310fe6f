import { describe, expect, it } from 'vitest';
import { extractJs } from './extractJs.js';

const facts = (path: string, text: string) => {
  const outcome = extractJs(path, text);
  expect(outcome.facts, JSON.stringify(outcome.problems)).toBeDefined();
  return outcome.facts!;
};
const importOf = (path: string, text: string, specifier: string) =>
  facts(path, text).imports.find((i) => i.specifier === specifier);

describe('imports', () => {
  const source = `
import React, { useState, type FC } from 'react';
import type { Invoice } from '@shared/models';
import { type A, type B } from './types';
import * as utils from './utils';
import './polyfills';
export * from './all';
export type { T } from './t';
export { helper as default, other } from './helpers';
import legacy = require('./legacy');
const { join } = require('path');
const fs = require('fs');
const page = () => import('./page');
const lazy = import(someVariable);
let x: import('./typed').Typed;
export const View: FC = () => <div>{useState(utils.a)}</div>;
`;
  const all = facts('view.tsx', source);

  it('records every import form with its kind and line', () => {
    expect(all.imports.map((i) => [i.specifier, i.kind, i.line])).toEqual([
      ['react', 'import', 2],
      ['@shared/models', 'import', 3],
      ['./types', 'import', 4],
      ['./utils', 'import', 5],
      ['./polyfills', 'side-effect', 6],
      ['./all', 'export-all', 7],
      ['./t', 'export-from', 8],
      ['./helpers', 'export-from', 9],
      ['./legacy', 'import-equals', 10],
      ['path', 'require', 11],
      ['fs', 'require', 12],
      ['./page', 'dynamic-import', 13],
      ['./typed', 'dynamic-import', 15],
    ]);
    expect(all.dynamicSpecifiers).toBe(1);
  });

  it('marks type-only imports, and only those', () => {
    const typeOnly = all.imports.filter((i) => i.typeOnly).map((i) => i.specifier);
    expect(typeOnly).toEqual(['@shared/models', './types', './t', './typed']);
  });

  it('says which imported names are used', () => {
    expect(all.imports[0]).toMatchObject({ names: ['default', 'useState', 'FC'], usedNames: ['useState', 'FC'] });
    expect(all.imports[3]).toMatchObject({ names: ['*'], usedNames: ['*'] });
    expect(importOf('a.js', "const fs = require('fs');", 'fs')!.usedNames).toEqual([]);
    expect(importOf('a.js', "const { join } = require('path'); join('a');", 'path')).toMatchObject({
      names: ['join'],
      usedNames: ['join'],
    });
    // A property named like an import is not a use of it.
    expect(importOf('a.ts', "import { a } from './a'; obj.a = { a: 1 };", './a')!.usedNames).toEqual([]);
  });

  it('lists top-level declarations and whether they are exported', () => {
    const declared = facts(
      'm.ts',
      'export function f() {}\nclass C {}\ninterface I {}\ntype T = 1;\nexport enum E { A }\nconst v = 1, w = 2;\nexport { v };\nexport default C;',
    );
    expect(declared.declarations.map((d) => `${d.kind} ${d.name}${d.exported ? ' (exported)' : ''}`)).toEqual([
      'function f (exported)',
      'class C',
      'interface I',
      'type T',
      'enum E (exported)',
      'variable v (exported)',
      'variable w',
    ]);
    expect(declared.defaultExport).toBe('C');
    expect(facts('r.js', 'const router = 1; module.exports = router;').defaultExport).toBe('router');
  });

  it('parses decorators and JSX in .js files', () => {
    expect(
      facts('c.ts', "import { Injectable } from '@angular/core';\n@Injectable()\nexport class S {}").imports,
    ).toHaveLength(1);
    const jsx = facts('app.js', "import Button from './Button';\nexport const App = () => <Button />;");
    expect(jsx.dialect).toBe('jsx');
    expect(jsx.imports[0]!.usedNames).toEqual(['default']);
  });
});

describe('bad input', () => {
  it('recovers from syntax errors and keeps what parsed', () => {
    const outcome = extractJs('broken.ts', "import { a } from './a';\nconst x = ;\nimport b from './b';\n");
    expect(outcome.facts!.imports.map((i) => i.specifier)).toEqual(['./a', './b']);
    expect(outcome.facts!.syntaxErrorCount).toBeGreaterThan(0);
    expect(outcome.problems[0]).toMatchObject({ code: 'js-syntax-error', severity: 'warning', line: 2 });
  });

  it('turns an unparsable file into a problem, not an exception', () => {
    const outcome = extractJs('hopeless.js', '}}}} {{{{ ))) (((');
    expect(outcome.problems[0]?.code).toBe('js-syntax-error');
    expect(outcome.facts?.imports).toEqual([]);
  });

  it('says a file nested too deep for the parser is too deep, not a syntax error, and keeps SQL found by pattern', () => {
    const deep = `const q = db.query('SELECT * FROM dbo.Orders');\nexport const x = ${'(\n'.repeat(10_000)}1${')\n'.repeat(10_000)};`;
    const outcome = extractJs('deep.ts', deep);
    expect(outcome.problems).toMatchObject([{ code: 'js-too-deep', severity: 'warning' }]);
    expect(outcome.facts?.sqlQueries.length).toBeGreaterThan(0);
    // Deep but within the parser's reach: parsed as usual.
    expect(extractJs('nested.ts', `export const x = ${'(\n'.repeat(100)}1${')\n'.repeat(100)};`).problems).toEqual([]);
  });

  it('skips minified bundles and generated files before parsing', () => {
    const bundle = `/*! jQuery v1.12.4 | (c) jQuery Foundation */\n!function(a){${'var b=a+1;'.repeat(3_000)}}(window);`;
    const skipped = extractJs('vendor/bundle.js', bundle);
    expect(skipped.facts).toBeUndefined();
    expect(skipped.problems).toMatchObject([{ code: 'js-minified-skipped', severity: 'info' }]);
    expect(extractJs('lib/jquery.min.js', 'x').problems[0]?.code).toBe('js-minified-skipped');
    const oneLine = `var a=${'1+'.repeat(15_000)}1;`;
    expect(extractJs('dist.js', oneLine).problems[0]?.code).toBe('js-minified-skipped');
    expect(extractJs('api.ts', '// <auto-generated>\nexport const x = 1;').problems[0]?.code).toBe(
      'js-generated-skipped',
    );
    // An ordinary long file is parsed.
    const ordinary = Array.from({ length: 2_000 }, (_, i) => `export const value${i} = ${i};`).join('\n');
    expect(extractJs('big.ts', ordinary).facts?.declarations).toHaveLength(2_000);
  });
});
