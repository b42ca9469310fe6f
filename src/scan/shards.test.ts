import { describe, expect, it } from 'vitest';
import { parseShard, shardOfRepo } from './shards.js';

describe('the shard partition', () => {
  it('puts every repository in exactly one shard, the same one on every machine', () => {
    const paths = Array.from({ length: 600 }, (_, i) => `team-${i % 7}/service-${i}`);
    for (const count of [1, 2, 3, 8]) {
      const sizes = new Array<number>(count).fill(0);
      for (const p of paths) {
        const shard = shardOfRepo(p, count);
        expect(shard).toBeGreaterThanOrEqual(1);
        expect(shard).toBeLessThanOrEqual(count);
        expect(shardOfRepo(p, count)).toBe(shard);
        sizes[shard - 1]!++;
      }
      // Spread evenly enough that N machines share the work.
      for (const size of sizes) expect(size).toBeGreaterThan((paths.length / count) * 0.7);
    }
  });

  it('depends only on the path, so adding repositories moves none of the others', () => {
    // Fixed values: a change of the hash would move repositories between machines and cold-start their caches.
    expect(['billing', 'orders', 'web/portal'].map((p) => shardOfRepo(p, 4))).toEqual([3, 3, 2]);
  });

  it('reads K/N and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3', '-1/2', '1.5/3'])
      expect(() => parseShard(bad)).toThrow(/--shard: expected K\/N/);
  });
});
