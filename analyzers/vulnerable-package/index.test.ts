import path from 'node:path';
import { describe, expect, it } from 'vitest';
import vulnerable from './index.js';
import { runAnalyzer, testAnalyzer } from '../../test/support/analyzerTester.js';
import { npmFixture } from '../../test/support/registryFixtures.js';
import { projectId } from '../../src/core/ids.js';

testAnalyzer(vulnerable, {
  valid: [
    {
      name: 'fixed versions and withdrawn advisories',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.21' })
          .uses({ ecosystem: 'nuget', name: 'Newtonsoft.Json', declared: '13.0.1' })
          .uses({ ecosystem: 'nuget', name: 'log4net', declared: '2.0.3' })
          .registry([])
          .advisories(),
    },
    {
      name: 'an advisory ignored by its alias',
      estate: (b) => b.uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.15' }).registry([]).advisories(),
      options: { ignore: ['cve-2021-23337'] },
    },
    {
      name: 'a range whose version only a registry could tell, when it did not answer',
      estate: (b) => b.uses({ ecosystem: 'npm', name: 'lodash', declared: '<4.17.12' }).registry([]).advisories(),
    },
  ],
  invalid: [
    {
      name: 'an old lodash and a 2014 Newtonsoft.Json matched against their OSV records',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'lodash', declared: '^4.17.4', resolved: '4.17.4', line: 9 })
          .uses({ ecosystem: 'nuget', name: 'newtonsoft.json', declared: '[6.0.4]' })
          .registry([])
          .advisories(),
      findings: [
        {
          messageId: 'vulnerable',
          severity: 'error',
          location: { repo: 'web', file: 'package.json', line: 9 },
          data: { advisory: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], fixedIn: ['4.17.21'] },
        },
        {
          messageId: 'vulnerable',
          severity: 'error',
          message:
            'lodash 4.17.4 is affected by GHSA-jf85-cpcp-j695 (CVE-2019-10744): Prototype Pollution in lodash; fixed in 4.17.12 (npm)',
          location: { repo: 'web', file: 'package.json', line: 9 },
          data: {
            ecosystem: 'npm',
            name: 'lodash',
            current: '4.17.4',
            advisory: 'GHSA-jf85-cpcp-j695',
            aliases: ['CVE-2019-10744'],
            advisorySeverity: 'CRITICAL',
            fixedIn: ['4.17.12'],
            url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
            project: projectId('web', 'package.json'),
          },
        },
        {
          messageId: 'vulnerable',
          location: { repo: 'web', file: 'src/App/App.csproj' },
          data: { ecosystem: 'nuget', advisory: 'GHSA-5crp-9r3c-p9vr', current: '6.0.4', fixedIn: ['13.0.1'] },
        },
      ],
    },
    {
      name: 'an unlocked range at the version the registry resolves it to',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'lodash', declared: '<4.17.12' })
          .registry([npmFixture('lodash')])
          .advisories(),
      findings: [
        { messageId: 'vulnerable', data: { current: '4.17.11', advisory: 'GHSA-35jh-r3h4-6jhm' } },
        { messageId: 'vulnerable', data: { current: '4.17.11', advisory: 'GHSA-jf85-cpcp-j695' } },
      ],
    },
    {
      name: 'the advisory database read from the zip osv.dev publishes, the other advisory still reported',
      estate: (b) =>
        b
          .uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.15' })
          .registry([])
          .advisories(path.resolve(import.meta.dirname, '../../fixtures/advisories.zip')),
      options: { ignore: ['GHSA-jf85-cpcp-j695'] },
      findings: [{ messageId: 'vulnerable', data: { advisory: 'GHSA-35jh-r3h4-6jhm', current: '4.17.15' } }],
    },
  ],
});

describe('vulnerable-package without a database', () => {
  it('is skipped, not silent, and says why', async () => {
    const { findings, diagnostics } = await runAnalyzer(vulnerable, (b) =>
      b.uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.15' }).registry([]),
    );
    expect(findings).toEqual([]);
    expect(diagnostics).toEqual([
      {
        code: 'analyzer-skipped',
        severity: 'info',
        message: 'vulnerable-package did not run: it needs advisories (not provided)',
      },
    ]);
  });
});
