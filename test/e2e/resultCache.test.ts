/**
 * The whole-result cache through the CLI: an unchanged estate is served the
 * stored result, and every kind of change — an edit, a deleted file, a new file,
 * a config change, a new commit, other options — is seen: the scan then gives
 * exactly what a scan without any cache gives.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import { git } from '../../src/history/testRepos.js';
import { assess } from './cli.js';

let work: string;
let estate: string;
let cacheDir: string;

/** The JSON without its two timing fields, and what the result cache said. */
function scan(
  name: string,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
): { json: string; said: string } {
  const out = path.join(work, `${name}.json`);
  const run = assess(['scan', estate, '--json', out, '-q', '--offline', ...extra], {
    ASSESS_CACHE_DIR: cacheDir,
    ASSESS_DEBUG: '1',
    ...env,
  });
  expect(run.status).toBe(0);
  const json = readFileSync(out, 'utf8')
    .replace(/"generatedAt": "[^"]*"/, '')
    .replace(/"elapsedMs": \d+/, '');
  const said = [...run.stderr.matchAll(/result cache: (.*)/g)].map((m) => m[1]).join('; ');
  return { json, said };
}

/** A scan of the estate as it is now, reading everything again (registry answers from the same folder). */
const uncached = (name: string, extra: readonly string[] = []) => scan(name, ['--no-cache', ...extra]).json;

const COMMIT_DATE = '2031-01-01T00:00:00Z';

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-result-cache-e2e-'));
  estate = buildEstate('harbor-estate', path.join(work, 'harbor-estate')) as string;
  cacheDir = path.join(work, 'cache');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the result cache', () => {
  let current = '';

  it('stores the first result and serves it while nothing changed, equal to a scan without cache', () => {
    const first = scan('first');
    expect(first.said).toBe('miss; stored');
    const again = scan('again');
    expect(again.said).toBe('hit');
    current = uncached('first-uncached');
    expect(first.json).toBe(current);
    expect(again.json).toBe(current);
  });

  const changes: [string, () => void, string?][] = [
    [
      'an edited file',
      () =>
        appendFileSync(
          path.join(estate, 'harbor-contracts/src/Harbor.Contracts/EventEnvelope.cs'),
          '\nnamespace Harbor.Contracts { public class EnvelopeAudit { public EventEnvelope? Last { get; set; } } }\n',
        ),
      'Harbor.Contracts.EnvelopeAudit',
    ],
    ['a deleted file', () => rmSync(path.join(estate, 'harbor-contracts/src/Harbor.Contracts/EventEnvelope.cs'))],
    [
      'a new file',
      () =>
        writeFileSync(
          path.join(estate, 'harbor-contracts/src/Harbor.Contracts/Receipt.cs'),
          'namespace Harbor.Contracts { public class ShipmentReceipt { public string? Number { get; set; } } }\n',
        ),
      'Harbor.Contracts.ShipmentReceipt',
    ],
    [
      'a changed config',
      () =>
        writeFileSync(
          path.join(estate, 'assess.config.json'),
          JSON.stringify({ exclude: ['**/Harbor.Contracts/Receipt.cs'] }),
        ),
    ],
    [
      'a new commit',
      () => {
        const repo = path.join(estate, 'harbor-contracts');
        git(repo, ['add', '--all'], COMMIT_DATE);
        git(repo, ['commit', '--quiet', '-m', 'HARB-9 envelope audit'], COMMIT_DATE);
      },
      '"until": "2031-01-01"',
    ],
  ];

  it.each(changes)('sees %s: scans again, equal to a scan without cache, then serves that', (_what, change, shows) => {
    change();
    const warm = scan('changed');
    expect(warm.said).toBe('miss; stored');
    const fresh = uncached('changed-uncached');
    expect(warm.json).toBe(fresh);
    expect(warm.json).not.toBe(current); // a stale result served would fail here
    if (shows) expect(warm.json).toContain(shows);
    current = fresh;
    expect(scan('changed-again')).toEqual({ json: current, said: 'hit' });
  });

  it('serves no result made with other options', () => {
    const window = scan('window', ['--since', '3 months']);
    expect(window.said).toBe('miss; stored');
    expect(window.json).toBe(uncached('window-uncached', ['--since', '3 months']));
    expect(window.json).not.toBe(current);
    expect(scan('only', ['--only', 'dependency-cycles']).said).toBe('miss; stored');
  });

  it('ignores a damaged stored result, says so, and rewrites it', () => {
    const folder = path.join(cacheDir, 'result-v1');
    const entries = readdirSync(folder, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
    expect(entries.filter((e) => e.name.endsWith('.json'))).toHaveLength(4); // one per options (the config change made one), not per change
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    }
    const damaged = scan('damaged');
    expect(damaged.said).toMatch(
      /^ignored .*: not a cache entry \(corrupt or truncated\); it will be rewritten; miss; stored$/,
    );
    expect(damaged.json).toBe(current);
    expect(scan('repaired').said).toBe('hit');
  });

  it('stores no result of a scan in which a file could not be extracted', () => {
    writeFileSync(
      path.join(estate, 'harbor-contracts/src/Harbor.Contracts/Manifest.cs'),
      'namespace Harbor.Contracts { public class CargoManifest { } }\n',
    );
    const fault = { ASSESS_TEST_EXTRACT_FAULT: 'throw:harbor-contracts/src/Harbor.Contracts/Manifest.cs' };
    const failing = scan('failing', ['--jobs', '1'], fault);
    expect(failing.said).toBe('miss; not stored: a file could not be cached');
    expect(scan('after-failure').said).toBe('miss; stored');
  });

  it('is neither read nor written with --no-cache', () => {
    const fresh = path.join(work, 'fresh-cache');
    const run = assess(['scan', estate, '--no-cache', '--offline', '-q'], {
      ASSESS_CACHE_DIR: fresh,
      ASSESS_DEBUG: '1',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('result cache');
  });
});
