import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/result.js';
import { FACTS_CACHE_FOLDER, FactsCache, type FactsKeyParts } from './factsCache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assess-facts-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const parts: FactsKeyParts = {
  contentHash: 'a'.repeat(64),
  extractor: 'r1.csharp1',
  path: 'src/A.cs',
  maxFileBytes: 4096,
};
const at = { repo: 'billing', file: 'src/A.cs' };
const syntax: Diagnostic = { code: 'js-syntax-error', severity: 'warning', message: 'bad', ...at, line: 3 };
const result = { extracted: { loc: 12 }, diagnostics: [syntax] };

function entryFiles(): string[] {
  const root = path.join(dir, FACTS_CACHE_FOLDER);
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(path.join(root, e.name)).map((name) => path.join(root, e.name, name)));
}

describe('the facts cache', () => {
  it('gives back what was stored, its diagnostics naming the current repository in the original field order', () => {
    new FactsCache(dir).set(parts, result);
    const read = new FactsCache(dir).get(parts, { repo: 'moved/billing', file: 'src/A.cs' });
    expect(read?.extracted).toEqual({ loc: 12 });
    expect(JSON.stringify(read?.diagnostics)).toBe(JSON.stringify([{ ...syntax, repo: 'moved/billing' }]));
  });

  it('misses when the extractor version, the size cap, the path or the content differ', () => {
    const cache = new FactsCache(dir);
    cache.set(parts, result);
    expect(cache.get(parts, at)).toBeDefined();
    expect(cache.get({ ...parts, extractor: 'r1.csharp2' }, at)).toBeUndefined();
    expect(cache.get({ ...parts, maxFileBytes: 8192 }, at)).toBeUndefined();
    expect(cache.get({ ...parts, path: 'src/B.cs' }, at)).toBeUndefined();
    expect(cache.get({ ...parts, contentHash: 'b'.repeat(64) }, at)).toBeUndefined();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 4, ignored: 0 });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON at all', () => '\u0000\u0001garbage'],
    ['of another format', (text: string) => text.replace('assess-facts-2', 'other-tool-3')],
    ['stored for another key', (text: string) => text.replace('src/A.cs', 'src/Z.cs')],
    // Entries written before owner strings were interned hold the strings themselves: never misread.
    ['of the format before interning', (text: string) => text.replace('assess-facts-2', 'assess-facts-1')],
  ])('ignores an entry that is %s, says so, and rewrites it', (_name, damage) => {
    new FactsCache(dir).set(parts, result);
    const [file] = entryFiles();
    writeFileSync(file!, damage(readFileSync(file!, 'utf8')));
    const ignored: string[] = [];
    const cache = new FactsCache(dir, (where, reason) => ignored.push(`${path.basename(where)}: ${reason}`));
    expect(cache.get(parts, at)).toBeUndefined();
    expect(ignored).toHaveLength(1);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1, ignored: 1 });
    cache.set(parts, result);
    expect(new FactsCache(dir).get(parts, at)?.extracted).toEqual({ loc: 12 });
  });

  it('writes atomically: no temporary file is left beside the entry', () => {
    const cache = new FactsCache(dir);
    cache.set(parts, result);
    cache.set({ ...parts, path: 'src/B.cs' }, result);
    expect(entryFiles().every((f) => f.endsWith('.json'))).toBe(true);
    expect(entryFiles()).toHaveLength(2);
  });

  it('prunes entries unused for 30 days, keeps those used since, and walks the folder at most once a day', () => {
    const cache = new FactsCache(dir);
    cache.set(parts, result);
    cache.set({ ...parts, path: 'src/Old.cs' }, result);
    const now = Date.now();
    const old = new Date(now - 31 * 24 * 3600_000);
    for (const file of entryFiles()) utimesSync(file, old, old);
    cache.get(parts, at); // used now: kept
    expect(cache.prune(now)).toBe(1);
    expect(entryFiles()).toHaveLength(1);
    expect(cache.get(parts, at)).toBeDefined();
    for (const file of entryFiles()) utimesSync(file, old, old);
    expect(cache.prune(now)).toBe(0); // pruned less than a day ago
  });

  it('serves no entry and fails no scan when the folder cannot be written', () => {
    writeFileSync(path.join(dir, FACTS_CACHE_FOLDER), 'a file where the folder should be');
    const cache = new FactsCache(dir);
    cache.set(parts, result);
    expect(cache.stats.failedWrites).toBe(1);
    expect(cache.get(parts, at)).toBeUndefined();
  });

  describe('interned owner strings', () => {
    const owner = 'Billing.Data.Migrations.InvoiceSnapshot';
    const site = (line: number, ownerMember?: string) => ({
      method: 'Property',
      receiver: 'b',
      line,
      ownerType: owner,
      ...(ownerMember ? { ownerMember } : {}),
      column: 4,
    });
    const facts = {
      kind: 'csharp',
      callSites: [site(1, 'BuildModel'), site(2, 'BuildModel'), site(3)],
      stringDeclarations: [{ name: 'Sql', ownerType: owner, line: 9 }],
    };
    const withFacts = { extracted: { loc: 40, facts }, diagnostics: [syntax] };

    it('stores each owner string once and gives back the same facts, fields in their order', () => {
      const before = JSON.stringify(withFacts.extracted);
      new FactsCache(dir).set(parts, withFacts);
      expect(JSON.stringify(withFacts.extracted)).toBe(before); // the live result is not changed
      const [file] = entryFiles();
      const stored = readFileSync(file!, 'utf8');
      expect(stored.split(owner)).toHaveLength(2);
      expect(stored.split('"Property"')).toHaveLength(2);
      const read = new FactsCache(dir).get(parts, at);
      expect(JSON.stringify(read?.extracted)).toBe(before);
    });

    it.each([
      ['an index past the table', (text: string) => text.replace('"ownerType":0', '"ownerType":7')],
      ['a string where an index belongs', (text: string) => text.replace('"ownerType":0', '"ownerType":"X"')],
      ['no table', (text: string) => text.replace(/,"strings":\[[^\]]*\]/, '')],
    ])('ignores an entry with %s, says so, and rewrites it', (_name, damage) => {
      new FactsCache(dir).set(parts, withFacts);
      const [file] = entryFiles();
      const damaged = damage(readFileSync(file!, 'utf8'));
      expect(damaged).not.toBe(readFileSync(file!, 'utf8'));
      writeFileSync(file!, damaged);
      const ignored: string[] = [];
      const cache = new FactsCache(dir, (where, reason) => ignored.push(`${where}: ${reason}`));
      expect(cache.get(parts, at)).toBeUndefined();
      expect(ignored).toEqual(['src/A.cs: interned string table does not match the entry']);
      expect(cache.stats).toMatchObject({ hits: 0, misses: 1, ignored: 1 });
      cache.set(parts, withFacts);
      expect(JSON.stringify(new FactsCache(dir).get(parts, at)?.extracted)).toBe(JSON.stringify(withFacts.extracted));
    });
  });
});
