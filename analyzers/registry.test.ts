/** Every analyzer folder is registered, documented and tested where it fires and where it stays silent. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzers } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(path.join(here, name)).isDirectory()).sort();

describe('analyzer registry', () => {
  it('registers exactly the analyzer folders, sorted by id', () => {
    const ids = analyzers.map((a) => a.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(folders);
  });

  for (const folder of folders) {
    it(`${folder} has a README and tests that expect findings and silence`, () => {
      expect(existsSync(path.join(here, folder, 'README.md'))).toBe(true);
      const test = readFileSync(path.join(here, folder, 'index.test.ts'), 'utf8');
      expect(test).toMatch(/toEqual\(\[\]\)|toHaveLength\(0\)/);
      expect(test).toMatch(/toHaveLength\([1-9]|toMatchObject\(/);
    });
  }

  it('gives every analyzer a description and message templates', () => {
    for (const analyzer of analyzers) {
      expect(analyzer.meta.description.length).toBeGreaterThan(10);
      expect(Object.keys(analyzer.meta.messages).length).toBeGreaterThan(0);
      expect(analyzer.options.safeParse({}).success).toBe(true);
    }
  });
});
