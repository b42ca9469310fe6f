/** Every analyzer folder is registered, documented, declares only known needs, and is tested where it fires and where it stays silent. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NEEDS } from '../src/core/analyzer.js';
import { analyzers } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const folders = readdirSync(here)
  .filter((name) => statSync(path.join(here, name)).isDirectory())
  .sort();

/**
 * The tester's cases run in each analyzer's own test file, so this reads the file:
 * it must hand the folder's analyzer to `testAnalyzer` with a non-empty literal
 * `valid` and `invalid` list (the tester's types also refuse empty ones).
 */
function testerUse(testFile: string): { analyzer: boolean; valid: boolean; invalid: boolean } {
  const imported = /^import (\w+) from '\.\/index\.js';$/m.exec(testFile)?.[1];
  return {
    analyzer: imported !== undefined && testFile.includes(`testAnalyzer(${imported}, {`),
    valid: /(?<![\w])valid: \[\s*\{/.test(testFile),
    invalid: /(?<![\w])invalid: \[\s*\{/.test(testFile),
  };
}

describe('analyzer registry', () => {
  it('registers exactly the analyzer folders, sorted by id', () => {
    const ids = analyzers.map((a) => a.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(folders);
  });

  for (const folder of folders) {
    it(`${folder} has a README and tester cases where it fires and where it stays silent`, () => {
      expect(existsSync(path.join(here, folder, 'README.md'))).toBe(true);
      const testFile = readFileSync(path.join(here, folder, 'index.test.ts'), 'utf8');
      expect(testerUse(testFile)).toEqual({ analyzer: true, valid: true, invalid: true });
    });
  }

  for (const analyzer of analyzers) {
    const { id, needs, docs } = analyzer.meta;
    it(`${id} declares only needs the pipeline knows, and links its README`, () => {
      expect(needs.filter((need) => !NEEDS.includes(need))).toEqual([]);
      expect(new Set(needs).size).toBe(needs.length);
      expect(docs).toBe(`analyzers/${id}/README.md`);
      expect(existsSync(path.join(root, docs!))).toBe(true);
    });
  }

  it('gives every analyzer a description and message templates', () => {
    for (const analyzer of analyzers) {
      expect(analyzer.meta.description.length).toBeGreaterThan(10);
      expect(Object.keys(analyzer.meta.messages).length).toBeGreaterThan(0);
      expect(analyzer.options.safeParse({}).success).toBe(true);
    }
  });

  it('recognises a test file without tester cases', () => {
    expect(testerUse("import x from './index.js';\nit('fires', () => {});")).toEqual({
      analyzer: false,
      valid: false,
      invalid: false,
    });
    expect(testerUse("import x from './index.js';\ntestAnalyzer(x, { valid: [], invalid: [{ name: 'a' }] });")).toEqual(
      { analyzer: true, valid: false, invalid: true },
    );
  });
});
