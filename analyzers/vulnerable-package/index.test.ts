import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import vulnerable from './index.js';
import { runAnalyzer } from '../testing.js';
import { packageGraph, packageModel } from '../packageTesting.js';
import { loadAdvisoryDatabase, packageKey, type AdvisoryIndex } from '../../src/advisories/database.js';

let advisories: AdvisoryIndex;

beforeAll(async () => {
  const wanted = new Set([packageKey('npm', 'lodash'), packageKey('nuget', 'Newtonsoft.Json'), packageKey('nuget', 'log4net')]);
  advisories = (await loadAdvisoryDatabase(path.resolve(import.meta.dirname, '../../fixtures/advisories'), wanted)).index;
});

describe('vulnerable-package', () => {
  it('matches an old lodash and a 2014 Newtonsoft.Json against their OSV records', async () => {
    const graph = packageGraph([
      { ecosystem: 'npm', name: 'lodash', declared: '^4.17.4', resolved: '4.17.4', line: 9 },
      { ecosystem: 'nuget', name: 'newtonsoft.json', declared: '[6.0.4]' },
    ]);
    const { findings } = await runAnalyzer(vulnerable, packageModel(graph, { advisories }));
    expect(findings.map((f) => f.data.advisory)).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-jf85-cpcp-j695', 'GHSA-5crp-9r3c-p9vr']);
    expect(findings[1]).toMatchObject({
      ruleId: 'vulnerable-package',
      severity: 'error',
      message: 'lodash 4.17.4 is affected by GHSA-jf85-cpcp-j695 (CVE-2019-10744): Prototype Pollution in lodash; fixed in 4.17.12 (npm)',
      location: { repo: 'web', file: 'package.json', line: 9 },
      data: { advisorySeverity: 'CRITICAL', fixedIn: ['4.17.12'], url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695' },
    });
    expect(findings[2]).toMatchObject({ data: { ecosystem: 'nuget', current: '6.0.4', fixedIn: ['13.0.1'] } });
  });

  it('stays silent on fixed versions, withdrawn advisories, ignored ids, and without a database', async () => {
    const graph = packageGraph([
      { ecosystem: 'npm', name: 'lodash', declared: '4.17.21' },
      { ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '13.0.1' },
      { ecosystem: 'nuget', name: 'log4net', declared: '2.0.3' },
    ]);
    expect((await runAnalyzer(vulnerable, packageModel(graph, { advisories }))).findings).toEqual([]);
    const old = packageGraph([{ ecosystem: 'npm', name: 'lodash', declared: '4.17.15' }]);
    expect((await runAnalyzer(vulnerable, packageModel(old, { advisories }), { ignore: ['cve-2021-23337'] })).findings).toEqual([]);
    expect((await runAnalyzer(vulnerable, packageModel(old))).findings).toEqual([]);
  });
});
