import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CachedRepoHistory, type HistoryStore, readRepoHistoryIncrementally } from './incremental.js';
import { gitProcessCount, readRepoHistory } from './readRepoHistory.js';
import { git, lines, type ScriptedCommit, scriptedRepo } from './testRepos.js';
import { compileTicketPattern, DEFAULT_TICKET_PATTERN } from './tickets.js';
import { parseWindow } from './window.js';

const options = { window: parseWindow('6 months')!, ticketPattern: compileTicketPattern(DEFAULT_TICKET_PATTERN) };
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-incremental-history-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A store that keeps entries as JSON text, as the on-disk one does. */
function memoryStore(): HistoryStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    get: (dir) => (raw.has(dir) ? (JSON.parse(raw.get(dir)!) as CachedRepoHistory) : undefined),
    set: (dir, value) => raw.set(dir, JSON.stringify(value)),
  };
}

const start: ScriptedCommit[] = [
  { date: '2024-01-05T10:00:00Z', message: 'Import', write: { 'src/Order.cs': lines(10), 'src/Bill.cs': lines(5) } },
  { date: '2024-03-01T10:00:00Z', message: 'SHOP-1 order totals', write: { 'src/Order.cs': lines(12) } },
  { date: '2024-05-01T10:00:00Z', message: 'SHOP-2 bills', write: { 'src/Bill.cs': lines(7) } },
];

async function both(name: string, dir: string, store: HistoryStore) {
  const incremental = await readRepoHistoryIncrementally(name, dir, options, store);
  const full = await readRepoHistory(name, dir, options);
  return { incremental, full };
}

describe('history read incrementally', () => {
  it('reads in full once, then only checks HEAD while nothing changed', async () => {
    const dir = scriptedRepo(path.join(work, 'unchanged'), start);
    const store = memoryStore();
    const first = await readRepoHistoryIncrementally('shop', dir, options, store);
    expect(first.read).toBe('full');
    const before = gitProcessCount();
    const again = await readRepoHistoryIncrementally('shop', dir, options, store);
    expect(again.read).toBe('cached');
    expect(gitProcessCount() - before).toBe(0); // HEAD read from .git, no git process
    expect(again.history).toEqual((await readRepoHistory('shop', dir, options)).history);
  });

  it('asks git when HEAD cannot be read from the files, and still serves the cached history', async () => {
    const dir = scriptedRepo(path.join(work, 'symbolic-ref'), start);
    const store = memoryStore();
    await readRepoHistoryIncrementally('shop', dir, options, store);
    // A branch that is a symbolic ref to another: the file reader leaves it to git.
    git(dir, ['branch', 'trunk']);
    git(dir, ['symbolic-ref', 'refs/heads/alias', 'refs/heads/trunk']);
    git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/alias']);
    const before = gitProcessCount();
    const again = await readRepoHistoryIncrementally('shop', dir, options, store);
    expect(again.read).toBe('cached');
    expect(gitProcessCount() - before).toBe(1); // rev-parse HEAD, no log
  });

  it('sees a new commit of a packed branch even though HEAD is read from the files', async () => {
    const dir = scriptedRepo(path.join(work, 'packed'), start);
    git(dir, ['pack-refs', '--all']);
    const store = memoryStore();
    await readRepoHistoryIncrementally('shop', dir, options, store);
    scriptedRepo(dir, [{ date: '2024-08-01T10:00:00Z', message: 'SHOP-7 packed', write: { 'src/Bill.cs': lines(9) } }]);
    const { incremental, full } = await both('shop', dir, store);
    expect(incremental.read).toBe('incremental');
    expect(incremental.history).toEqual(full.history);
  });

  it('after new commits (a rename among them) reads only those, and gives what a full read gives', async () => {
    const dir = scriptedRepo(path.join(work, 'grown'), start);
    const store = memoryStore();
    await readRepoHistoryIncrementally('shop', dir, options, store);
    scriptedRepo(dir, [
      {
        date: '2024-07-01T10:00:00Z',
        message: 'SHOP-3 move orders',
        rename: [['src/Order.cs', 'src/Orders/Order.cs']],
      },
      { date: '2024-09-01T10:00:00Z', message: 'SHOP-4 edit', write: { 'src/Orders/Order.cs': lines(14) } },
    ]);
    const { incremental, full } = await both('shop', dir, store);
    expect(incremental.read).toBe('incremental');
    expect(incremental.history).toEqual(full.history);
    // The cached commits' paths follow the rename made after them.
    expect(incremental.history!.commits.map((c) => c.files.map((f) => f.path))).toContainEqual(['src/Orders/Order.cs']);
    // The window moved with the newest commit: the import fell out of it, as in the full read.
    expect(incremental.history!.commits.map((c) => c.message)).not.toContain('Import');
    // And the combined history is cached for the next scan.
    expect((await readRepoHistoryIncrementally('shop', dir, options, store)).read).toBe('cached');
  });

  it('reads in full when the history was rewritten (the cached HEAD is no ancestor of HEAD)', async () => {
    const dir = scriptedRepo(path.join(work, 'rewritten'), start);
    const store = memoryStore();
    await readRepoHistoryIncrementally('shop', dir, options, store);
    git(dir, ['reset', '--quiet', '--hard', 'HEAD~1']);
    scriptedRepo(dir, [
      { date: '2024-06-01T10:00:00Z', message: 'SHOP-5 instead', write: { 'src/Bill.cs': lines(2) } },
    ]);
    const { incremental, full } = await both('shop', dir, store);
    expect(incremental.read).toBe('full');
    expect(incremental.history).toEqual(full.history);
    expect(incremental.history!.commits.map((c) => c.message)).not.toContain('SHOP-2 bills');
  });

  it('reads in full when a merged branch brings commits dated before the cached ones (git interleaves them)', async () => {
    const dir = scriptedRepo(path.join(work, 'backdated'), start);
    const store = memoryStore();
    await readRepoHistoryIncrementally('shop', dir, options, store);
    git(dir, ['checkout', '--quiet', '-b', 'side', 'HEAD~1']);
    scriptedRepo(dir, [
      { date: '2024-04-01T10:00:00Z', message: 'SHOP-6 side work', write: { 'src/Side.cs': lines(3) } },
    ]);
    git(dir, ['checkout', '--quiet', 'main']);
    git(dir, ['merge', '--quiet', '--no-ff', '-m', 'Merge side', 'side'], '2024-10-01T10:00:00Z');
    const { incremental, full } = await both('shop', dir, store);
    expect(full.history!.commits.map((c) => c.message)).toEqual(['Merge side', 'SHOP-2 bills', 'SHOP-6 side work']);
    expect(incremental.read).toBe('full');
    expect(incremental.history).toEqual(full.history);
  });

  it('never trusts a cached HEAD that is not a commit id (no option reaches git from the cache)', async () => {
    const dir = scriptedRepo(path.join(work, 'tampered'), start);
    const store = memoryStore();
    await readRepoHistoryIncrementally('shop', dir, options, store);
    const entry = JSON.parse(store.raw.get(dir)!) as CachedRepoHistory;
    store.raw.set(
      dir,
      JSON.stringify({ ...entry, head: '--output=/tmp/x', history: { ...entry.history, commits: [] } }),
    );
    const { incremental, full } = await both('shop', dir, store);
    expect(incremental.read).toBe('full');
    expect(incremental.history).toEqual(full.history);
  });
});
