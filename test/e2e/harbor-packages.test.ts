/**
 * The harbor-estate's dependencies through the CLI, against the loopback registry set
 * through the user's own configuration (a temporary HOME with ~/.npmrc and
 * ~/.nuget/NuGet/NuGet.Config): the old packages with the right distance, and the
 * vulnerable ones matched against the fixture OSV records.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture script
import { buildEstate } from '../../fixtures/build-estate.mjs';
import type { Finding, ScanResult } from '../../src/core/result.js';
import { startRegistryServer, type RegistryServer } from '../support/registryServer.js';
import { assessAsync, projectRoot } from './cli.js';

let server: RegistryServer;
let work: string;
let result: ScanResult;

const findings = (ruleId: string, name: string): Finding[] =>
  result.findings.filter((f) => f.ruleId === ruleId && f.data.name === name);

beforeAll(async () => {
  server = await startRegistryServer();
  work = mkdtempSync(path.join(tmpdir(), 'assess-harbor-packages-'));
  const estate = buildEstate('harbor-estate', path.join(work, 'harbor-estate')) as string;
  const home = path.join(work, 'home');
  mkdirSync(path.join(home, '.nuget/NuGet'), { recursive: true });
  writeFileSync(path.join(home, '.npmrc'), `registry=${server.npmUrl}\n@harbor:registry=${server.privateNpmUrl}\n`);
  writeFileSync(
    path.join(home, '.nuget/NuGet/NuGet.Config'),
    `<configuration><packageSources><clear /><add key="fixture" value="${server.nugetUrl}" /></packageSources></configuration>`,
  );
  const out = path.join(work, 'result.json');
  const env = {
    HOME: home,
    ASSESS_OFFLINE: '',
    ASSESS_CACHE_DIR: path.join(work, 'cache'),
    NPM_CONFIG_REGISTRY: '',
    npm_config_registry: '',
    npm_config_userconfig: '',
    NPM_CONFIG_USERCONFIG: '',
  };
  const run = await assessAsync(
    ['scan', estate, '--json', out, '--quiet', '--advisories', path.join(projectRoot, 'fixtures/advisories.zip')],
    env,
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  result = JSON.parse(readFileSync(out, 'utf8')) as ScanResult;
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('harbor-web (npm) dependencies', () => {
  it('reports the old lodash, its advisories, the deprecated request and Node 8/10 in engines', () => {
    expect(findings('outdated-package', 'lodash')).toMatchObject([
      {
        location: { repo: 'harbor-web', file: 'package.json' },
        data: { current: '4.17.4', latest: '4.17.21', majorsBehind: 0, releasesBehind: 7 },
      },
    ]);
    expect(findings('outdated-package', 'jquery')).toMatchObject([
      { severity: 'warning', data: { current: '1.12.4', latest: '3.7.1', majorsBehind: 2 } },
    ]);
    expect(findings('vulnerable-package', 'lodash').map((f) => f.data.advisory)).toEqual([
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-jf85-cpcp-j695',
    ]);
    expect(findings('deprecated-package', 'request')).toHaveLength(1);
    expect(result.findings.find((f) => f.ruleId === 'eol-framework' && f.location.repo === 'harbor-web')).toMatchObject(
      { data: { runtime: 'node', allowedMajors: ['8', '10'] } },
    );
  });
});

describe('harbor-monolith (NuGet) dependencies', () => {
  it('reports the 2014 Newtonsoft.Json, EF6 and log4net with the right distance in every project that uses them', () => {
    const json = findings('outdated-package', 'Newtonsoft.Json');
    expect(json.length).toBeGreaterThanOrEqual(2);
    for (const f of json)
      expect(f).toMatchObject({ severity: 'error', data: { current: '6.0.4', latest: '13.0.3', majorsBehind: 7 } });
    for (const f of findings('outdated-package', 'EntityFramework'))
      expect(f.data).toMatchObject({ current: '6.1.3', latest: '6.5.1', majorsBehind: 0, minorsBehind: 4 });
    expect(findings('outdated-package', 'EntityFramework').length).toBeGreaterThanOrEqual(1);
    expect(findings('outdated-package', 'log4net')).toMatchObject([{ data: { current: '2.0.3', majorsBehind: 1 } }]);
    expect(
      findings('vulnerable-package', 'Newtonsoft.Json').every((f) => f.data.advisory === 'GHSA-5crp-9r3c-p9vr'),
    ).toBe(true);
  });

  it('never looks up the estate’s own packages', () => {
    expect(server.requests.some((r) => /harbor\.contracts|harbor\.notifications\.client/i.test(r.path))).toBe(false);
  });
});
