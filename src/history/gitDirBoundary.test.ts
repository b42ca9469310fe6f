import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGitDirBoundary } from './gitDirBoundary.js';

const work = mkdtempSync(path.join(tmpdir(), 'assess-gitdir-'));
const root = path.join(work, 'root');
const elsewhere = path.join(work, 'elsewhere', '.git');
mkdirSync(path.join(elsewhere, 'objects'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function repo(name: string, dotGit?: (dir: string) => void): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  if (dotGit) dotGit(dir);
  else mkdirSync(path.join(dir, '.git', 'objects', 'info'), { recursive: true });
  return dir;
}

const verdict = (name: string, dir: string) => checkGitDirBoundary(name, dir, root);

describe('checkGitDirBoundary', () => {
  it('accepts a plain .git folder and a .git file pointing inside the root (a submodule)', () => {
    expect(verdict('plain', repo('plain')).ok).toBe(true);
    mkdirSync(path.join(root, 'super', '.git', 'modules', 'sub'), { recursive: true });
    const sub = repo('super/sub', (dir) => writeFileSync(path.join(dir, '.git'), 'gitdir: ../.git/modules/sub\n'));
    expect(verdict('super/sub', sub).ok).toBe(true);
  });

  it('refuses a .git symlink: git would follow it anywhere', () => {
    const dir = repo('linked', (d) => symlinkSync(elsewhere, path.join(d, '.git')));
    const outcome = verdict('linked', dir);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostic).toMatchObject({ code: 'git-dir-outside-root', repo: 'linked' });
  });

  it('refuses a .git file naming a git folder outside the root', () => {
    const dir = repo('pointer', (d) => writeFileSync(path.join(d, '.git'), `gitdir: ${elsewhere}\n`));
    expect(verdict('pointer', dir).ok).toBe(false);
    const climbing = repo('climbing', (d) => writeFileSync(path.join(d, '.git'), 'gitdir: ../../elsewhere/.git\n'));
    expect(verdict('climbing', climbing).ok).toBe(false);
  });

  it('refuses alternates and a commondir that lead outside the root', () => {
    const alt = repo('alternates');
    writeFileSync(path.join(alt, '.git', 'objects', 'info', 'alternates'), `# shared\n${elsewhere}/objects\n`);
    expect(verdict('alternates', alt).ok).toBe(false);
    const common = repo('common');
    writeFileSync(path.join(common, '.git', 'commondir'), '../../../elsewhere/.git\n');
    expect(verdict('common', common).ok).toBe(false);
    const local = repo('local-alternates');
    writeFileSync(path.join(local, '.git', 'objects', 'info', 'alternates'), '../../../plain/.git/objects\n');
    expect(verdict('local-alternates', local).ok).toBe(true);
  });

  it('refuses a config that includes a file outside the root, and accepts one including a file inside', () => {
    const outside = repo('include-outside');
    writeFileSync(
      path.join(outside, '.git', 'config'),
      `[core]\n\tbare = false\n[include]\n\tpath = ${elsewhere}/config\n`,
    );
    expect(verdict('include-outside', outside).ok).toBe(false);
    const home = repo('include-home');
    writeFileSync(path.join(home, '.git', 'config'), '[includeIf "gitdir:/"]\n\tpath = "~/.gitconfig"\n');
    expect(verdict('include-home', home).ok).toBe(false);
    const local = repo('include-local');
    writeFileSync(path.join(local, '.git', 'config'), '[include]\n\tpath = extra.config\n[user]\n\tpath = /etc/x\n');
    expect(verdict('include-local', local).ok).toBe(true);
  });

  it('refuses git files that would block or exhaust a reader: a config linked to /dev/zero, a FIFO for HEAD', () => {
    const zero = repo('zero-config');
    symlinkSync('/dev/zero', path.join(zero, '.git', 'config'));
    expect(verdict('zero-config', zero)).toMatchObject({
      ok: false,
      diagnostic: { message: /config is not a small regular file/ },
    });
    const fifo = repo('fifo-head');
    if (spawnSync('mkfifo', [path.join(fifo, '.git', 'HEAD')]).status === 0)
      expect(verdict('fifo-head', fifo).ok).toBe(false);
    const plain = repo('plain-head');
    writeFileSync(path.join(plain, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect(verdict('plain-head', plain).ok).toBe(true);
  });

  it('leaves a malformed .git file to git', () => {
    const dir = repo('garbage', (d) => writeFileSync(path.join(d, '.git'), 'not a pointer'));
    expect(verdict('garbage', dir).ok).toBe(true);
  });
});
