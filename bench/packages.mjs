#!/usr/bin/env node
/**
 * Package-phase figures (needs `npm run build`): registry lookups of N distinct packages
 * against a loopback npm registry, cold and from the cache, and loading an OSV zip of M records.
 *
 *   node bench/packages.mjs [packages=1000] [records=20000]
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { lookupRegistries } = await import(path.join(root, 'dist/src/registry/lookup.js'));
const { loadAdvisoryDatabase, packageKey } = await import(path.join(root, 'dist/src/advisories/database.js'));
const packages = Number(process.argv[2] ?? 1000);
const records = Number(process.argv[3] ?? 20000);
const work = mkdtempSync(path.join(tmpdir(), 'assess-bench-packages-'));

// Every name answers with the fixture lodash document (about 3 KB), after 2 ms of "network".
const lodash = readFileSync(path.join(root, 'fixtures/registry/npm/lodash.json'), 'utf8');
const server = createServer((_request, res) => setTimeout(() => res.end(lodash), 2));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const registry = `http://127.0.0.1:${server.address().port}/`;
const usages = Array.from({ length: packages }, (_, i) => ({
  packageId: `package:npm:pkg-${i}`,
  ecosystem: 'npm',
  name: `pkg-${i}`,
  projectId: 'project:web/package.json',
  repo: 'web',
  file: 'package.json',
  internal: false,
  fromRegistry: true,
}));
const options = (cacheDir) => ({
  rootDir: work,
  repoPaths: new Map([['web', 'web']]),
  offline: false,
  cacheDir,
  timeoutMs: 10_000,
  ttlMs: 86_400_000,
  concurrency: 8,
  retries: 2,
  backoffMs: 250,
  env: { NPM_CONFIG_REGISTRY: registry },
  homeDir: work,
  now: () => new Date(),
});
for (const label of ['cold', 'cached']) {
  const started = performance.now();
  const result = await lookupRegistries(usages, options(path.join(work, 'cache')));
  const ms = performance.now() - started;
  console.log(
    `registry ${label}: ${packages} packages in ${ms.toFixed(0)} ms (${(packages / (ms / 1000)).toFixed(0)}/s), ${result.requests} requests, ${result.diagnostics.length} diagnostics`,
  );
}
server.close();

// An OSV zip the size of a real ecosystem dump, of which the estate uses a handful of packages.
const osv = path.join(work, 'osv');
execFileSync('mkdir', ['-p', osv]);
for (let i = 0; i < records; i++) {
  const record = {
    id: `GHSA-bench-${i}`,
    summary: 'synthetic',
    affected: [
      {
        package: { ecosystem: 'npm', name: `pkg-${i % 5000}` },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `1.${i % 50}.0` }] }],
      },
    ],
  };
  writeFileSync(path.join(osv, `GHSA-bench-${i}.json`), JSON.stringify(record));
}
execFileSync('zip', ['-qr', path.join(work, 'osv.zip'), '.'], { cwd: osv });
const wanted = new Set(Array.from({ length: 50 }, (_, i) => packageKey('npm', `pkg-${i}`)));
for (const [label, source] of [
  ['folder', osv],
  ['zip', path.join(work, 'osv.zip')],
]) {
  const started = performance.now();
  const { index } = await loadAdvisoryDatabase(source, wanted);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `advisories ${label}: ${index.records} records in ${(performance.now() - started).toFixed(0)} ms, heap ${heap.toFixed(0)} MiB`,
  );
}
rmSync(work, { recursive: true, force: true });
