/**
 * The hostile estate (fixtures/hostile/build.mjs) scanned through the real CLI,
 * history on, two workers: the repositories try to run programs, read outside
 * the root, push escapes into the terminal and markup into the report, and
 * exhaust memory, time and the stack. The scan must finish, say what it skipped,
 * and have done none of what they asked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture script
import { buildHostileEstate, HOSTILE_NAMES } from '../../fixtures/hostile/build.mjs';
import type { Diagnostic, ScanResult } from '../../src/core/result.js';
// @ts-expect-error plain JS test helper, shared with npm run report:screens
import { chromiumPath, openReport } from '../browser/openReport.mjs';
import { assess, type CliRun } from './cli.js';

interface Built {
  root: string;
  markers: string;
  outside: string;
  secret: string;
  cases: string[];
  /** Whether the FIFO could be made (mkfifo). */
  fifo: boolean;
}

/** ESC, CR, DEL, C1 controls and every other C0 control but newline and tab. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_BYTES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const PASSWD_LINE = /root:[^:\n]*:0:0:/;
const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(2)<', '<img src=x onerror=alert(4)>'];

let work: string;
let built: Built;
let run: CliRun;
let result: ScanResult;
let html: string;
let json: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-hostile-'));
  built = buildHostileEstate(work) as Built;
  const out = path.join(work, 'result.json');
  const report = path.join(work, 'report.html');
  run = assess(['scan', built.root, '--jobs', '2', '--json', out, '--html', report]);
  json = readFileSync(out, 'utf8');
  result = JSON.parse(json) as ScanResult;
  html = readFileSync(report, 'utf8');
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const diagnosticsOf = (repo: string): Diagnostic[] => result.diagnostics.filter((d) => d.repo === repo);
const codeAt = (repo: string, file: string): string | undefined =>
  result.diagnostics.find((d) => d.repo === repo && d.file === file)?.code;
const historyOf = (repo: string) => result.repos.find((r) => r.name === repo)?.history;

describe('a scan of the hostile estate', () => {
  it('finishes without an internal error and builds every case', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(built.cases).toHaveLength(9);
  });

  it('runs nothing a repository names: no hook, git config program, npm script or MSBuild target wrote its marker', () => {
    expect(readdirSync(built.markers)).toEqual([]);
    // History was read (so git ran) in the repository whose config names every program.
    expect(historyOf('gitconfig')?.commits).toBe(2);
  });

  it('reads nothing outside the root: no secret, no /etc/passwd line, no linked or pointed-to history', () => {
    for (const output of [json, html, run.stdout, run.stderr]) {
      expect(output).not.toContain(built.secret);
      expect(output).not.toMatch(PASSWD_LINE);
    }
    for (const repo of ['links/nested', 'pointer', 'include', 'zeroconfig']) {
      expect(historyOf(repo)).toBeUndefined();
      expect(diagnosticsOf(repo).map((d) => d.code)).toContain('git-dir-outside-root');
    }
    expect(
      result.diagnostics.filter((d) => d.code === 'symlink-skipped' && d.repo === 'links').map((d) => d.file),
    ).toEqual([
      '.gitignore',
      'outside-src',
      'src/Dangling.cs',
      'src/Secret.cs',
      'src/Zero.cs',
      'src/parent-loop',
      'src/passwd.cs',
      'src/self-loop',
    ]);
    // The FIFO is not a regular file: reported, never opened (opening it would have blocked the scan).
    expect(result.graph.nodes.some((n) => n.id.endsWith('Fifo.cs'))).toBe(false);
    if (built.fifo) expect(codeAt('links', 'src/Fifo.cs')).toBe('special-file-skipped');
    // …and a FIFO .gitignore is not read (the walk would block on it): the folder's file is scanned.
    expect(result.graph.nodes.some((n) => n.id === 'file:links/lib/Lib.cs')).toBe(true);
  });

  it('never expands XML entities: the bomb and the external entity are diagnostics', () => {
    expect(json).not.toContain('lollol');
    expect(codeAt('entities', 'Bomb/Bomb.csproj')).toBe('msbuild-xml-invalid');
    expect(codeAt('entities', 'Xxe/Xxe.csproj')).toBe('msbuild-xml-invalid');
    expect(codeAt('entities', 'Xxe/packages.config')).toBe('packages-config-invalid');
  });

  it('names every skipped or damaged file with its repository and a code', () => {
    const expected: [string, string, string][] = [
      ['huge', 'src/Sparse.cs', 'file-too-large'],
      ['huge', 'web/vendor.min.js', 'file-too-large'],
      ['huge', 'db/bulk.sql', 'file-too-large'],
      ['huge', 'db/deep.sql', 'sql-statement-too-large'],
      ['huge', 'web/deepCall.js', 'js-minified-skipped'],
      ['huge', 'Deep/Deep.csproj', 'msbuild-xml-invalid'],
      ['names', 'src/Caf\uFFFD\uFFFD.cs', 'file-name-not-utf8'],
      ['names', `src/${HOSTILE_NAMES.html}`, 'csharp-syntax'],
      ['names', `src/${HOSTILE_NAMES.ansi}`, 'csharp-syntax'],
      ['names', `src/${HOSTILE_NAMES.newline}`, 'csharp-syntax'],
      ['encodings', 'src/Cp1252.cs', 'legacy-encoding'],
    ];
    for (const [repo, file, code] of expected) expect(codeAt(repo, file), `${repo}/${file}`).toBe(code);
    // Too deep for a recursive parser: turned away before it (a nesting guard) or caught when its stack ran out.
    const tooDeep: [string, string[]][] = [
      ['web/deep.ts', ['js-too-deep', 'js-syntax-error']],
      ['web/deepArray.ts', ['js-too-deep', 'js-syntax-error']],
      ['web/concat.ts', ['js-too-deep', 'js-syntax-error']],
      ['web/tsconfig.json', ['file-too-deep', 'tsconfig-invalid']],
    ];
    for (const [file, codes] of tooDeep) expect(codes, file).toContain(codeAt('huge', file));
    // The yaml parser reports its own stack running out as a syntax error: the message says what happened.
    for (const file of ['gateway/ocelot.json', 'gateway/docker-compose.yml']) {
      const gateway = result.diagnostics.find((d) => d.repo === 'huge' && d.file === file);
      expect(gateway, file).toMatchObject({
        code: 'config-invalid',
        message: expect.stringMatching(/nested too deep/),
      });
    }
    // Every diagnostic about a file says which repository it is in.
    expect(result.diagnostics.filter((d) => d.file !== undefined && d.repo === undefined)).toEqual([]);
    // Nothing was lost to a crash: no extractor failed outright.
    expect(result.diagnostics.filter((d) => d.code.endsWith('extract-failed'))).toEqual([]);
  });

  it('keeps the facts of deep and oddly encoded files that could be read', () => {
    const types = new Set(result.graph.nodes.filter((n) => n.kind === 'type').map((n) => n.name));
    const expected = ['Huge.Deep', 'Huge.DeepBinary', 'Huge.DeepNest', 'Enc.Utf16Le', 'Enc.Utf16Be', 'Enc.Cp1252'];
    for (const name of [...expected, 'Enc.Mixed', 'BrokenGit.Kept', 'NoHistory.Plain', 'Names.HtmlNamed'])
      expect(types, name).toContain(name);
    expect(result.graph.nodes.some((n) => n.id === 'file:huge/web/package-lock.json')).toBe(true);
  });

  it('reports the broken repositories and still scans their files', () => {
    expect(diagnosticsOf('empty').map((d) => d.code)).toContain('git-no-commits');
    expect(diagnosticsOf('brokengit').map((d) => d.code)).toContain('git-history-failed');
    expect(diagnosticsOf('garbagegit').map((d) => d.code)).toContain('git-history-failed');
    expect(diagnosticsOf('shallow').map((d) => d.code)).toContain('git-shallow-clone');
    expect(historyOf('shallow')).toMatchObject({ commits: 1, shallow: true });
  });

  it('prints no control character on the terminal, though names hold escapes and line breaks', () => {
    expect(run.stdout).not.toMatch(CONTROL_BYTES);
    expect(run.stderr).not.toMatch(CONTROL_BYTES);
    // The repository with the escape in its name is listed, its escapes shown as text.
    expect(run.stdout).toContain('evil\\x1B[2J');
  });

  it('keeps the HTML report inert: payload names only inside the JSON data block, escaped', () => {
    const data = /<script type="application\/json" id="assess-data">([\s\S]*?)<\/script>/.exec(html);
    expect(data).not.toBeNull();
    const outside = html.slice(0, data!.index) + html.slice(data!.index + data![0].length);
    for (const payload of PAYLOADS) {
      expect(html).not.toContain(payload); // not even in the data block: `<` is escaped there
      const escaped = payload.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
      expect(data![1], payload).toContain(escaped);
      expect(outside).not.toContain(escaped);
    }
    expect(html).not.toMatch(CONTROL_BYTES);
    // The data block reads back to the names as scanned.
    expect(JSON.stringify(JSON.parse(data![1]!))).toContain(HOSTILE_NAMES.html);
  });
});

describe.skipIf(!hasChromium())('the hostile report in Chromium', () => {
  it('runs no payload in any view', async () => {
    const opened = await openReport(path.join(work, 'report.html'));
    const dialogs: string[] = [];
    opened.page.on('dialog', (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      for (const view of ['overview', 'findings', 'plots', 'matrix', 'graph', 'decomposition']) {
        await opened.page.evaluate(`location.hash = ${JSON.stringify(view)}`);
        await opened.page.waitForTimeout(200);
      }
      expect(dialogs).toEqual([]);
      expect(await opened.page.locator('img[src="x"], [onerror]').count()).toBe(0);
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 120_000);
});

function hasChromium(): boolean {
  try {
    chromiumPath();
    return true;
  } catch {
    return false;
  }
}
