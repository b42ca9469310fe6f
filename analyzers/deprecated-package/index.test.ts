import { describe, expect, it } from 'vitest';
import deprecated from './index.js';
import { runAnalyzer } from '../testing.js';
import { npmFixture, nugetFixture, packageGraph, packageModel } from '../packageTesting.js';

const metadata = [npmFixture('request'), npmFixture('lodash'), nugetFixture('WindowsAzure.Storage'), nugetFixture('Newtonsoft.Json')];

describe('deprecated-package', () => {
  it('reports npm and NuGet deprecations of the version in use', async () => {
    const graph = packageGraph([
      { ecosystem: 'npm', name: 'request', declared: '^2.81.0', resolved: '2.81.0', line: 12 },
      { ecosystem: 'nuget', name: 'WindowsAzure.Storage', declared: '8.7.0' },
    ]);
    const { findings } = await runAnalyzer(deprecated, packageModel(graph, { metadata }));
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.data.ecosystem === 'npm')).toMatchObject({
      ruleId: 'deprecated-package',
      severity: 'error',
      message: 'request is deprecated in every release, 2.81.0 included (npm): request has been deprecated, see https://github.com/request/request/issues/3142',
      location: { repo: 'web', file: 'package.json', line: 12 },
      data: { name: 'request', current: '2.81.0', latestDeprecated: true },
    });
    expect(findings.find((f) => f.data.ecosystem === 'nuget')).toMatchObject({ data: { name: 'WindowsAzure.Storage', reason: 'Please use Azure.Storage.Blobs instead.' } });
  });

  it('stays silent on packages that are not deprecated, and on those without a known version', async () => {
    const graph = packageGraph([
      { ecosystem: 'npm', name: 'lodash', declared: '4.17.4' },
      { ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' },
      { ecosystem: 'npm', name: 'request', declared: 'github:request/request' },
    ]);
    const { findings } = await runAnalyzer(deprecated, packageModel(graph, { metadata }));
    expect(findings).toEqual([]);
  });
});
