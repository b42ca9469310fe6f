/**
 * A folder of JSON cache entries, one file per key. An entry is
 * `{format, key, value}`: the key is stored in full and compared on read, so a
 * hash collision, a truncated write or a file from another tool is never
 * trusted — it is reported and treated as a miss, and the next write replaces it.
 * Writes go to a temporary file renamed into place, so a reader never sees half
 * an entry. Entries not used for `maxAgeDays` are pruned.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface EntryStoreOptions {
  /** The store's folder (created when first written). */
  dir: string;
  /** Identifies the layout of values; an entry with another format is foreign. */
  format: string;
  /** Called with why an entry was not used (debug output; never an error of the scan). */
  onIgnored?: (file: string, reason: string) => void;
}

export interface EntryStoreStats {
  hits: number;
  misses: number;
  /** Entries present but not trusted (corrupt, foreign, other key). */
  ignored: number;
  writes: number;
  /** Writes that failed (disk full, read-only folder): the scan goes on uncached. */
  failedWrites: number;
}

const PRUNE_MARKER = '.last-prune';
const DAY_MS = 24 * 3600_000;

export class EntryStore<T> {
  readonly stats: EntryStoreStats = { hits: 0, misses: 0, ignored: 0, writes: 0, failedWrites: 0 };
  private readonly madeDirs = new Set<string>();
  private tempCounter = 0;

  constructor(private readonly options: EntryStoreOptions) {}

  /** The value stored under `key`, or undefined (absent, corrupt, foreign: all misses). */
  get(key: string): T | undefined {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const entry = parseEntry(text);
    const reason = !entry
      ? 'not a cache entry (corrupt or truncated)'
      : entry.format !== this.options.format
        ? `foreign format ${JSON.stringify(entry.format)}`
        : entry.key !== key
          ? 'stored for another key'
          : undefined;
    if (reason || !entry) {
      this.stats.ignored++;
      this.stats.misses++;
      this.options.onIgnored?.(file, reason ?? 'unreadable');
      return undefined;
    }
    this.stats.hits++;
    touch(file);
    return entry.value as T;
  }

  /** Stores `value` under `key` atomically; a failure to write only costs the cache. */
  set(key: string, value: T): void {
    const file = this.fileOf(key);
    const dir = path.dirname(file);
    const temp = `${file}.${process.pid}.${this.tempCounter++}.tmp`;
    try {
      if (!this.madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      writeFileSync(temp, JSON.stringify({ format: this.options.format, key, value }));
      renameSync(temp, file);
      this.stats.writes++;
    } catch {
      this.stats.failedWrites++;
      removeQuietly(temp);
    }
  }

  /** Removes entries unused for `maxAgeDays`; walks the folder at most once a day. */
  prune(maxAgeDays: number, now: number = Date.now()): number {
    const marker = path.join(this.options.dir, PRUNE_MARKER);
    try {
      if (now - statSync(marker).mtimeMs < DAY_MS) return 0;
    } catch {
      // never pruned yet
    }
    let removed = 0;
    const cutoff = now - maxAgeDays * DAY_MS;
    try {
      for (const shard of readdirSync(this.options.dir, { withFileTypes: true })) {
        if (!shard.isDirectory()) continue;
        const shardDir = path.join(this.options.dir, shard.name);
        for (const name of readdirSync(shardDir)) {
          const file = path.join(shardDir, name);
          try {
            const stat = statSync(file);
            // Temporary files left by a killed scan are old after an hour.
            const stale = name.endsWith('.tmp') ? stat.mtimeMs < now - 3600_000 : stat.mtimeMs < cutoff;
            if (stale) {
              rmSync(file, { force: true });
              removed++;
            }
          } catch {
            // removed by another scan meanwhile
          }
        }
      }
      writeFileSync(marker, '');
    } catch {
      // no store yet, or not writable: nothing to prune
    }
    return removed;
  }

  /** `dir/ab/abcdef….json`: the key's sha256, fanned out so no folder holds every entry. */
  private fileOf(key: string): string {
    const digest = createHash('sha256').update(key).digest('hex');
    return path.join(this.options.dir, digest.slice(0, 2), `${digest.slice(2)}.json`);
  }
}

function parseEntry(text: string): { format: unknown; key: unknown; value: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('value' in parsed)) return undefined;
    const entry = parsed as { format?: unknown; key?: unknown; value: unknown };
    return { format: entry.format, key: entry.key, value: entry.value };
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // its folder is not there or not a folder: nothing was written
  }
}

/** Marks an entry as used, for pruning; a read-only cache still serves hits. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // read-only store
  }
}
