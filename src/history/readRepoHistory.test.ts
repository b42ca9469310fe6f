import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepoHistory, gitProcessCount } from './readRepoHistory.js';
import { compileTicketPattern, DEFAULT_TICKET_PATTERN } from './tickets.js';
import { git, lines, scriptedRepo } from './testRepos.js';
import { parseWindow } from './window.js';

const options = { window: parseWindow('12 months')!, ticketPattern: compileTicketPattern(DEFAULT_TICKET_PATTERN) };
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-history-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readRepoHistory', () => {
  it('reads commits newest first, follows renames to the newest name, keeps binaries without lines', async () => {
    const dir = scriptedRepo(path.join(work, 'renames'), [
      {
        date: '2024-02-01T10:00:00Z',
        message: 'Import',
        write: { 'src/Old.cs': lines(20), 'logo.png': '\u0000\u0001' },
      },
      { date: '2024-03-01T10:00:00Z', message: 'HAR-7 tweak', write: { 'src/Old.cs': lines(21) } },
      { date: '2024-04-01T10:00:00Z', message: 'Rename', rename: [['src/Old.cs', 'src/Sub/New.cs']] },
      {
        date: '2024-05-01T10:00:00Z',
        message: 'HAR-8 edit\n\nalso OPS-2',
        author: 'Bo <BO@example.com>',
        write: { 'src/Sub/New.cs': lines(22), 'logo.png': '\u0000\u0002' },
      },
    ]);
    const before = gitProcessCount();
    const { history, diagnostics } = await readRepoHistory('renames', dir, options);
    expect(gitProcessCount() - before).toBe(1);
    expect(diagnostics).toEqual([]);
    expect(history!.commits.map((c) => c.message)).toEqual(['HAR-8 edit', 'Rename', 'HAR-7 tweak', 'Import']);
    expect(history!.commits[0]).toMatchObject({ email: 'bo@example.com', tickets: ['HAR-8', 'OPS-2'] });
    expect(history!.commits[0]!.files).toEqual([
      { path: 'logo.png' },
      { path: 'src/Sub/New.cs', added: 1, deleted: 0 },
    ]);
    expect(history!.commits[1]!.files).toEqual([
      { path: 'src/Sub/New.cs', oldPath: 'src/Old.cs', added: 0, deleted: 0 },
    ]);
    expect(history!.commits[2]!.files).toEqual([{ path: 'src/Sub/New.cs', added: 1, deleted: 0 }]);
    expect(history!.commits[3]!.files.map((f) => f.path)).toEqual(['logo.png', 'src/Sub/New.cs']);
    expect(history!.newest).toBe(Date.UTC(2024, 4, 1, 10) / 1000);
  });

  it('keeps only the window before the newest commit, however old the repository', async () => {
    const commits = [
      { date: '2015-01-01T00:00:00Z', message: 'ancient', write: { 'a.txt': 'a\n' } },
      { date: '2022-12-31T23:59:59Z', message: 'old', write: { 'a.txt': 'b\n' } },
      { date: '2023-07-01T00:00:00Z', message: 'recent', write: { 'a.txt': 'c\n' } },
      { date: '2024-01-01T00:00:00Z', message: 'newest', write: { 'a.txt': 'd\n' } },
    ];
    const dir = scriptedRepo(path.join(work, 'window'), commits);
    const { history } = await readRepoHistory('window', dir, options);
    expect(history!.commits.map((c) => c.message)).toEqual(['newest', 'recent']);
    const all = await readRepoHistory('window', dir, { ...options, window: parseWindow('2010-01-01')! });
    expect(all.history!.commits).toHaveLength(4);
  });

  it('says so when a repository has no commits', async () => {
    const dir = path.join(work, 'empty');
    scriptedRepo(dir, []);
    const { history, diagnostics } = await readRepoHistory('empty', dir, options);
    expect(history).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'git-no-commits', repo: 'empty' }]);
  });

  it('warns about a shallow clone and still reads what it has', async () => {
    const source = scriptedRepo(path.join(work, 'deep'), [
      { date: '2024-01-01T00:00:00Z', message: 'one', write: { 'a.txt': 'a\n' } },
      { date: '2024-02-01T00:00:00Z', message: 'two', write: { 'a.txt': 'b\n' } },
      { date: '2024-03-01T00:00:00Z', message: 'three', write: { 'a.txt': 'c\n' } },
    ]);
    const clone = path.join(work, 'shallow');
    git(work, ['clone', '--quiet', '--depth', '1', `file://${source}`, clone]);
    const { history, diagnostics } = await readRepoHistory('shallow', clone, options);
    expect(diagnostics).toMatchObject([{ code: 'git-shallow-clone', severity: 'warning', repo: 'shallow' }]);
    expect(history!.shallow).toBe(true);
    expect(history!.commits.map((c) => c.message)).toEqual(['three']);
  });

  it('reports a folder that is not a readable repository as a diagnostic', async () => {
    const dir = path.join(work, 'broken');
    scriptedRepo(dir, [{ date: '2024-01-01T00:00:00Z', message: 'one', write: { 'a.txt': 'a\n' } }]);
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'garbage\n');
    const { history, diagnostics } = await readRepoHistory('broken', dir, options);
    expect(history).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toMatch(/^git-/);
  });
});

describe('readRepoHistory on a damaged repository', () => {
  it('keeps the commits read before a missing object and says the history is incomplete', async () => {
    const dir = scriptedRepo(path.join(work, 'damaged'), [
      { date: '2024-01-01T00:00:00Z', message: 'one', write: { 'a.txt': lines(3, 'first') } },
      { date: '2024-02-01T00:00:00Z', message: 'two', write: { 'a.txt': lines(4, 'second') } },
      { date: '2024-03-01T00:00:00Z', message: 'three', write: { 'b.txt': 'b\n' } },
    ]);
    const blob = git(dir, ['rev-parse', 'HEAD~2:a.txt']).trim();
    rmSync(path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const { history, diagnostics } = await readRepoHistory('damaged', dir, options);
    expect(diagnostics).toMatchObject([{ code: 'git-history-incomplete', severity: 'warning', repo: 'damaged' }]);
    expect(history!.commits.map((c) => c.message)).toEqual(['three']);
  });
});

describe('readRepoHistory on a hostile repository', () => {
  it('runs none of the programs its .git/config names', async () => {
    const dir = scriptedRepo(path.join(work, 'hostile'), [
      { date: '2024-01-01T00:00:00Z', message: 'one', write: { 'a.txt': 'a\n', '.gitattributes': '* diff=evil\n' } },
      { date: '2024-02-01T00:00:00Z', message: 'two', write: { 'a.txt': 'b\n' } },
    ]);
    const markers = path.join(work, 'markers');
    const script = (kind: string) => {
      const file = path.join(work, `evil-${kind}.sh`);
      writeFileSync(
        file,
        `#!/bin/sh\nmkdir -p '${markers}'\necho "$@" >> '${markers}/${kind}'\ncat >/dev/null 2>&1\nexit 0\n`,
      );
      chmodSync(file, 0o755);
      return file;
    };
    signHead(dir);
    appendFileSync(
      path.join(dir, '.git', 'config'),
      [
        '[core]',
        `\tfsmonitor = ${script('fsmonitor')}`,
        `\tpager = ${script('core-pager')}`,
        `\thooksPath = ${path.join(work, 'evil-hooks')}`,
        '[pager]',
        `\tlog = ${script('pager-log')}`,
        '[diff]',
        `\texternal = ${script('diff-external')}`,
        '[diff "evil"]',
        `\ttextconv = ${script('textconv')}`,
        `\tcommand = ${script('diff-command')}`,
        '[log]',
        '\tshowSignature = true',
        '[gpg]',
        `\tprogram = ${script('gpg')}`,
        '',
      ].join('\n'),
    );
    // Arm check: plain git does run these, so the test below can fail.
    execFileSync('git', ['log', '-p', '--textconv'], {
      cwd: dir,
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', HOME: work },
    });
    execFileSync('git', ['status'], { cwd: dir, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: work } });
    expect(readdirSync(markers).sort()).toEqual(expect.arrayContaining(['fsmonitor', 'gpg', 'textconv']));
    rmSync(markers, { recursive: true, force: true });

    const { history, diagnostics } = await readRepoHistory('hostile', dir, options);
    expect(diagnostics).toEqual([]);
    expect(history!.commits.map((c) => c.message)).toEqual(['signed', 'two', 'one']);
    expect(existsSync(markers)).toBe(false);
  });

  it('stops git that blocks on a pipe planted inside .git, with a diagnostic, instead of waiting for ever', async () => {
    const dir = scriptedRepo(path.join(work, 'fifo-refs'), [
      { date: '2024-02-01T10:00:00Z', message: 'Import', write: { 'a.cs': lines(3) } },
    ]);
    git(dir, ['pack-refs', '--all']);
    rmSync(path.join(dir, '.git/packed-refs'));
    execFileSync('mkfifo', [path.join(dir, '.git/packed-refs')]);
    const previous = process.env.ASSESS_GIT_BLOCK_TIMEOUT_MS;
    process.env.ASSESS_GIT_BLOCK_TIMEOUT_MS = '1500';
    try {
      const started = Date.now();
      const { history, diagnostics } = await readRepoHistory('fifo-refs', dir, options);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(history).toBeUndefined();
      expect(diagnostics).toEqual([
        expect.objectContaining({
          code: 'git-history-failed',
          repo: 'fifo-refs',
          message: expect.stringMatching(/no output for too long/),
        }),
      ]);
    } finally {
      if (previous === undefined) delete process.env.ASSESS_GIT_BLOCK_TIMEOUT_MS;
      else process.env.ASSESS_GIT_BLOCK_TIMEOUT_MS = previous;
    }
  }, 30_000);
});

/** A commit with a (bogus) PGP signature header, so `log.showSignature` would call `gpg.program`. */
function signHead(dir: string): void {
  const tree = git(dir, ['rev-parse', 'HEAD^{tree}']).trim();
  const parent = git(dir, ['rev-parse', 'HEAD']).trim();
  const body = [
    `tree ${tree}`,
    `parent ${parent}`,
    'author Eve <eve@example.com> 1709251200 +0000',
    'committer Eve <eve@example.com> 1709251200 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEbogus',
    ' -----END PGP SIGNATURE-----',
    '',
    'signed',
    '',
  ].join('\n');
  const file = path.join(dir, '..', 'signed-commit.txt');
  writeFileSync(file, body);
  const hash = git(dir, ['hash-object', '-t', 'commit', '-w', file]).trim();
  git(dir, ['update-ref', 'HEAD', hash]);
}
