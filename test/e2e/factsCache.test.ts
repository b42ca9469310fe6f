/** The facts cache through the CLI: a warm scan gives exactly what a cold scan of the same files gives. */
import {
  appendFileSync,
  statSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import { git as commit } from '../../src/history/testRepos.js';
import { assess } from './cli.js';

let work: string;
let estate: string;
let cacheDir: string;

/** Scans with the cache (or with the extra flags), returns the JSON without its two timing fields and the debug line. */
function scan(name: string, extra: readonly string[] = []): { json: string; cacheLine: string; historyLine: string } {
  const out = path.join(work, `${name}.json`);
  // These are tests of the facts and history caches: without the stored whole result (resultCache.test.ts) every scan reaches them.
  rmSync(path.join(cacheDir, 'result-v1'), { recursive: true, force: true });
  const run = assess(['scan', estate, '--json', out, '-q', ...extra], {
    ASSESS_CACHE_DIR: cacheDir,
    ASSESS_DEBUG: '1',
  });
  expect(run.status).toBe(0);
  expect(run.stderr.split('\n').filter((l) => l && !l.startsWith('assess: debug: '))).toEqual([]);
  const json = readFileSync(out, 'utf8')
    .replace(/"generatedAt": "[^"]*"/, '')
    .replace(/"elapsedMs": \d+/, '');
  return {
    json,
    cacheLine: /facts cache: \d+ hits.*/.exec(run.stderr)?.[0] ?? '',
    historyLine: /history cache: .*/.exec(run.stderr)?.[0] ?? '',
  };
}

function entryFiles(): string[] {
  const root = path.join(cacheDir, 'facts-v1');
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(path.join(root, e.name)).map((f) => path.join(root, e.name, f)))
    .sort();
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-facts-e2e-'));
  estate = buildEstate('harbor-estate', path.join(work, 'harbor-estate')) as string;
  cacheDir = path.join(work, 'cache');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the facts cache', () => {
  let files = 0;
  let cold = '';

  it('extracts every file on a cold scan and none on a warm one, with the same result', () => {
    const first = scan('cold');
    const match = /^facts cache: 0 hits, (\d+) misses \(0 ignored\), (\d+) written/.exec(first.cacheLine);
    expect(match).not.toBeNull();
    files = Number(match![1]);
    expect(files).toBeGreaterThan(50);
    expect(Number(match![2])).toBe(files);
    cold = first.json;
    const warm = scan('warm');
    expect(warm.cacheLine).toMatch(new RegExp(`^facts cache: ${files} hits, 0 misses \\(0 ignored\\), 0 written`));
    expect(warm.json).toBe(cold);
  });

  it('after one file is edited, extracts only it and gives what a cold scan of the edited estate gives', () => {
    const file = path.join(estate, 'harbor-contracts/src/Harbor.Contracts/EventEnvelope.cs');
    appendFileSync(
      file,
      '\nnamespace Harbor.Contracts { public class EnvelopeAudit { public EventEnvelope? Last { get; set; } } }\n',
    );
    const warm = scan('edited-warm');
    expect(warm.cacheLine).toMatch(new RegExp(`^facts cache: ${files - 1} hits, 1 misses \\(0 ignored\\), 1 written`));
    const uncached = scan('edited-uncached', ['--no-cache']);
    expect(uncached.cacheLine).toBe('');
    expect(warm.json).toBe(uncached.json);
    expect(warm.json).not.toBe(cold); // the edit shows: a cache serving stale facts would fail here
    expect(warm.json).toContain('Harbor.Contracts.EnvelopeAudit');
    cold = uncached.json;
  });

  it('ignores a corrupt entry, says so, extracts that file again and rewrites the entry', () => {
    // An entry the last scan used (hits are touched): the edit above left its old entry unused.
    const [victim] = entryFiles().sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    writeFileSync(victim!, '{"format":"assess-facts-2","key":"tru');
    const warm = scan('corrupt');
    expect(warm.cacheLine).toMatch(new RegExp(`^facts cache: ${files - 1} hits, 1 misses \\(1 ignored\\), 1 written`));
    expect(warm.json).toBe(cold);
    expect(JSON.parse(readFileSync(victim!, 'utf8')).format).toBe('assess-facts-2');
  });

  it('after a new commit, reads only the new commits of that repository and gives what a scan without cache gives', () => {
    const repo = path.join(estate, 'harbor-contracts');
    const git = (args: string[]) => commit(repo, args, '2031-01-01T00:00:00Z');
    git(['add', '--all']);
    git(['commit', '--quiet', '-m', 'HARB-9 envelope audit']);
    const before = scan('history-before');
    expect(before.historyLine).toMatch(/^history cache: 7 unchanged, 1 read since the cached HEAD, 0 read in full/);
    const uncached = scan('history-uncached', ['--no-cache']);
    expect(before.json).toBe(uncached.json);
    // The new commit is read: the window now ends at it.
    expect(before.json).toMatch(/"name": "harbor-contracts",[\s\S]*?"until": "2031-01-01"/);
    expect(scan('history-again').historyLine).toMatch(/^history cache: 8 unchanged/);
  });

  it('writes nothing with --no-cache', () => {
    const fresh = path.join(work, 'fresh-cache');
    const run = assess(['scan', estate, '--no-cache', '--no-history', '-q'], { ASSESS_CACHE_DIR: fresh });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(fresh, 'facts-v1'))).toBe(false);
  });
});
