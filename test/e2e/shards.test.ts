/** `scan --shard K/N` + `merge` give byte for byte the result of one scan; parts that do not fit are refused. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import type { ScanResult } from '../../src/core/result.js';
import { assess } from './cli.js';

let work: string;
let estate: string;
// A fixed clock: the only way two runs can be compared byte for byte.
const env = { SOURCE_DATE_EPOCH: '1700000000' };

const written = new Set<string>();
/** Scans one shard (once per test file: parts are only read afterwards). */
function shard(index: number, count: number, extra: readonly string[] = []): string {
  const out = path.join(work, `part-${index}-of-${count}${extra.length ? '-other' : ''}.json`);
  if (written.has(out)) return out;
  written.add(out);
  const run = assess(['scan', estate, '--shard', `${index}/${count}`, '--json', out, '-q', ...extra], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

function merge(parts: readonly string[]): { status: number; stderr: string; json?: string } {
  const out = path.join(work, `merged-${parts.map((p) => path.basename(p, '.json')).join('+')}.json`);
  const run = assess(['merge', ...parts, '-o', out, '-q'], env);
  return { status: run.status, stderr: run.stderr, ...(run.status === 0 ? { json: readFileSync(out, 'utf8') } : {}) };
}

/** The first line of a partial (JSON Lines): what it holds. */
function envelopeOf(file: string): { facts: { repos: { name: string }[] } } {
  return JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!);
}

let single: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-shards-'));
  estate = buildEstate('harbor-estate', path.join(work, 'harbor-estate')) as string;
  const out = path.join(work, 'single.json');
  const run = assess(['scan', estate, '--json', out, '-q'], env);
  expect(run.status).toBe(0);
  single = readFileSync(out, 'utf8');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shards merged', () => {
  it.each([1, 2, 3])('equal one scan byte for byte with %i shard(s)', (count) => {
    const parts = Array.from({ length: count }, (_, i) => shard(i + 1, count));
    // Each repository is in exactly one shard.
    const held = parts.flatMap((p) => envelopeOf(p).facts.repos.map((r) => r.name));
    const result = JSON.parse(single) as ScanResult;
    expect(held.sort()).toEqual(result.repos.map((r) => r.name).sort());
    const merged = merge([...parts].reverse()); // the order given does not matter
    expect(merged.stderr).toBe('');
    expect(merged.json).toBe(single);
  });

  it('carry edges between repositories of different shards (they come from the merged facts)', () => {
    const result = JSON.parse(single) as ScanResult;
    const repoOf = (id: string) => result.graph.nodes.find((n) => n.id === id)?.repo;
    const across = result.graph.edges.filter(
      (e) => (e.kind === 'http-call' || e.kind === 'project-ref') && repoOf(e.from) !== repoOf(e.to),
    );
    expect(across.length).toBeGreaterThan(0);
    const parts = [shard(1, 3), shard(2, 3), shard(3, 3)];
    const holders = new Set(
      across.flatMap((e) =>
        [repoOf(e.from), repoOf(e.to)].map((repo) =>
          parts.findIndex((p) => envelopeOf(p).facts.repos.some((r) => r.name === repo)),
        ),
      ),
    );
    expect(holders.size).toBeGreaterThan(1);
  });

  it('refuse a missing shard with exit 2', () => {
    const run = merge([shard(1, 3), shard(3, 3)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing shard 2\/3/);
  });

  it('refuse a shard given twice with exit 2', () => {
    const run = merge([shard(1, 2), shard(2, 2), shard(2, 2)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/shard 2\/2 is given twice/);
  });

  it('refuse shards of different counts, options or versions, and files that are not partials, with exit 2', () => {
    expect(merge([shard(1, 2), shard(2, 3)]).stderr).toMatch(/is shard 2\/3/);
    expect(merge([shard(1, 2), shard(2, 2, ['--no-history'])]).stderr).toMatch(/other options/);
    const other = path.join(work, 'other-version.json');
    writeFileSync(other, readFileSync(shard(2, 2), 'utf8').replace(/"version":"[^"]*"/, '"version":"0.0.0-other"'));
    expect(merge([shard(1, 2), other]).stderr).toMatch(/written by assess 0\.0\.0-other/);
    const lines = readFileSync(shard(1, 2), 'utf8').split('\n');
    const truncated = path.join(work, 'truncated.json');
    writeFileSync(truncated, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    expect(merge([truncated, shard(2, 2)]).stderr).toMatch(/damaged partial result \(truncated/);
    const notPartial = path.join(work, 'single.json');
    const run = merge([shard(1, 2), notPartial]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not a partial result/);
  });

  it('reject a bad --shard and a shard without --json with exit 2', () => {
    for (const bad of ['0/2', '3/2', 'two', '1/0'])
      expect(assess(['scan', estate, '--shard', bad, '--json', path.join(work, 'x.json')]).status).toBe(2);
    expect(assess(['scan', estate, '--shard', '1/2']).status).toBe(2);
  });
});
