import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeadFromFiles } from './gitHead.js';
import { git, lines, type ScriptedCommit, scriptedRepo } from './testRepos.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-git-head-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const commits: ScriptedCommit[] = [
  { date: '2024-01-05T10:00:00Z', message: 'Import', write: { 'src/Order.cs': lines(3) } },
  { date: '2024-02-05T10:00:00Z', message: 'SHOP-1 totals', write: { 'src/Order.cs': lines(4) } },
];
const revParse = (dir: string) => git(dir, ['rev-parse', 'HEAD']).trim();
const repo = (name: string) => scriptedRepo(path.join(work, name), commits);

describe('reading HEAD from the repository files', () => {
  it('gives what git gives for a branch with a loose ref, and follows a new commit', () => {
    const dir = repo('loose');
    expect(readHeadFromFiles(dir)).toBe(revParse(dir));
    const before = revParse(dir);
    scriptedRepo(dir, [{ date: '2024-03-01T10:00:00Z', message: 'SHOP-2', write: { 'src/Bill.cs': lines(2) } }]);
    expect(readHeadFromFiles(dir)).toBe(revParse(dir));
    expect(readHeadFromFiles(dir)).not.toBe(before);
  });

  it('gives what git gives when the branch is only in packed-refs, and prefers a loose ref over it', () => {
    const dir = repo('packed');
    git(dir, ['pack-refs', '--all']);
    expect(readHeadFromFiles(dir)).toBe(revParse(dir));
    // A commit after packing writes a loose ref that git reads instead of the stale packed line.
    scriptedRepo(dir, [{ date: '2024-03-01T10:00:00Z', message: 'SHOP-3', write: { 'src/Bill.cs': lines(2) } }]);
    expect(readHeadFromFiles(dir)).toBe(revParse(dir));
  });

  it('gives what git gives for a detached HEAD', () => {
    const dir = repo('detached');
    git(dir, ['checkout', '--quiet', '--detach', 'HEAD~1']);
    expect(readHeadFromFiles(dir)).toBe(revParse(dir));
  });

  it('leaves it to git for an unborn branch, a linked refs folder, a FIFO ref and a .git file', () => {
    const unborn = path.join(work, 'unborn');
    mkdirSync(unborn);
    git(unborn, ['init', '--quiet', '--initial-branch=main']);
    expect(readHeadFromFiles(unborn)).toBeUndefined();

    const linked = repo('linked-refs');
    const elsewhere = repo('elsewhere');
    const heads = path.join(linked, '.git', 'refs', 'heads');
    rmSync(heads, { recursive: true });
    symlinkSync(path.join(elsewhere, '.git', 'refs', 'heads'), heads);
    expect(readHeadFromFiles(linked)).toBeUndefined();

    const fifo = repo('fifo-ref');
    const main = path.join(fifo, '.git', 'refs', 'heads', 'main');
    rmSync(main);
    execFileSync('mkfifo', [main]);
    expect(readHeadFromFiles(fifo)).toBeUndefined(); // and returns: the FIFO is never waited on

    const pointer = repo('gitdir-file');
    renameSync(path.join(pointer, '.git'), path.join(work, 'gitdir-file.git'));
    writeFileSync(path.join(pointer, '.git'), `gitdir: ${path.join(work, 'gitdir-file.git')}\n`);
    expect(readHeadFromFiles(pointer)).toBeUndefined();
  });

  it('leaves it to git for a HEAD naming a ref outside refs/ or with a parent step', () => {
    const dir = repo('odd-head');
    const head = path.join(dir, '.git', 'HEAD');
    writeFileSync(head, 'ref: refs/heads/../../config\n');
    expect(readHeadFromFiles(dir)).toBeUndefined();
    writeFileSync(head, 'ref: ORIG_HEAD\n');
    expect(readHeadFromFiles(dir)).toBeUndefined();
    writeFileSync(head, 'not a ref at all\n');
    expect(readHeadFromFiles(dir)).toBeUndefined();
  });

  it('leaves it to git for a ref that names another ref, and for a repository using reftable', () => {
    const dir = repo('symbolic');
    writeFileSync(path.join(dir, '.git', 'refs', 'heads', 'main'), 'ref: refs/heads/other\n');
    expect(readHeadFromFiles(dir)).toBeUndefined();
    const table = repo('reftable-like');
    mkdirSync(path.join(table, '.git', 'reftable'));
    expect(readHeadFromFiles(table)).toBeUndefined();
  });
});
