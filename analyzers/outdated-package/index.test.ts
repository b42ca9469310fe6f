import { describe, expect, it } from 'vitest';
import outdated from './index.js';
import { runAnalyzer, modelOf } from '../testing.js';
import { npmFixture, nugetFixture, packageGraph, packageModel } from '../packageTesting.js';

const metadata = [npmFixture('lodash'), npmFixture('jquery'), npmFixture('typescript'), nugetFixture('Newtonsoft.Json'), nugetFixture('EntityFramework'), nugetFixture('log4net')];

describe('outdated-package', () => {
  it('reports a 2014 Newtonsoft.Json seven majors behind as an error, with release dates and libyears', async () => {
    const graph = packageGraph([{ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' }]);
    const { findings } = await runAnalyzer(outdated, packageModel(graph, { metadata }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'outdated-package',
      severity: 'error',
      message: 'Newtonsoft.Json 6.0.4 is 7 major versions, 8.6 years behind 13.0.3 (nuget)',
      location: { repo: 'web', file: 'src/App/App.csproj' },
      data: {
        ecosystem: 'nuget',
        name: 'Newtonsoft.Json',
        current: '6.0.4',
        latest: '13.0.3', // 13.0.2-beta1 is a pre-release: never the target of a stable version
        majorsBehind: 7,
        minorsBehind: 7,
        releasedAt: '2014-08-03T23:21:58.267+00:00',
        ageYears: 10.8, // on the model's scan date, 2025-06-01
        currentFrom: 'manifest',
      },
    });
  });

  it('grades by distance: minor lines behind is a note, a major a warning', async () => {
    const graph = packageGraph([
      { ecosystem: 'nuget', name: 'EntityFramework', declared: '6.1.3' },
      { ecosystem: 'nuget', name: 'log4net', declared: '2.0.3' },
      { ecosystem: 'npm', name: 'lodash', declared: '^4.17.4', resolved: '4.17.4', line: 7 },
    ]);
    const { findings } = await runAnalyzer(outdated, packageModel(graph, { metadata }));
    const by = Object.fromEntries(findings.map((f) => [f.data.name as string, f]));
    expect(by.EntityFramework).toMatchObject({ severity: 'note', data: { majorsBehind: 0, minorsBehind: 4, latest: '6.5.1' } });
    expect(by.log4net).toMatchObject({ severity: 'warning', data: { majorsBehind: 1, latest: '3.0.3' } });
    expect(by.lodash).toMatchObject({
      severity: 'note',
      message: 'lodash 4.17.4 is 7 releases, 4.1 years behind 4.17.21 (npm)',
      location: { file: 'package.json', line: 7 },
      data: { current: '4.17.4', currentFrom: 'lockfile', declared: '^4.17.4', majorsBehind: 0, minorsBehind: 0, releasesBehind: 7 },
    });
  });

  it('takes an unlocked npm range at what install would pick, and compares a pre-release with pre-releases', async () => {
    const graph = packageGraph([
      { ecosystem: 'npm', name: 'jquery', declared: '^1.12.0' },
      { ecosystem: 'npm', name: 'typescript', declared: '5.5.0-beta' },
    ]);
    const { findings } = await runAnalyzer(outdated, packageModel(graph, { metadata }));
    expect(findings).toHaveLength(1); // 5.5.0-beta is newer than every release
    expect(findings[0]!.data).toMatchObject({ name: 'jquery', current: '1.12.4', currentFrom: 'registry', latest: '3.7.1', majorsBehind: 2 });
  });

  it('stays silent on up-to-date, internal, unversioned and ignored packages, and without registry answers', async () => {
    const graph = packageGraph([
      { ecosystem: 'npm', name: 'lodash', declared: '4.17.21' },
      { ecosystem: 'npm', name: 'left-pad', declared: 'git+https://github.com/left-pad/left-pad.git' },
      { ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '13.0.3' },
      { ecosystem: 'nuget', name: 'log4net', declared: '2.0.3' },
      { ecosystem: 'nuget', name: 'Harbor.Contracts', declared: '1.2.0' },
    ]);
    graph.addNode({ id: 'project:contracts/Harbor.Contracts.csproj', kind: 'project', name: 'Harbor.Contracts', repo: 'contracts' });
    graph.addEdge('project:contracts/Harbor.Contracts.csproj', 'package:nuget:harbor.contracts', 'produces');
    const { findings } = await runAnalyzer(outdated, packageModel(graph, { metadata }), { ignore: ['LOG4NET'] });
    expect(findings).toEqual([]);
    expect((await runAnalyzer(outdated, modelOf(packageGraph([{ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' }])))).findings).toEqual([]);
  });
});
