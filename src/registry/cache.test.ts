import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RegistryCache } from './cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assess-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

describe('RegistryCache.write', () => {
  it('leaves no temporary file behind when the entry cannot be put in place', () => {
    const cache = new RegistryCache(dir, 60_000, () => new Date('2026-12-03T06:00:00Z'));
    const url = 'https://registry.npmjs.org/left-pad';
    cache.write(url, 'found', { latest: '1.3.0' });
    const [entry] = files(dir);
    const entryPath = readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.isFile())!;
    const target = path.join(entryPath.parentPath, entry!);
    // A folder where the entry goes: the rename fails, as a full disk or a read-only cache would fail the write.
    rmSync(target);
    mkdirSync(target);
    expect(() => cache.write(url, 'found', { latest: '1.3.1' })).toThrow();
    expect(files(dir)).toEqual([]);
  });
});
