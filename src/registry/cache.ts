/**
 * The on-disk cache of registry answers: one JSON file per URL (named by its hash),
 * holding the reduced document and when it was fetched. Fresh entries (within the
 * TTL) are used without asking; offline, any entry is used, however old.
 * Credentials are never written: only URLs and the registry's public answer.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprint } from '../core/fingerprint.js';

export interface CacheEntry<T> {
  url: string;
  fetchedAt: string;
  /** `found`: the value; `not-found`: the registry said 404 (a private or misspelt name). */
  status: 'found' | 'not-found';
  value?: T;
}

export class RegistryCache {
  constructor(
    private readonly dir: string,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  read<T>(url: string, acceptStale: boolean): CacheEntry<T> | undefined {
    let entry: CacheEntry<T>;
    try {
      entry = JSON.parse(readFileSync(this.file(url), 'utf8')) as CacheEntry<T>;
    } catch {
      return undefined; // absent or unreadable: treat as a miss
    }
    if (entry.url !== url) return undefined;
    const age = this.now().getTime() - Date.parse(entry.fetchedAt);
    return acceptStale || (age >= 0 && age < this.ttlMs) ? entry : undefined;
  }

  write<T>(url: string, status: CacheEntry<T>['status'], value?: T): void {
    const entry: CacheEntry<T> = {
      url,
      fetchedAt: this.now().toISOString(),
      status,
      ...(value !== undefined ? { value } : {}),
    };
    const file = this.file(url);
    mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a concurrent scan never reads half a file; a failed write (a full disk) leaves no temporary file.
    const temp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(entry));
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  private file(url: string): string {
    const key = fingerprint(url);
    return path.join(this.dir, 'registry', key.slice(0, 2), `${key}.json`);
  }
}
