import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRegistryServer, type RegistryServer } from '../../test/support/registryServer.js';
import type { PackageUsage } from '../packages/inventory.js';
import { lookupRegistries, type RegistryOptions } from './lookup.js';

let server: RegistryServer;
let work: string;

beforeAll(async () => {
  server = await startRegistryServer();
});
afterAll(() => server.close());
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'assess-registry-'));
  server.requests.length = 0;
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  const file = path.join(work, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function usage(ecosystem: 'npm' | 'nuget', name: string, repo: string, file: string, known?: string): PackageUsage {
  return {
    packageId: `package:${ecosystem}:${name.toLowerCase()}`,
    ecosystem,
    name,
    projectId: `project:${repo}/${file}`,
    repo,
    file,
    ...(known ? { known, knownFrom: 'lockfile' as const } : {}),
    internal: false,
    fromRegistry: true,
  };
}

function options(extra: Partial<RegistryOptions> = {}): RegistryOptions {
  return {
    rootDir: path.join(work, 'estate'),
    repoPaths: new Map([
      ['web', 'web'],
      ['legacy', 'legacy'],
    ]),
    offline: false,
    cacheDir: path.join(work, 'cache'),
    timeoutMs: 2000,
    ttlMs: 24 * 3600_000,
    concurrency: 4,
    retries: 2,
    backoffMs: 10,
    env: {},
    homeDir: path.join(work, 'home'),
    now: () => new Date('2025-06-01T00:00:00Z'),
    ...extra,
  };
}

const npmUsages = () => [
  usage('npm', 'lodash', 'web', 'package.json', '4.17.4'),
  usage('npm', '@harbor/design-tokens', 'web', 'package.json', '1.0.0'),
];

describe('npm registry selection from .npmrc', () => {
  it('uses the project registry, the scoped registry for its scope, and sends the user’s token only where it was configured', async () => {
    const host = server.url.replace(/^http:/, '');
    write('estate/web/.npmrc', `registry=${server.npmUrl}\n@harbor:registry=${server.privateNpmUrl}\n`);
    write('home/.npmrc', `${host}/private-npm/:_authToken=\${HARBOR_TOKEN}\n`);
    const result = await lookupRegistries(npmUsages(), options({ env: { HARBOR_TOKEN: 's3cret' } }));
    expect(result.diagnostics).toEqual([]);
    expect(result.index.get('project:web/package.json', 'package:npm:lodash')).toMatchObject({
      latestTag: '4.17.21',
      published: { '4.17.4': '2016-12-31T22:33:56.623Z' },
    });
    expect(result.index.get('project:web/package.json', 'package:npm:@harbor/design-tokens')).toMatchObject({
      latestTag: '2.3.0',
      source: server.privateNpmUrl,
    });
    expect(server.requests).toEqual(
      expect.arrayContaining([
        { path: '/npm/lodash', accept: 'application/json' },
        { path: '/private-npm/@harbor/design-tokens', authorization: 'Bearer s3cret', accept: 'application/json' },
      ]),
    );
    expect(server.requests).toHaveLength(2);
  });

  it('never expands the user’s environment into a scanned repository’s credentials', async () => {
    const host = server.url.replace(/^http:/, '');
    write('estate/web/.npmrc', `registry=${server.npmUrl}\n${host}/npm/:_authToken=\${HARBOR_TOKEN}\n`);
    write(
      'estate/legacy/NuGet.Config',
      `<configuration><packageSources><clear /><add key="fixture" value="${server.nugetUrl}" /></packageSources>
      <packageSourceCredentials><fixture><add key="Username" value="me" /><add key="ClearTextPassword" value="%HARBOR_TOKEN%" /></fixture></packageSourceCredentials></configuration>`,
    );
    const usages = [
      usage('npm', 'lodash', 'web', 'package.json'),
      usage('nuget', 'Dapper', 'legacy', 'Api.csproj', '2.0.123'),
    ];
    const result = await lookupRegistries(usages, options({ env: { HARBOR_TOKEN: 's3cret' } }));
    expect(result.diagnostics).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(2);
    expect(server.requests.filter((r) => r.authorization)).toEqual([]);
  });

  it('drops credentials when a registry redirects to another origin', async () => {
    const host = server.url.replace(/^http:/, '');
    write('home/.npmrc', `registry=${server.url}/redirect-npm/\n${host}/redirect-npm/:_authToken=t0ken\n`);
    const result = await lookupRegistries([usage('npm', 'lodash', 'web', 'package.json')], options());
    expect(result.diagnostics).toEqual([]);
    expect(result.index.get('project:web/package.json', 'package:npm:lodash')?.latestTag).toBe('4.17.21');
    expect(server.requests).toEqual([
      { path: '/redirect-npm/lodash', authorization: 'Bearer t0ken', accept: 'application/json' },
      { path: '/npm/lodash', accept: 'application/json' },
    ]);
  });

  it('lets NPM_CONFIG_REGISTRY override the project file, and falls back to the user ~/.npmrc', async () => {
    write('estate/web/.npmrc', 'registry=http://127.0.0.1:9/\n');
    write('home/.npmrc', `@harbor:registry=${server.privateNpmUrl}\n`);
    const result = await lookupRegistries(npmUsages(), options({ env: { NPM_CONFIG_REGISTRY: server.npmUrl } }));
    expect(result.diagnostics).toEqual([]);
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/npm/lodash', '/private-npm/@harbor/design-tokens']);
  });
});

describe('NuGet source selection from NuGet.Config', () => {
  it('honours <clear/> in the repository config over the user config, and reads only the registration pages it needs', async () => {
    write(
      'home/.nuget/NuGet/NuGet.Config',
      '<configuration><packageSources><add key="corp" value="http://127.0.0.1:9/v3/index.json" /></packageSources></configuration>',
    );
    write(
      'estate/legacy/NuGet.Config',
      `<?xml version="1.0"?><configuration><packageSources><clear /><add key="fixture" value="${server.nugetUrl}" /></packageSources></configuration>`,
    );
    const usages = [
      usage('nuget', 'Newtonsoft.Json', 'legacy', 'src/Core/Core.csproj', '6.0.4'),
      usage('nuget', 'WindowsAzure.Storage', 'legacy', 'src/Core/Core.csproj', '8.7.0'),
    ];
    const result = await lookupRegistries(usages, options());
    expect(result.diagnostics).toEqual([]);
    const json = result.index.get('project:legacy/src/Core/Core.csproj', 'package:nuget:newtonsoft.json')!;
    expect(json.versions).toContain('13.0.3');
    expect(json.published['6.0.4']).toBe('2014-08-03T23:21:58.267+00:00');
    expect(json.published['13.0.3']).toBe('2023-03-08T01:18:02.163+00:00');
    const storage = result.index.get('project:legacy/src/Core/Core.csproj', 'package:nuget:windowsazure.storage')!;
    expect(storage.deprecated['8.7.0']).toBe(
      'Please use Azure.Storage.Blobs instead. (Legacy); use Azure.Storage.Blobs instead',
    );
    const paths = server.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/nuget/v3/index.json')).toHaveLength(1); // one service index fetch for both
    expect(paths).toContain('/nuget/v3/registration/newtonsoft.json/page/4.5.11/9.0.1.json');
    expect(paths).toContain('/nuget/v3/registration/newtonsoft.json/page/10.0.3/13.0.3.json');
  });

  it('sends the user’s credentials for a source to that source only', async () => {
    write(
      'home/.nuget/NuGet/NuGet.Config',
      '<configuration><packageSourceCredentials><fixture><add key="Username" value="me" /><add key="ClearTextPassword" value="%FEED_PASSWORD%" /></fixture></packageSourceCredentials></configuration>',
    );
    write(
      'estate/legacy/NuGet.Config',
      `<configuration><packageSources><clear /><add key="fixture" value="${server.nugetUrl}" /></packageSources></configuration>`,
    );
    write('estate/web/.npmrc', `registry=${server.npmUrl}\n`);
    const usages = [
      usage('nuget', 'Dapper', 'legacy', 'Api.csproj', '2.0.123'),
      usage('npm', 'lodash', 'web', 'package.json'),
    ];
    const result = await lookupRegistries(usages, options({ env: { FEED_PASSWORD: 'pw' } }));
    expect(result.diagnostics).toEqual([]);
    const basic = `Basic ${Buffer.from('me:pw').toString('base64')}`;
    expect(server.requests.filter((r) => r.path.startsWith('/nuget/')).every((r) => r.authorization === basic)).toBe(
      true,
    );
    expect(server.requests.find((r) => r.path === '/npm/lodash')?.authorization).toBeUndefined();
  });

  it('keeps the versions when a registration page is broken, saying what is missing', async () => {
    write(
      'estate/legacy/NuGet.Config',
      `<configuration><packageSources><clear /><add key="fixture" value="${server.nugetUrl}" /></packageSources></configuration>`,
    );
    server.fail('/nuget/v3/registration/newtonsoft.json/page/4.5.11/9.0.1.json', 'malformed-json');
    const result = await lookupRegistries(
      [usage('nuget', 'Newtonsoft.Json', 'legacy', 'Core.csproj', '6.0.4')],
      options(),
    );
    const json = result.index.get('project:legacy/Core.csproj', 'package:nuget:newtonsoft.json')!;
    expect(json.versions).toContain('13.0.3');
    expect(json.published['6.0.4']).toBeUndefined();
    expect(json.published['13.0.3']).toBeDefined();
    expect(result.diagnostics).toMatchObject([{ code: 'registry-partial', severity: 'info', repo: 'legacy' }]);
  });

  it('says so when every source is cleared', async () => {
    write('estate/legacy/nuget.config', '<configuration><packageSources><clear /></packageSources></configuration>');
    const result = await lookupRegistries([usage('nuget', 'Dapper', 'legacy', 'Api.csproj', '2.0.123')], options());
    expect(result.diagnostics).toMatchObject([{ code: 'registry-no-source', repo: 'legacy', file: 'Api.csproj' }]);
    expect(server.requests).toEqual([]);
  });
});

describe('cache and --offline', () => {
  beforeEach(() => write('estate/web/.npmrc', `registry=${server.npmUrl}\n`));

  it('answers a second lookup from the cache without a request', async () => {
    const usages = [usage('npm', 'lodash', 'web', 'package.json', '4.17.4')];
    await lookupRegistries(usages, options());
    expect(server.requests).toHaveLength(1);
    const again = await lookupRegistries(usages, options());
    expect(again.requests).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(again.index.get('project:web/package.json', 'package:npm:lodash')?.latestTag).toBe('4.17.21');
  });

  it('refetches once the TTL has passed', async () => {
    const usages = [usage('npm', 'lodash', 'web', 'package.json')];
    await lookupRegistries(usages, options());
    await lookupRegistries(usages, options({ now: () => new Date('2025-06-03T00:00:00Z') }));
    expect(server.requests).toHaveLength(2);
  });

  it('offline: never touches the network, uses any cached answer, reports the misses', async () => {
    const usages = [usage('npm', 'lodash', 'web', 'package.json'), usage('npm', 'express', 'web', 'package.json')];
    await lookupRegistries([usages[0]!], options({ now: () => new Date('2020-01-01T00:00:00Z') }));
    server.requests.length = 0;
    const offline = await lookupRegistries(usages, options({ offline: true }));
    expect(server.requests).toEqual([]);
    expect(offline.requests).toBe(0);
    expect(offline.index.get('project:web/package.json', 'package:npm:lodash')?.latestTag).toBe('4.17.21'); // stale, but offline
    expect(offline.diagnostics).toMatchObject([{ code: 'registry-offline-miss', severity: 'info' }]);
    expect(offline.diagnostics[0]!.message).toContain('npm:express');
  });
});

describe('registry failures', () => {
  it('stops asking a registry that failed three times in a row', async () => {
    write('estate/web/.npmrc', 'registry=http://127.0.0.1:9/\n');
    const usages = ['a', 'b', 'c', 'd', 'e'].map((n) => usage('npm', n, 'web', 'package.json'));
    const result = await lookupRegistries(usages, options({ concurrency: 1, retries: 0 }));
    expect(result.requests).toBe(3);
    // One diagnostic for the registry, not one per package, with the reason the first attempt gave.
    expect(result.diagnostics).toMatchObject([{ code: 'registry-unreachable', severity: 'warning' }]);
    expect(result.diagnostics[0]!.message).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/ could not be reached, so 5 packages were not looked up \(npm:a, npm:b, npm:c, npm:d, npm:e\): /,
    );
    expect(result.diagnostics[0]!.message).not.toContain('not tried');
  });

  it('retries a 500, and turns time-outs, malformed JSON and 404s into one diagnostic each while the rest completes', async () => {
    write('estate/web/.npmrc', `registry=${server.npmUrl}\n`);
    server.fail('/npm/lodash', 'http-500');
    server.fail('/npm/express', 'hang', 'hang');
    server.fail('/npm/jquery', 'malformed-json');
    const usages = ['lodash', 'express', 'jquery', '@acme/secret-sauce', 'typescript'].map((n) =>
      usage('npm', n, 'web', 'package.json'),
    );
    const result = await lookupRegistries(usages, options({ timeoutMs: 300, retries: 1 }));
    const byCode = Object.fromEntries(result.diagnostics.map((d) => [d.code, d.message]));
    expect(Object.keys(byCode).sort()).toEqual([
      'package-not-found',
      'registry-invalid-response',
      'registry-unreachable',
    ]);
    expect(byCode['registry-unreachable']).toMatch(/express: .*timed out after 300 ms \(after 2 attempts\)/);
    expect(byCode['registry-invalid-response']).toMatch(/jquery: .*not valid JSON/);
    expect(byCode['package-not-found']).toMatch(/@acme\/secret-sauce is not on http:\/\/127\.0\.0\.1:\d+\/npm\//);
    expect(result.index.get('project:web/package.json', 'package:npm:lodash')?.latestTag).toBe('4.17.21');
    expect(result.index.get('project:web/package.json', 'package:npm:typescript')?.latestTag).toBe('5.4.5');
    expect(server.requests.filter((r) => r.path === '/npm/lodash')).toHaveLength(2);
    // A failure is not cached; the 404 is (a private name stays private until the TTL passes).
    server.requests.length = 0;
    await lookupRegistries(usages, options({ timeoutMs: 300, retries: 0 }));
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/npm/express', '/npm/jquery']);
  });
});
