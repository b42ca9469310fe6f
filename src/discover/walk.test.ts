import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkEstate } from './walk.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'assess-walk-'));
  for (const [file, content] of Object.entries(files)) {
    const abs = path.join(root, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (file.endsWith('/')) mkdirSync(abs, { recursive: true });
    else writeFileSync(abs, content);
  }
  return root;
}

const paths = (repo: { files: { path: string }[] } | undefined) => repo?.files.map((f) => f.path);

describe('walkEstate', () => {
  it('finds git repositories below the root and names them by their path', () => {
    tree({
      'billing/.git/HEAD': '',
      'billing/src/Invoice.cs': 'class Invoice {}',
      'team/identity/.git/HEAD': '',
      'team/identity/User.cs': 'class User {}',
    });
    const { repos } = walkEstate(root);
    expect(repos.map((r) => [r.name, r.git])).toEqual([
      ['billing', true],
      ['team/identity', true],
    ]);
    expect(paths(repos[0])).toEqual(['src/Invoice.cs']);
  });

  it('treats the root as one repository when it is one, with nested repositories apart', () => {
    tree({ '.git/HEAD': '', 'App.cs': '', 'vendor/lib/.git/HEAD': '', 'vendor/lib/Lib.cs': '' });
    const { repos } = walkEstate(root);
    expect(repos.map((r) => r.path)).toEqual(['.', 'vendor/lib']);
    expect(paths(repos[0])).toEqual(['App.cs']);
    expect(paths(repos[1])).toEqual(['Lib.cs']);
  });

  it('treats a folder of code without any git as one repository', () => {
    tree({ 'src/A.cs': '', 'src/B.ts': '' });
    const { repos } = walkEstate(root);
    expect(repos).toHaveLength(1);
    expect(repos[0]).toMatchObject({ path: '.', git: false, name: path.basename(root) });
    expect(paths(repos[0])).toEqual(['src/A.cs', 'src/B.ts']);
  });

  it('counts a bare top-level folder of code beside git repositories as a repository', () => {
    tree({ 'billing/.git/HEAD': '', 'billing/A.cs': '', 'legacy-drop/Old.cs': '', 'notes.sql': '' });
    const { repos, diagnostics } = walkEstate(root);
    expect(repos.map((r) => [r.name, r.git])).toEqual([
      ['billing', true],
      ['legacy-drop', false],
    ]);
    expect(paths(repos[1])).toEqual(['Old.cs']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'outside-repository', file: 'notes.sql' }));
  });

  it('honours nested .gitignore files and extra excludes', () => {
    tree({
      '.git/HEAD': '',
      '.gitignore': '*.generated.cs\n',
      'src/.gitignore': 'Legacy/\n',
      'src/A.cs': '',
      'src/A.generated.cs': '',
      'src/Legacy/Old.cs': '',
      'other/Legacy/Kept.cs': '',
      'tools/Gen.cs': '',
    });
    const { repos } = walkEstate(root, { exclude: ['tools/'] });
    expect(paths(repos[0])).toEqual(['other/Legacy/Kept.cs', 'src/A.cs']);
  });

  it('skips build output and restored packages but keeps look-alike source folders', () => {
    tree({
      '.git/HEAD': '',
      'Web/Web.csproj': '<Project/>',
      'Web/bin/Debug/Web.cs': '',
      'Web/obj/Debug/Temp.cs': '',
      'packages/Newtonsoft.Json.6.0.4/tools/install.ps1': '',
      'packages/Newtonsoft.Json.6.0.4/Readme.cs': '',
      'frontend/packages/ui/src/index.ts': '',
      'frontend/node_modules/lodash/index.js': '',
      'frontend/dist/app.js': '',
      'cli/bin/run.js': '',
      '.vs/config/x.cs': '',
    });
    const { repos } = walkEstate(root);
    expect(paths(repos[0])).toEqual(['Web/Web.csproj', 'cli/bin/run.js', 'frontend/packages/ui/src/index.ts']);
  });

  it('never follows symbolic links, reporting each one', () => {
    tree({ '.git/HEAD': '', 'src/A.cs': '' });
    const outside = mkdtempSync(path.join(tmpdir(), 'assess-outside-'));
    writeFileSync(path.join(outside, 'Secret.cs'), 'class Secret {}');
    symlinkSync(outside, path.join(root, 'src', 'escape'));
    symlinkSync(root, path.join(root, 'src', 'loop'));
    symlinkSync(path.join(root, 'src', 'A.cs'), path.join(root, 'src', 'Alias.cs'));
    try {
      const { repos, diagnostics } = walkEstate(root);
      expect(paths(repos[0])).toEqual(['src/A.cs']);
      const links = diagnostics.filter((d) => d.code === 'symlink-skipped').map((d) => d.file);
      expect(links).toEqual(['src/Alias.cs', 'src/escape', 'src/loop']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('lists an empty repository with no files', () => {
    tree({ 'empty/.git/HEAD': '', 'full/.git/HEAD': '', 'full/A.cs': '' });
    const { repos } = walkEstate(root);
    expect(repos.map((r) => [r.name, r.files.length])).toEqual([
      ['empty', 0],
      ['full', 1],
    ]);
  });
});

describe('walkEstate and names that are not UTF-8', () => {
  it('reports a file and a folder whose names are not UTF-8, and keeps their siblings', () => {
    tree({ 'app/.git/HEAD': '', 'app/src/Good.cs': 'class Good {}' });
    const src = path.join(root, 'app', 'src');
    writeFileSync(Buffer.concat([Buffer.from(`${src}/Caf`), Buffer.from([0xe9]), Buffer.from('.cs')]), 'class C {}');
    mkdirSync(Buffer.concat([Buffer.from(`${src}/Dir`), Buffer.from([0xff])]));
    const { repos, diagnostics } = walkEstate(root);
    expect(paths(repos[0])).toEqual(['src/Good.cs']);
    const notUtf8 = diagnostics.filter((d) => d.code === 'file-name-not-utf8');
    expect(notUtf8.map((d) => [d.repo, d.file])).toEqual([
      ['app', 'src/Caf\uFFFD.cs'],
      ['app', 'src/Dir\uFFFD'],
    ]);
    expect(diagnostics.filter((d) => d.code === 'unreadable-file' || d.code === 'unreadable-directory')).toEqual([]);
  });
});

describe('walkEstate and files that are not regular', () => {
  it('reports a FIFO named like code instead of opening it, and ignores one that is not', () => {
    tree({ 'app/.git/HEAD': '', 'app/src/Good.cs': 'class Good {}' });
    const made = spawnSync('mkfifo', [path.join(root, 'app/src/Pipe.cs'), path.join(root, 'app/src/pipe.bin')]);
    if (made.status !== 0) return; // no mkfifo on this system
    const { repos, diagnostics } = walkEstate(root);
    expect(paths(repos[0])).toEqual(['src/Good.cs']);
    expect(diagnostics.filter((d) => d.code === 'special-file-skipped').map((d) => [d.repo, d.file])).toEqual([
      ['app', 'src/Pipe.cs'],
    ]);
  });
});

describe('walkEstate and a .gitignore that is not a regular file', () => {
  it('does not read a linked .gitignore (its patterns live outside) nor a FIFO one (it would never end)', () => {
    tree({ 'app/.git/HEAD': '', 'app/src/Good.cs': 'class Good {}', 'app/lib/Lib.cs': 'class Lib {}' });
    const outside = mkdtempSync(path.join(tmpdir(), 'assess-walk-outside-'));
    try {
      writeFileSync(path.join(outside, 'ignore'), '*.cs\n');
      symlinkSync(path.join(outside, 'ignore'), path.join(root, 'app', '.gitignore'));
      spawnSync('mkfifo', [path.join(root, 'app', 'lib', '.gitignore')]);
      const { repos } = walkEstate(root);
      expect(paths(repos[0])).toEqual(['lib/Lib.cs', 'src/Good.cs']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
