import { describe, expect, it } from 'vitest';
import outdated from './index.js';
import { runAnalyzer, testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import { npmFixture, nugetFixture } from '../../test/support/registryFixtures.js';
import { projectId } from '../../src/core/ids.js';

const metadata = [
  npmFixture('lodash'),
  npmFixture('jquery'),
  npmFixture('typescript'),
  nugetFixture('Newtonsoft.Json'),
  nugetFixture('EntityFramework'),
  nugetFixture('log4net'),
];

/** A minor line, a major and some releases behind. */
const graded: DeclareEstate = (b) =>
  b
    .uses({ ecosystem: 'nuget', name: 'EntityFramework', declared: '6.1.3' })
    .uses({ ecosystem: 'nuget', name: 'log4net', declared: '2.0.3' })
    .uses({ ecosystem: 'npm', name: 'lodash', declared: '^4.17.4', resolved: '4.17.4', line: 7 })
    .registry(metadata);

const COLUMNS = [
  { label: 'Most behind' },
  { label: 'In use' },
  { label: 'Latest' },
  { label: 'Majors', align: 'right' },
  { label: 'Minors', align: 'right' },
  { label: 'Years', align: 'right' },
  { label: 'Repos', align: 'right' },
] as const;

testAnalyzer(outdated, {
  valid: [
    {
      name: 'up-to-date, internal, unversioned and ignored packages; no summary',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.21' })
          .uses({ ecosystem: 'npm', name: 'left-pad', declared: 'git+https://github.com/left-pad/left-pad.git' })
          .uses({ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '13.0.3' })
          .uses({ ecosystem: 'nuget', name: 'log4net', declared: '2.0.3' })
          .uses({ ecosystem: 'nuget', name: 'Harbor.Contracts', declared: '1.2.0' })
          // Publishes Harbor.Contracts: an estate package, never judged against public registries.
          .dotnetProject('contracts', 'Harbor.Contracts.csproj')
          .registry(metadata),
      options: { ignore: ['LOG4NET'] },
      summaries: [],
    },
    {
      name: 'an old package the registry did not answer for',
      estate: (b) => b.uses({ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' }).registry([]),
    },
    {
      name: 'a pre-release newer than every release',
      estate: (b) => b.uses({ ecosystem: 'npm', name: 'typescript', declared: '5.5.0-beta' }).registry(metadata),
    },
  ],
  invalid: [
    {
      name: 'a 2014 Newtonsoft.Json seven majors behind: an error, with release dates and libyears',
      estate: (b) => b.uses({ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' }).registry(metadata),
      findings: [
        {
          messageId: 'outdated',
          severity: 'error',
          message: 'Newtonsoft.Json 6.0.4 is 7 major versions, 8.6 years behind 13.0.3 (nuget)',
          location: { repo: 'web', file: 'src/App/App.csproj' },
          data: {
            ecosystem: 'nuget',
            name: 'Newtonsoft.Json',
            current: '6.0.4',
            declared: '6.0.4',
            latest: '13.0.3', // 13.0.2-beta1 is a pre-release: never the target of a stable version
            majorsBehind: 7,
            minorsBehind: 7,
            releasedAt: '2014-08-03T23:21:58.267+00:00',
            ageYears: 10.8, // on the builder's default scan date, 2025-06-01
            currentFrom: 'manifest',
            project: projectId('web', 'src/App/App.csproj'),
            registry: 'https://nuget.example/v3/index.json',
          },
        },
      ],
      summaries: [
        {
          title: 'Most behind',
          columns: COLUMNS,
          rows: [['Newtonsoft.Json (nuget)', '6.0.4', '13.0.3', '7', '7', '8.6', '1']],
        },
      ],
    },
    {
      name: 'graded by distance: minor lines behind a note, a major a warning',
      estate: graded,
      findings: [
        {
          messageId: 'outdated',
          severity: 'note',
          message: 'lodash 4.17.4 is 7 releases, 4.1 years behind 4.17.21 (npm)',
          location: { file: 'package.json', line: 7 },
          data: {
            name: 'lodash',
            current: '4.17.4',
            currentFrom: 'lockfile',
            declared: '^4.17.4',
            majorsBehind: 0,
            minorsBehind: 0,
            releasesBehind: 7,
          },
        },
        // Both declared in src/App/App.csproj: the fingerprint orders them.
        { messageId: 'outdated', severity: 'warning', data: { name: 'log4net', majorsBehind: 1, latest: '3.0.3' } },
        {
          messageId: 'outdated',
          severity: 'note',
          data: { name: 'EntityFramework', majorsBehind: 0, minorsBehind: 4, latest: '6.5.1' },
        },
      ],
      // Majors, then minor lines, then libyears behind.
      summaries: [
        {
          rows: [
            ['log4net (nuget)', '2.0.3', '3.0.3', '1', '1', '10.8', '1'],
            ['EntityFramework (nuget)', '6.1.3', '6.5.1', '0', '4', '9.3', '1'],
            ['lodash (npm)', '4.17.4', '4.17.21', '0', '0', '4.1', '1'],
          ],
        },
      ],
    },
    {
      name: 'an error from errorMajorsBehind on',
      estate: graded,
      options: { errorMajorsBehind: 1 },
      findings: [
        { messageId: 'outdated', severity: 'note', data: { name: 'lodash' } },
        { messageId: 'outdated', severity: 'error', data: { name: 'log4net' } },
        { messageId: 'outdated', severity: 'note', data: { name: 'EntityFramework' } },
      ],
    },
    {
      name: 'an unlocked npm range taken at what install would pick',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'jquery', declared: '^1.12.0' })
          .uses({ ecosystem: 'npm', name: 'typescript', declared: '5.5.0-beta' })
          .registry(metadata),
      findings: [
        {
          messageId: 'outdated',
          data: { name: 'jquery', current: '1.12.4', currentFrom: 'registry', latest: '3.7.1', majorsBehind: 2 },
        },
      ],
    },
    {
      name: 'the summary lists a version once with the repositories using it, at most `top` rows',
      estate: (b) =>
        graded(b)
          .uses({ ecosystem: 'nuget', name: 'log4net', repo: 'jobs', project: 'Jobs.csproj', declared: '2.0.3' })
          .uses({ ecosystem: 'nuget', name: 'log4net', repo: 'ops', project: 'Ops.csproj', declared: '2.0.8' }),
      options: { top: 2 },
      findings: [
        { messageId: 'outdated', location: { repo: 'jobs' }, data: { name: 'log4net', current: '2.0.3' } },
        { messageId: 'outdated', location: { repo: 'ops' }, data: { name: 'log4net', current: '2.0.8' } },
        { messageId: 'outdated', location: { repo: 'web', file: 'package.json' } },
        { messageId: 'outdated', location: { repo: 'web' }, data: { name: 'log4net' } },
        { messageId: 'outdated', location: { repo: 'web' }, data: { name: 'EntityFramework' } },
      ],
      summaries: [
        {
          rows: [
            ['log4net (nuget)', '2.0.3', '3.0.3', '1', '1', '10.8', '2'],
            ['log4net (nuget)', '2.0.8', '3.0.3', '1', '1', '7.7', '1'],
          ],
        },
      ],
    },
  ],
});

describe('outdated-package without a registry', () => {
  it('is skipped, not silent, when no registry answers were looked up', async () => {
    const { findings, diagnostics } = await runAnalyzer(outdated, (b) =>
      b.uses({ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' }),
    );
    expect(findings).toEqual([]);
    expect(diagnostics).toEqual([
      {
        code: 'analyzer-skipped',
        severity: 'info',
        message: 'outdated-package did not run: it needs registry (not provided)',
      },
    ]);
  });
});
