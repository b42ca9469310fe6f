import deprecated from './index.js';
import { testAnalyzer } from '../../test/support/analyzerTester.js';
import { npmFixture, nugetFixture } from '../../test/support/registryFixtures.js';
import type { PackageMetadata } from '../../src/core/packages.js';
import { projectId } from '../../src/core/ids.js';

/** Deprecated in its old major only: the fixtures deprecate every release of what they deprecate. */
const coreJs: PackageMetadata = {
  ecosystem: 'npm',
  name: 'core-js',
  source: 'https://registry.example/',
  versions: ['2.6.12', '3.37.0'],
  latestTag: '3.37.0',
  published: {},
  deprecated: { '2.6.12': 'core-js@<3.23.3 is no longer maintained; please upgrade to core-js@3' },
};

const metadata = [
  npmFixture('request'),
  npmFixture('lodash'),
  nugetFixture('WindowsAzure.Storage'),
  nugetFixture('Newtonsoft.Json'),
  coreJs,
];

testAnalyzer(deprecated, {
  valid: [
    {
      name: 'packages that are not deprecated, and those without a known version',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.4' })
          .uses({ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '6.0.4' })
          .uses({ ecosystem: 'npm', name: 'request', declared: 'github:request/request' })
          .registry(metadata),
    },
    {
      name: 'ignored packages, and deprecated ones the registry did not answer for',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'request', declared: '2.81.0' })
          .uses({ ecosystem: 'nuget', name: 'WindowsAzure.Storage', declared: '8.7.0' })
          .registry([npmFixture('request')]),
      options: { ignore: ['Request'] },
    },
  ],
  invalid: [
    {
      name: 'npm and NuGet deprecations of the version in use, with no release left to upgrade to',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'request', declared: '^2.81.0', resolved: '2.81.0', line: 12 })
          .uses({ ecosystem: 'nuget', name: 'WindowsAzure.Storage', declared: '8.7.0' })
          .registry(metadata),
      findings: [
        {
          messageId: 'abandoned',
          severity: 'error',
          message:
            'request is deprecated in every release, 2.81.0 included (npm): request has been deprecated, see https://github.com/request/request/issues/3142',
          location: { repo: 'web', file: 'package.json', line: 12 },
          data: {
            ecosystem: 'npm',
            name: 'request',
            current: '2.81.0',
            latestDeprecated: true,
            latest: '2.88.2',
            project: projectId('web', 'package.json'),
          },
        },
        {
          messageId: 'abandoned',
          severity: 'error',
          location: { repo: 'web', file: 'src/App/App.csproj' },
          data: {
            ecosystem: 'nuget',
            name: 'WindowsAzure.Storage',
            current: '8.7.0',
            reason: 'Please use Azure.Storage.Blobs instead.',
            latestDeprecated: true,
          },
        },
      ],
    },
    {
      name: 'a deprecated release whose package lives on: a warning',
      estate: (b) =>
        b.uses({ ecosystem: 'npm', name: 'core-js', declared: '^2.6.0', resolved: '2.6.12' }).registry(metadata),
      findings: [
        {
          messageId: 'deprecated',
          severity: 'warning',
          message:
            'core-js 2.6.12 is deprecated (npm): core-js@<3.23.3 is no longer maintained; please upgrade to core-js@3',
          data: { current: '2.6.12', latestDeprecated: false, latest: '3.37.0' },
        },
      ],
    },
  ],
});
