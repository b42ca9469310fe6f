/**
 * A file that changes between discovery and reading — removed, emptied, grown
 * past the cap, replaced by a symbolic link or a named pipe — is reported with
 * its repository, and the scan goes on with the rest.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from './runScan.js';

const work = mkdtempSync(path.join(tmpdir(), 'assess-midscan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const root = path.join(work, 'estate');
const src = path.join(root, 'billing', 'src');
const outside = path.join(work, 'outside.cs');

function writeEstate(): void {
  mkdirSync(path.join(root, 'billing', '.git'), { recursive: true });
  mkdirSync(src, { recursive: true });
  for (const name of ['Invoice', 'Ledger', 'Refund', 'Payment', 'Receipt', 'Statement'])
    writeFileSync(path.join(src, `${name}.cs`), `namespace Billing { public class ${name} { } }\n`);
  writeFileSync(outside, 'namespace Outside { public class Secret { } }\n');
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

describe('files changed after discovery', () => {
  it('are each reported, and every other file is read', async () => {
    writeEstate();
    const result = await runScan({
      root,
      maxFileBytes: 4096,
      exclude: [],
      analyzerOptions: {},
      history: false,
      only: ['dependency-cycles'],
      workers: 1,
      onEvent: (event) => {
        if (event.type !== 'discovered') return;
        rmSync(path.join(src, 'Ledger.cs'));
        rmSync(path.join(src, 'Refund.cs'));
        symlinkSync(outside, path.join(src, 'Refund.cs'));
        writeFileSync(path.join(src, 'Payment.cs'), `// ${'x'.repeat(8192)}\n`);
        writeFileSync(path.join(src, 'Receipt.cs'), '');
        if (hasMkfifo) {
          rmSync(path.join(src, 'Statement.cs'));
          spawnSync('mkfifo', [path.join(src, 'Statement.cs')]);
        }
      },
    });
    const problems = result.diagnostics
      .filter((d) => d.file?.startsWith('src/'))
      .map((d) => [d.repo, d.file, d.code, d.message]);
    expect(problems).toEqual(
      [
        [
          'billing',
          'src/Ledger.cs',
          'unreadable-file',
          'file could not be read: ENOENT (removed since it was discovered)',
        ],
        [
          'billing',
          'src/Payment.cs',
          'file-too-large',
          'file is 8.0 KiB, over the 4.0 KiB cap (--max-file-size); skipped',
        ],
        [
          'billing',
          'src/Refund.cs',
          'unreadable-file',
          'file could not be read: ELOOP (replaced by a symbolic link since it was discovered; not followed)',
        ],
        ...(hasMkfifo
          ? [
              [
                'billing',
                'src/Statement.cs',
                'unreadable-file',
                'file could not be read: no longer a regular file (replaced since it was discovered)',
              ],
            ]
          : []),
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const types = result.graph.nodes.filter((n) => n.id.startsWith('type:')).map((n) => n.id);
    expect(types).toContain('type:Billing.Invoice');
    expect(types).not.toContain('type:Outside.Secret');
  });
});
