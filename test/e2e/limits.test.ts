/** `--max-files` and `--max-repos`: an estate past them stops during discovery with one message and exit 2. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../src/core/events.js';
import { ScanLimitError } from '../../src/core/errors.js';
import { runScan } from '../../src/scan/runScan.js';
import { assess } from './cli.js';

let root: string;
let out: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'assess-limits-'));
  for (const repo of ['billing', 'orders', 'shipping']) {
    mkdirSync(path.join(root, repo, '.git'), { recursive: true });
    writeFileSync(path.join(root, repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(path.join(root, repo, 'src'), { recursive: true });
    for (const type of ['Invoice', 'Ledger'])
      writeFileSync(path.join(root, repo, 'src', `${type}.cs`), `namespace ${repo} { public class ${type} {} }\n`);
  }
  out = path.join(root, '..', `${path.basename(root)}.json`);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { force: true });
});

const scan = (...args: string[]) => assess(['scan', root, '--no-history', '-q', '--json', out, ...args]);

describe('estate size guards', () => {
  it('exit 2 with a message naming the flag when the estate has more files than --max-files, and write nothing', () => {
    const run = scan('--max-files', '5');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assess: more than 5 files .*--max-files/)]);
    expect(existsSync(out)).toBe(false);
  });

  it('exit 2 past --max-repos', () => {
    const run = scan('--max-repos', '2');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/more than 2 repositories .*--max-repos/);
  });

  it('scan as usual at the limits', () => {
    expect(scan('--max-files', '6', '--max-repos', '3').status).toBe(0);
    expect(existsSync(out)).toBe(true);
    rmSync(out);
  });

  it('read the limits from the configuration too, the flag winning', () => {
    const config = path.join(root, 'limits.config.json');
    writeFileSync(config, JSON.stringify({ maxFiles: 4 }));
    expect(scan('--config', config).status).toBe(2);
    expect(scan('--config', config, '--max-files', '100').status).toBe(0);
    rmSync(out, { force: true });
  });

  it('reject a limit that is not a whole number of at least 1', () => {
    for (const bad of ['0', '2.5']) {
      const run = scan('--max-files', bad);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--max-files: expected a whole number/);
    }
  });

  it('stop before extraction starts', async () => {
    const events: ScanEvent[] = [];
    await expect(
      runScan({
        root,
        maxFileBytes: 1 << 20,
        exclude: [],
        analyzerOptions: {},
        history: false,
        maxFiles: 5,
        onEvent: (event) => events.push(event),
      }),
    ).rejects.toBeInstanceOf(ScanLimitError);
    expect(events.filter((e) => e.type === 'phase').map((e) => (e as { phase: string }).phase)).toEqual(['discover']);
  });
});
