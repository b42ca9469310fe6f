/**
 * The package inventory end to end: the CLI scans a fixture estate of every manifest
 * and lockfile format against a real registry server on 127.0.0.1 (both protocols),
 * selected through the repos' own `.npmrc` / `NuGet.Config` written here, with the
 * fixture OSV database; then the cache and `--offline` answer without the network.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import { isEdgeOfKind } from '../../src/core/graphData.js';
import type { Finding, ScanResult } from '../../src/core/result.js';
import { startRegistryServer, type RegistryServer } from '../support/registryServer.js';
import { assessAsync, projectRoot } from './cli.js';

let server: RegistryServer;
let work: string;
let estate: string;
let env: Record<string, string>;
let result: ScanResult;
let table: string;

const finding = (ruleId: string, repo: string, name: string): Finding | undefined =>
  result.findings.find(
    (f) =>
      f.ruleId === ruleId &&
      f.location.repo === repo &&
      (f.data.name === name || f.data.framework === name || f.data.runtime === name),
  );

async function scan(
  extra: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ status: number; result: ScanResult; stdout: string; stderr: string }> {
  const out = path.join(work, `result-${Math.random().toString(36).slice(2)}.json`);
  const run = await assessAsync(
    ['scan', estate, '--json', out, '--advisories', path.join(projectRoot, 'fixtures/advisories'), ...extra],
    { ...env, ...extraEnv },
  );
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    result: JSON.parse(readFileSync(out, 'utf8')) as ScanResult,
  };
}

beforeAll(async () => {
  server = await startRegistryServer();
  work = mkdtempSync(path.join(tmpdir(), 'assess-packages-'));
  estate = buildEstate('dependency-estate', path.join(work, 'dependency-estate')) as string;
  // The users' own settings: a scoped private registry in the user's ~/.npmrc, the public
  // one per repository, and NuGet.Config files that clear the user's unreachable feed.
  const home = path.join(work, 'home');
  mkdirSync(path.join(home, '.nuget/NuGet'), { recursive: true });
  writeFileSync(path.join(home, '.npmrc'), `@harbor:registry=${server.privateNpmUrl}\n`);
  writeFileSync(
    path.join(home, '.nuget/NuGet/NuGet.Config'),
    '<configuration><packageSources><add key="corp" value="http://127.0.0.1:9/v3/index.json" /></packageSources></configuration>',
  );
  for (const repo of ['storefront', 'admin-ui'])
    writeFileSync(path.join(estate, repo, '.npmrc'), `registry=${server.npmUrl}\n`);
  for (const repo of ['legacy-billing', 'orders-api']) {
    writeFileSync(
      path.join(estate, repo, 'NuGet.Config'),
      `<configuration><packageSources><clear /><add key="fixture" value="${server.nugetUrl}" /></packageSources></configuration>`,
    );
  }
  env = {
    HOME: home,
    ASSESS_OFFLINE: '',
    ASSESS_CACHE_DIR: path.join(work, 'cache'),
    NPM_CONFIG_REGISTRY: '',
    npm_config_registry: '',
    npm_config_userconfig: '',
    NPM_CONFIG_USERCONFIG: '',
  };
  const run = await scan([]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  result = run.result;
  table = run.stdout;
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('package inventory against a loopback registry', () => {
  it('makes one node per package, used by several repos, with declared and resolved versions', () => {
    const json = result.graph.nodes.find((n) => n.id === 'package:nuget:newtonsoft.json');
    expect(json?.data).toMatchObject({
      ecosystem: 'nuget',
      versions: ['6.0.4', '[12.0.3,14.0)'],
      resolved: ['12.0.3'],
      latest: '13.0.3',
    });
    const users = result.graph.edges
      .filter((e) => e.kind === 'package-ref' && e.to === 'package:nuget:newtonsoft.json')
      .map((e) => e.from);
    expect(users).toEqual([
      'project:legacy-billing/src/Billing/Billing.csproj',
      'project:orders-api/src/Orders.Api/Orders.Api.csproj',
    ]);
    const lodash = result.graph.edges
      .filter(isEdgeOfKind('package-ref'))
      .filter((e) => e.to === 'package:npm:lodash')
      .map((e) => [e.from, e.data?.version, e.data?.resolved]);
    expect(lodash).toEqual([
      ['project:admin-ui/package.json', '4.17.21', '4.17.21'],
      ['project:storefront/package.json', '^4.17.11', '4.17.11'],
    ]);
  });

  it('reports the 2014 Newtonsoft.Json, EF6 and log4net with the right distance', () => {
    expect(finding('outdated-package', 'legacy-billing', 'Newtonsoft.Json')).toMatchObject({
      severity: 'error',
      location: { file: 'src/Billing/Billing.csproj' },
      data: {
        current: '6.0.4',
        latest: '13.0.3',
        majorsBehind: 7,
        minorsBehind: 7,
        releasedAt: '2014-08-03T23:21:58.267+00:00',
      },
    });
    expect(finding('outdated-package', 'legacy-billing', 'EntityFramework')).toMatchObject({
      severity: 'note',
      data: { current: '6.1.3', latest: '6.5.1', majorsBehind: 0, minorsBehind: 4 },
    });
    expect(finding('outdated-package', 'legacy-billing', 'log4net')).toMatchObject({
      severity: 'warning',
      data: { current: '2.0.3', latest: '3.0.3', majorsBehind: 1 },
    });
    expect(finding('outdated-package', 'orders-api', 'Newtonsoft.Json')).toMatchObject({
      data: { current: '12.0.3', currentFrom: 'lockfile', majorsBehind: 1 },
    });
    expect(finding('outdated-package', 'orders-api', 'Dapper')).toMatchObject({
      data: { current: '2.0.123', latest: '2.1.35', minorsBehind: 1 },
    });
    expect(finding('outdated-package', 'storefront', 'lodash')).toMatchObject({
      location: { file: 'package.json', line: 9 },
      data: { current: '4.17.11', latest: '4.17.21' },
    });
    expect(finding('outdated-package', 'storefront', '@harbor/design-tokens')).toMatchObject({
      data: { current: '2.0.0', latest: '2.3.0', registry: server.privateNpmUrl },
    });
    expect(finding('outdated-package', 'admin-ui', 'lodash')).toBeUndefined();
  });

  it('matches the vulnerable versions against the OSV records', () => {
    expect(finding('vulnerable-package', 'legacy-billing', 'Newtonsoft.Json')).toMatchObject({
      severity: 'error',
      data: { advisory: 'GHSA-5crp-9r3c-p9vr', current: '6.0.4' },
    });
    const lodash = result.findings
      .filter((f) => f.ruleId === 'vulnerable-package' && f.data.name === 'lodash')
      .map((f) => [f.location.repo, f.data.advisory]);
    expect(lodash).toEqual([
      ['storefront', 'GHSA-35jh-r3h4-6jhm'],
      ['storefront', 'GHSA-jf85-cpcp-j695'],
    ]);
    expect(finding('vulnerable-package', 'orders-api', 'Newtonsoft.Json')).toMatchObject({
      data: { current: '12.0.3', fixedIn: ['13.0.1'] },
    });
    expect(finding('vulnerable-package', 'admin-ui', 'lodash')).toBeUndefined(); // 4.17.21 is fixed
  });

  it('reports deprecated packages and end-of-life frameworks', () => {
    expect(finding('deprecated-package', 'legacy-billing', 'WindowsAzure.Storage')).toMatchObject({
      severity: 'error',
      data: { latestDeprecated: true },
    });
    expect(finding('eol-framework', 'legacy-billing', 'net452')).toMatchObject({
      data: { endOfSupport: '2022-04-26', ended: true },
    });
    expect(finding('eol-framework', 'orders-api', 'net6.0')).toMatchObject({ data: { endOfSupport: '2024-11-12' } });
    expect(finding('eol-framework', 'admin-ui', 'node')).toMatchObject({
      data: { range: '12.x', allowedMajors: ['12'] },
    });
    expect(finding('eol-framework', 'storefront', 'node')).toBeUndefined(); // >=14 allows maintained lines
  });

  it('says which private package its registry does not know, and finishes', () => {
    const missing = result.diagnostics.filter((d) => d.code === 'package-not-found');
    expect(missing).toMatchObject([{ repo: 'orders-api', file: 'src/Orders.Api/Orders.Api.csproj' }]);
    expect(missing[0]!.message).toMatch(
      /nuget package Harbor\.Contracts is not on http:\/\/127\.0\.0\.1:\d+\/nuget\/v3\/index\.json/,
    );
    expect(
      result.diagnostics.filter(
        (d) => d.code !== 'package-not-found' && d.severity !== 'info' && d.repo !== 'broken-web',
      ),
    ).toEqual([]);
  });

  it('reads broken manifests and lockfiles as diagnostics, keeping what it can', () => {
    const broken = result.diagnostics.filter((d) => d.repo === 'broken-web').map((d) => [d.code, d.file, d.line]);
    expect(broken).toEqual([
      ['package-json-invalid', 'package.json', 4],
      ['package-json-invalid', 'packages/ui/package.json', undefined],
      ['npm-lockfile-invalid', 'pnpm-lock.yaml', 4],
      ['npm-lockfile-invalid', 'yarn.lock', 2],
    ]);
    expect(result.graph.nodes.find((n) => n.id === 'project:broken-web/packages/ui/package.json')?.name).toBe(
      '@broken/ui',
    );
  });

  it('prints the dependency summary', () => {
    for (const text of ['Ecosystem', 'Most behind', 'Newtonsoft.Json (nuget)', 'Repos by exposure', 'legacy-billing'])
      expect(table).toContain(text);
    expect(table.indexOf('Newtonsoft.Json (nuget)')).toBeLessThan(table.indexOf('log4net (nuget)'));
  });

  it('answers a second scan from the cache, without a request', async () => {
    const before = server.requests.length;
    const again = await scan(['--quiet']);
    expect(again.status).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(again.result.findings.map((f) => f.id)).toEqual(result.findings.map((f) => f.id));
  });

  it('--offline with an empty cache sends nothing and says what it could not check', async () => {
    const before = server.requests.length;
    const offline = await scan(['--offline', '--cache-dir', path.join(work, 'empty-cache')]);
    expect(offline.status).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(offline.result.findings.filter((f) => f.ruleId === 'outdated-package')).toEqual([]);
    expect(offline.result.diagnostics.find((d) => d.code === 'registry-offline-miss')?.message).toMatch(
      /not in the registry cache.*nuget:Newtonsoft\.Json/,
    );
    // Advisories and lifecycles are local: still reported offline.
    expect(offline.result.findings.some((f) => f.ruleId === 'vulnerable-package')).toBe(true);
  });

  it('turns a hanging registry into one diagnostic per package and still completes', async () => {
    server.fail('/npm/express', 'hang', 'hang', 'hang', 'hang', 'hang', 'hang');
    const slow = await scan([
      '--cache-dir',
      path.join(work, 'cold-cache'),
      '--registry-timeout',
      '300',
      '--only',
      'outdated-package',
    ]);
    expect(slow.status).toBe(0);
    const unreachable = slow.result.diagnostics.filter((d) => d.code === 'registry-unreachable');
    expect(unreachable.map((d) => d.repo).sort()).toEqual(['storefront']);
    expect(unreachable[0]!.message).toMatch(/1 package was not looked up \(npm:express\): .*timed out after 300 ms/);
    expect(slow.result.findings.some((f) => f.data.name === 'lodash')).toBe(true);
  });

  it('rejects bad flags as usage errors', async () => {
    expect((await assessAsync(['scan', estate, '--registry-timeout', 'soon'], env)).status).toBe(2);
    expect((await assessAsync(['scan', estate, '--advisories', path.join(work, 'nope.zip')], env)).status).toBe(2);
  });
});
