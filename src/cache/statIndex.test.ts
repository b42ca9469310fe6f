import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileStat, RACY_MS, STAT_INDEX_FOLDER, StatIndex } from './statIndex.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assess-stat-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = Date.parse('2026-03-01T12:00:00Z');
const old: FileStat = { size: 120, mtimeMs: now - 86_400_000, ctimeMs: now - 86_400_000, ino: 4242 };
const hash = 'c'.repeat(64);
const open = (started = now) => new StatIndex(dir, '/estate', started);

function indexFiles(): string[] {
  const root = path.join(dir, STAT_INDEX_FOLDER);
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(path.join(root, e.name)).map((name) => path.join(root, e.name, name)));
}

describe('the stat index', () => {
  it('gives back the hash of a file whose stat is exactly the recorded one', () => {
    const first = open();
    expect(first.hashOf('billing', 'src/A.cs', old)).toBeUndefined();
    first.record('billing', 'src/A.cs', old, hash);
    first.close();
    const second = open();
    expect(second.hashOf('billing', 'src/A.cs', old)).toBe(hash);
    expect(second.counts).toEqual({ byStat: 1, hashed: 0 });
  });

  it.each([
    ['size', { size: 121 }],
    ['mtime', { mtimeMs: old.mtimeMs + 1 }],
    ['ctime (an mtime put back after an edit)', { ctimeMs: old.ctimeMs + 0.5 }],
    ['inode (a file replaced by another)', { ino: 4243 }],
  ])('knows nothing of a file whose %s changed', (_what, change) => {
    const first = open();
    first.record('billing', 'src/A.cs', old, hash);
    first.close();
    expect(open().hashOf('billing', 'src/A.cs', { ...old, ...change })).toBeUndefined();
  });

  it('keeps records apart per repository and per scan root', () => {
    const first = open();
    first.record('billing', 'src/A.cs', old, hash);
    first.close();
    expect(open().hashOf('orders', 'src/A.cs', old)).toBeUndefined();
    expect(new StatIndex(dir, '/other-estate', now).hashOf('billing', 'src/A.cs', old)).toBeUndefined();
  });

  it('never records a file changed within the racy window before the scan began', () => {
    const recent: FileStat = { ...old, mtimeMs: now - RACY_MS + 1, ctimeMs: now - RACY_MS + 1 };
    const recentCtime: FileStat = { ...old, ctimeMs: now - 10 };
    const first = open();
    first.record('billing', 'src/A.cs', recent, hash);
    first.record('billing', 'src/B.cs', recentCtime, hash);
    first.close();
    const second = open();
    expect(second.hashOf('billing', 'src/A.cs', recent)).toBeUndefined();
    expect(second.hashOf('billing', 'src/B.cs', recentCtime)).toBeUndefined();
  });

  it('drops a stale record once the file is hashed again too recently to record', () => {
    const first = open();
    first.record('billing', 'src/A.cs', old, hash);
    first.close();
    const edited: FileStat = { ...old, mtimeMs: now + 10, ctimeMs: now + 10 };
    const second = open(now + 20);
    expect(second.hashOf('billing', 'src/A.cs', edited)).toBeUndefined();
    second.record('billing', 'src/A.cs', edited, 'd'.repeat(64));
    second.close();
    // Even the old stat, were it to come back, no longer has a record.
    expect(open(now + 20).hashOf('billing', 'src/A.cs', old)).toBeUndefined();
  });

  it('forgets files no longer in the repository, and writes nothing when nothing changed', () => {
    const first = open();
    first.record('billing', 'src/A.cs', old, hash);
    first.record('billing', 'src/Gone.cs', old, hash);
    first.close();
    const second = open();
    second.hashOf('billing', 'src/A.cs', old);
    second.close();
    expect(second.stats.writes).toBe(1);
    const third = open();
    expect(third.hashOf('billing', 'src/Gone.cs', old)).toBeUndefined();
    third.hashOf('billing', 'src/A.cs', old);
    third.close();
    expect(third.stats.writes).toBe(0);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length - 9)],
    ['of another format', (text: string) => text.replace('assess-stat-1', 'assess-stat-0')],
    ['holding a hash that is not one', (text: string) => text.replace(hash, 'not-a-hash')],
    ['holding a stat that is not numbers', (text: string) => text.replace('4242', '"4242"')],
  ])('ignores an entry that is %s and rewrites it', (_what, damage) => {
    const first = open();
    first.record('billing', 'src/A.cs', old, hash);
    first.close();
    const [file] = indexFiles();
    const damaged = damage(readFileSync(file!, 'utf8'));
    expect(damaged).not.toBe(readFileSync(file!, 'utf8'));
    writeFileSync(file!, damaged);
    const second = open();
    expect(second.hashOf('billing', 'src/A.cs', old)).toBeUndefined();
    second.record('billing', 'src/A.cs', old, hash);
    second.close();
    expect(open().hashOf('billing', 'src/A.cs', old)).toBe(hash);
  });
});
