import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FactsCache } from '../cache/factsCache.js';
import { StatIndex } from '../cache/statIndex.js';
import type { FileKind } from '../core/fileKinds.js';
import type { FileEntry } from '../discover/walk.js';
import { loadParsers, processFile, type ExtractedFacts, type FileResult } from '../extract/processFile.js';
import { contentHashOfEntry, extractThroughCache } from './cachedExtraction.js';

// The versions the cache keys read, changeable per test as a release bumping one extractor would.
const versions = vi.hoisted(() => ({ bump: {} as Record<string, number> }));
vi.mock('../extract/extractorVersions.js', async (original) => {
  const actual = await original<typeof import('../extract/extractorVersions.js')>();
  return {
    ...actual,
    extractorVersion: (kind: FileKind) => `${actual.extractorVersion(kind)}+${versions.bump[kind] ?? 0}`,
  };
});

let work: string;
let entries: FileEntry[];
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-cached-extraction-'));
  versions.bump = {};
  const files: [string, FileKind, string][] = [
    ['src/Invoice.cs', 'csharp', 'namespace Billing { public class Invoice { public int Id { get; set; } } }\n'],
    ['web/api.ts', 'typescript', "import { get } from './http';\nexport const load = () => get('/api/invoices');\n"],
    ['db/schema.sql', 'sql', 'CREATE TABLE Invoices (Id INT PRIMARY KEY);\n'],
  ];
  entries = files.map(([file, kind, text]) => {
    const absPath = path.join(work, 'repo', file);
    mkdirSync(path.dirname(absPath), { recursive: true });
    writeFileSync(absPath, text);
    return { repo: 'billing', path: file, absPath, size: Buffer.byteLength(text), kind };
  });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Extracts through the cache; returns the results and the paths that were actually extracted. */
async function run(maxFileBytes = 1 << 20, stats?: StatIndex): Promise<{ results: FileResult[]; extracted: string[] }> {
  const cache = new FactsCache<ExtractedFacts>(path.join(work, 'cache'));
  const extracted: string[] = [];
  const results = await extractThroughCache(
    entries,
    cache,
    maxFileBytes,
    async (misses) => {
      const parsers = await loadParsers(misses);
      return misses.map((entry) => {
        extracted.push(entry.path);
        return processFile(entry, maxFileBytes, parsers);
      });
    },
    () => {},
    stats ? { stats } : {},
  );
  stats?.close();
  return { results, extracted };
}

/** A stat index as a scan starting `later` ms from now opens it (the files then lie outside the racy window). */
const statIndex = (later = 60_000) => new StatIndex(path.join(work, 'cache'), work, Date.now() + later);

const comparable = (results: FileResult[]) => JSON.stringify(results.map(({ contentHash: _h, ...r }) => r));

describe('extraction through the facts cache', () => {
  it('extracts every file cold and none warm, with the same results', async () => {
    const cold = await run();
    expect(cold.extracted).toEqual(['src/Invoice.cs', 'web/api.ts', 'db/schema.sql']);
    const warm = await run();
    expect(warm.extracted).toEqual([]);
    expect(comparable(warm.results)).toBe(comparable(cold.results));
  });

  it('extracts again only the kind whose extractor version changed', async () => {
    await run();
    versions.bump.csharp = 1;
    expect((await run()).extracted).toEqual(['src/Invoice.cs']);
    expect((await run()).extracted).toEqual([]);
  });

  it('extracts everything again when the size cap changes', async () => {
    await run(1 << 20);
    expect((await run(1 << 19)).extracted).toHaveLength(3);
  });

  it('extracts again a file whose content changed', async () => {
    await run();
    writeFileSync(entries[1]!.absPath, "export const load = () => fetch('/api/orders');\n");
    entries[1] = { ...entries[1]!, size: 48 };
    expect((await run()).extracted).toEqual(['web/api.ts']);
  });

  it('does not cache a failed extraction', async () => {
    const cache = new FactsCache<ExtractedFacts>(path.join(work, 'cache'));
    const failing = async (misses: readonly FileEntry[]) =>
      misses.map(
        (entry): FileResult => ({
          diagnostics: [{ code: 'extract-failed', severity: 'error', message: 'worker died', repo: entry.repo }],
        }),
      );
    await extractThroughCache(entries, cache, 1 << 20, failing, () => {});
    expect(cache.stats.writes).toBe(0);
    expect((await run()).extracted).toHaveLength(3);
  });

  it('does not cache facts of bytes other than those hashed (a file edited mid-scan)', async () => {
    const cache = new FactsCache<ExtractedFacts>(path.join(work, 'cache'));
    const parsers = await loadParsers(entries);
    await extractThroughCache(
      entries,
      cache,
      1 << 20,
      async (misses) =>
        misses.map((entry) => {
          writeFileSync(entry.absPath, '// edited while the scan ran\n');
          return processFile(entry, 1 << 20, parsers);
        }),
      () => {},
    );
    expect(cache.stats.writes).toBe(0);
  });

  describe('with the stat index', () => {
    it('reads no unchanged file warm, with the same results', async () => {
      const cold = await run(1 << 20, statIndex());
      const index = statIndex();
      const warm = await run(1 << 20, index);
      expect(index.counts).toEqual({ byStat: 3, hashed: 0 });
      expect(warm.extracted).toEqual([]);
      expect(comparable(warm.results)).toBe(comparable(cold.results));
    });

    it('sees an edit that keeps the size and puts the old mtime back', async () => {
      const file = entries[0]!.absPath;
      const lastYear = new Date(Date.now() - 365 * 86_400_000);
      utimesSync(file, lastYear, lastYear);
      await run(1 << 20, statIndex());
      const before = statSync(file);
      await new Promise((resolve) => setTimeout(resolve, 20));
      writeFileSync(file, 'namespace Billing { public class Invoice { public int No { get; set; } } }\n');
      utimesSync(file, lastYear, lastYear);
      expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
      expect(statSync(file).size).toBe(before.size);
      const index = statIndex();
      const warm = await run(1 << 20, index);
      expect(warm.extracted).toEqual(['src/Invoice.cs']);
      expect(index.counts).toEqual({ byStat: 2, hashed: 1 });
      expect(JSON.stringify(warm.results[0]?.extracted)).toContain('"No"');
    });

    it('hashes a file changed just before the scan began every time, and so sees its next edit', async () => {
      await run(1 << 20, statIndex(0)); // the files were written just now: none is recorded
      const index = statIndex(0);
      await run(1 << 20, index);
      expect(index.counts).toEqual({ byStat: 0, hashed: 3 });
    });

    it('extracts a new file, and a deleted one is gone from the results', async () => {
      await run(1 << 20, statIndex());
      const absPath = path.join(work, 'repo', 'web', 'orders.ts');
      writeFileSync(absPath, "export const orders = () => fetch('/api/orders');\n");
      entries = [entries[0]!, entries[2]!, { ...entries[1]!, path: 'web/orders.ts', absPath, size: 50 }];
      const warm = await run(1 << 20, statIndex());
      expect(warm.extracted).toEqual(['web/orders.ts']);
      expect(warm.results).toHaveLength(3);
    });
  });
});

describe('contentHashOfEntry', () => {
  it('hashes a regular file, with and without the stat index', () => {
    const stats = statIndex();
    const plain = contentHashOfEntry(entries[0]!, 1 << 20);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOfEntry(entries[0]!, 1 << 20, stats)).toBe(plain);
  });

  it('never hashes through a link put in a file’s place: it could point out of the scan root', () => {
    const outside = path.join(work, 'outside.txt');
    writeFileSync(outside, 'secret\n');
    const entry = entries[0]!;
    rmSync(entry.absPath);
    symlinkSync(outside, entry.absPath);
    const stats = statIndex();
    expect(contentHashOfEntry(entry, 1 << 20)).toBeUndefined();
    expect(contentHashOfEntry(entry, 1 << 20, stats)).toBeUndefined();
  });
});
