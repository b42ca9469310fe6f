/** Start-up loads only what the command needs: no command for `--version`, no report code for a plain scan. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess, projectRoot } from './cli.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-startup-'));
  writeFileSync(path.join(work, 'package.json'), '{ "name": "tiny", "version": "1.0.0" }');
  writeFileSync(path.join(work, 'index.ts'), 'export const answer = 42;\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The project modules (dist/…) a run of `args` loaded, repo-relative. */
function loadedBy(args: readonly string[], name: string): string[] {
  const log = path.join(work, `${name}.log`);
  writeFileSync(log, '');
  const hook = pathToFileURL(path.join(projectRoot, 'test/support/moduleLog.mjs')).href;
  const run = assess(args, { NODE_OPTIONS: `--import ${hook}`, ASSESS_MODULE_LOG: log });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const dist = pathToFileURL(path.join(projectRoot, 'dist')).href;
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(dist))
    .map((url) => url.slice(dist.length + 1));
}

describe('start-up', () => {
  it('prints the version without loading any command', () => {
    const loaded = loadedBy(['--version'], 'version');
    expect(loaded).toContain('src/cli/main.js');
    expect(loaded.filter((m) => m.startsWith('src/cli/commands/'))).toEqual([]);
    expect(loaded.filter((m) => m.startsWith('src/scan/'))).toEqual([]);
  });

  it('scans without loading the other commands or the HTML report, and loads the report when asked for it', () => {
    const out = path.join(work, 'result.json');
    const plain = loadedBy(['scan', work, '--no-history', '--no-cache', '-q', '--json', out], 'scan');
    expect(plain).toContain('src/cli/commands/scan.js');
    expect(plain).not.toContain('src/cli/commands/check.js');
    expect(plain.filter((m) => m.startsWith('src/report/html/'))).toEqual([]);
    const html = path.join(work, 'report.html');
    const withReport = loadedBy(['scan', work, '--no-history', '--no-cache', '-q', '--html', html], 'html');
    expect(withReport).toContain('src/report/html/renderHtml.js');
  });

  it('still lists every command in the help', () => {
    const help = assess(['--help']).stdout;
    for (const command of ['scan', 'candidates', 'explain', 'report', 'baseline', 'check', 'merge'])
      expect(help).toMatch(new RegExp(`\\n  ${command}\\b`));
  });
});
