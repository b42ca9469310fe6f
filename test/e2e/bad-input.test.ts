/** Hostile and broken input: every problem becomes a diagnostic and the rest of the scan completes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/result.js';
import { assess } from './cli.js';

let root: string;
let result: ScanResult;
let status: number;

function put(file: string, content: string | Buffer): void {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'assess-bad-'));
  put('messy/.git/HEAD', 'ref: refs/heads/main\n');
  put(
    'messy/src/Broken.cs',
    'namespace Messy {\n  public class Broken { void M() { int x = ; if (x >) { } } }\n}\nnamespace Messy { public class Good { Broken b; } }\n',
  );
  put(
    'messy/src/Utf16.cs',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('namespace Messy { public class FromUtf16 {} }', 'utf16le')]),
  );
  put(
    'messy/src/Ansi.cs',
    Buffer.from([...Buffer.from('// Caf'), 0xe9, ...Buffer.from('\nnamespace Messy { public class FromAnsi {} }\n')]),
  );
  put(
    'messy/src/BomCrlf.cs',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('namespace Messy\r\n{\r\n  public class FromBom : FromUtf16 {}\r\n}\r\n'),
    ]),
  );
  put('messy/src/Binary.cs', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]));
  put('messy/src/Huge.cs', `namespace Messy { public class Huge { ${'int x; '.repeat(400)} } }`);
  put(
    'messy/src/Messy.csproj',
    '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Dapper" Version="2.0.1" /></ItemGroup',
  );
  put('messy/Directory.Build.props', '<Project><PropertyGroup>');
  put('messy/app.sln', 'not a solution');
  symlinkSync(root, path.join(root, 'messy', 'src', 'loop'));
  symlinkSync('/etc', path.join(root, 'messy', 'outside'));
  put('empty/.git/HEAD', 'ref: refs/heads/main\n');
  const run = assess([
    'scan',
    root,
    '--json',
    path.join(root, '..', `${path.basename(root)}.json`),
    '--quiet',
    '--max-file-size',
    '2KB',
  ]);
  status = run.status;
  result = JSON.parse(readFileSync(path.join(root, '..', `${path.basename(root)}.json`), 'utf8')) as ScanResult;
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}.json`, { force: true });
});

const diagnostic = (code: string, file: string) =>
  result.diagnostics.find((d) => d.code === code && d.file === file && (d.repo === 'messy' || d.repo === undefined));

describe('a scan of broken input', () => {
  it('completes with exit code 0', () => {
    expect(status).toBe(0);
  });

  it('explains every skipped or damaged file', () => {
    expect(diagnostic('csharp-syntax', 'src/Broken.cs')).toBeDefined();
    expect(diagnostic('binary-file', 'src/Binary.cs')).toBeDefined();
    expect(diagnostic('file-too-large', 'src/Huge.cs')?.message).toMatch(/over the 2\.0 KiB cap/);
    expect(diagnostic('msbuild-xml-invalid', 'src/Messy.csproj')).toBeDefined();
    expect(diagnostic('msbuild-xml-invalid', 'Directory.Build.props')).toBeDefined();
    expect(diagnostic('legacy-encoding', 'src/Ansi.cs')).toBeDefined();
    expect(diagnostic('solution-unrecognised', 'app.sln')).toBeDefined();
    expect(diagnostic('symlink-skipped', 'src/loop')).toBeDefined();
    expect(diagnostic('symlink-skipped', 'outside')).toBeDefined();
  });

  it('keeps everything that could be read', () => {
    const types = result.graph.nodes
      .filter((n) => n.kind === 'type')
      .map((n) => n.name)
      .sort();
    expect(types).toEqual(expect.arrayContaining(['Messy.FromAnsi', 'Messy.FromBom', 'Messy.FromUtf16', 'Messy.Good']));
    expect(types).not.toContain('Messy.Huge');
    const edges = result.graph.edges.map((e) => `${e.kind} ${e.from} ${e.to}`);
    expect(edges).toContain('type-ref type:Messy.FromBom type:Messy.FromUtf16');
    expect(edges).toContain('type-ref type:Messy.Good type:Messy.Broken');
    expect(edges).toContain('package-ref project:messy/src/Messy.csproj package:nuget:dapper');
  });

  it('never leaves the scan root', () => {
    expect(result.graph.nodes.some((n) => n.path?.includes('passwd') || n.path?.startsWith('loop/'))).toBe(false);
  });

  it('lists an empty repository', () => {
    expect(result.repos.find((r) => r.name === 'empty')).toMatchObject({ files: 0, loc: 0, git: true });
  });
});
