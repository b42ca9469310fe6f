/**
 * What each file's content hash was when it last had this size, mtime, ctime
 * and inode (`<cache dir>/stat-v1/`, one entry per repository): a warm scan
 * stats a file instead of reading and hashing it. The content hash stays the
 * key of the facts; a stat that differs in any field is hashed again. A file
 * changed within `RACY_MS` before the scan began is never recorded: a
 * filesystem with coarse timestamps could give a later edit the same mtime
 * (git's "racily clean" index entries), so such a file is hashed every scan
 * until it is older. ctime is part of the stat because a tool that restores a
 * file's mtime after writing it (touch -r, archive extraction) cannot restore it.
 */
import path from 'node:path';
import { EntryStore, type EntryStoreStats } from './entryStore.js';

export const STAT_INDEX_FOLDER = 'stat-v1';
const FORMAT = 'assess-stat-1';
/** How close to the scan's start a change may be before its stat is not trusted. */
export const RACY_MS = 2000;

export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** As stored: `[size, mtimeMs, ctimeMs, ino, sha256 hex]` per repo-relative path. */
type StatRecord = [number, number, number, number, string];
type RepoRecords = Record<string, StatRecord>;

interface RepoState {
  loaded: ReadonlyMap<string, StatRecord>;
  /** This scan's records: what was confirmed or hashed; files not looked up are dropped. */
  next: Map<string, StatRecord>;
  /** Every hash this scan knows, trusted for the record or not: a file asked about twice is hashed once. */
  seen: Map<string, StatRecord>;
  changed: boolean;
}

const HASH = /^[0-9a-f]{64}$/;

export class StatIndex {
  private readonly store: EntryStore<RepoRecords>;
  private readonly repos = new Map<string, RepoState>();
  /** Files whose hash came from their stat / files that had to be hashed. */
  readonly counts = { byStat: 0, hashed: 0 };

  /**
   * `scope` (the scan root) and a repository's name identify its entry;
   * `scanStarted`: when this scan began (ms since the epoch), taken before any file was statted.
   */
  constructor(
    cacheDir: string,
    private readonly scope: string,
    private readonly scanStarted: number,
    onIgnored?: (file: string, reason: string) => void,
  ) {
    this.store = new EntryStore({
      dir: path.join(cacheDir, STAT_INDEX_FOLDER),
      format: FORMAT,
      ...(onIgnored ? { onIgnored } : {}),
    });
  }

  get stats(): EntryStoreStats {
    return this.store.stats;
  }

  /** The recorded hash of `file` when its stat is exactly the recorded one; undefined otherwise. */
  hashOf(repo: string, file: string, stat: FileStat): string | undefined {
    const state = this.stateOf(repo);
    const seen = state.seen.get(file);
    if (seen && sameStat(seen, stat)) return seen[4];
    const record = state.loaded.get(file);
    if (!record || !sameStat(record, stat)) return undefined;
    state.next.set(file, record);
    state.seen.set(file, record);
    this.counts.byStat++;
    return record[4];
  }

  /** Records the hash just computed from the file's bytes, unless its stat is too recent to trust. */
  record(repo: string, file: string, stat: FileStat, hash: string): void {
    this.counts.hashed++;
    const state = this.stateOf(repo);
    const trusted = Math.max(stat.mtimeMs, stat.ctimeMs) < this.scanStarted - RACY_MS;
    const record: StatRecord = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash];
    state.seen.set(file, record);
    if (trusted) state.next.set(file, record);
    state.changed ||= trusted || state.loaded.has(file);
  }

  /** Writes the entries of repositories whose records changed (a file hashed, added or gone). */
  close(): void {
    for (const [repo, state] of this.repos) {
      if (!state.changed && state.next.size === state.loaded.size) continue;
      this.store.set(this.keyOf(repo), Object.fromEntries([...state.next].sort(([a], [b]) => (a < b ? -1 : 1))));
    }
  }

  prune(maxAgeDays: number, now?: number): number {
    return this.store.prune(maxAgeDays, now);
  }

  private stateOf(repo: string): RepoState {
    let state = this.repos.get(repo);
    if (!state) {
      state = {
        loaded: validRecords(this.store.get(this.keyOf(repo))),
        next: new Map(),
        seen: new Map(),
        changed: false,
      };
      this.repos.set(repo, state);
    }
    return state;
  }

  private keyOf(repo: string): string {
    return `${this.scope}\n${repo}`;
  }
}

function sameStat(record: StatRecord, stat: FileStat): boolean {
  return record[0] === stat.size && record[1] === stat.mtimeMs && record[2] === stat.ctimeMs && record[3] === stat.ino;
}

/** Only well-formed records: a damaged one is a file hashed again, never a wrong hash. */
function validRecords(value: unknown): Map<string, StatRecord> {
  const records = new Map<string, StatRecord>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return records;
  for (const [file, record] of Object.entries(value)) {
    if (
      Array.isArray(record) &&
      record.length === 5 &&
      record.slice(0, 4).every((n) => typeof n === 'number' && Number.isFinite(n)) &&
      typeof record[4] === 'string' &&
      HASH.test(record[4])
    )
      records.set(file, record as StatRecord);
  }
  return records;
}
