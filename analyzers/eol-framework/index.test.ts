import { describe, expect, it } from 'vitest';
import eol from './index.js';
import { DOTNET_LIFECYCLE, NODE_LIFECYCLE } from './lifecycle.js';
import { testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import { projectId } from '../../src/core/ids.js';

/** .NET projects (file → target frameworks) and npm manifests (file → engines.node) of one repo, judged on `date`. */
const projects =
  (date: string, entries: { file: string; frameworks?: string[]; engines?: string }[]): DeclareEstate =>
  (b) => {
    for (const e of entries) {
      if (e.engines) b.npmProject('repo', e.file, { enginesNode: e.engines });
      else b.dotnetProject('repo', e.file, { targetFrameworks: e.frameworks ?? [] });
    }
    return b.scanDate(date);
  };

const pastEnd = projects('2025-06-01', [
  { file: 'Legacy.csproj', frameworks: ['net452'] },
  { file: 'Api.csproj', frameworks: ['netcoreapp3.1'] },
  { file: 'Worker.csproj', frameworks: ['net6.0-windows'] },
  { file: 'Client.csproj', frameworks: ['netstandard2.0', 'net462'] },
]);

const nearEnd = (date: string) =>
  projects(date, [
    { file: 'Client.csproj', frameworks: ['net462'] },
    { file: 'Api.csproj', frameworks: ['net8.0'] },
  ]);

testAnalyzer(eol, {
  valid: [
    {
      name: 'supported frameworks, netstandard, open-ended and odd engines ranges',
      estate: projects('2025-06-01', [
        { file: 'A.csproj', frameworks: ['net8.0', 'netstandard2.0', 'net48'] },
        { file: 'a/package.json', engines: '>=8' },
        { file: 'b/package.json', engines: '^20 || ^22' },
        { file: 'c/package.json', engines: 'node, the new one' },
      ]),
    },
    {
      name: 'a framework whose end is further off than warnWithinDays',
      estate: nearEnd('2026-09-01'),
      options: { warnWithinDays: 30 },
    },
  ],
  invalid: [
    {
      name: '.NET Framework 4.5.2, netcoreapp3.1 and net6.0 past their end of support, graded by age',
      estate: pastEnd,
      findings: [
        {
          messageId: 'ended',
          location: { repo: 'repo', file: 'Api.csproj' },
          severity: 'error',
          data: { framework: 'netcoreapp3.1' },
        },
        {
          messageId: 'ended',
          severity: 'error',
          message: 'Legacy targets .NET Framework 4.5.2 (net452), out of support since 2022-04-26',
          location: { repo: 'repo', file: 'Legacy.csproj' },
          data: {
            runtime: 'dotnet',
            framework: 'net452',
            product: '.NET Framework 4.5.2',
            endOfSupport: '2022-04-26',
            ended: true,
            project: projectId('repo', 'Legacy.csproj'),
          },
        },
        {
          messageId: 'ended',
          location: { file: 'Worker.csproj' },
          severity: 'warning',
          data: { framework: 'net6.0-windows', product: '.NET 6' },
        },
      ],
    },
    {
      name: 'an error only after errorAfterYears',
      estate: pastEnd,
      options: { errorAfterYears: 3 },
      findings: [
        { messageId: 'ended', location: { file: 'Api.csproj' }, severity: 'warning' },
        { messageId: 'ended', location: { file: 'Legacy.csproj' }, severity: 'error' },
        { messageId: 'ended', location: { file: 'Worker.csproj' }, severity: 'warning' },
      ],
    },
    {
      name: 'frameworks close to their end of support noted, judged on the scan date',
      estate: nearEnd('2026-09-01'),
      findings: [
        {
          messageId: 'ending',
          severity: 'note',
          message: 'Api targets .NET 8 (net8.0), which reaches end of support on 2026-11-10',
          data: { framework: 'net8.0', ended: false },
        },
        {
          messageId: 'ending',
          severity: 'note',
          data: { framework: 'net462', ended: false, endOfSupport: '2027-01-12' },
        },
      ],
    },
    {
      name: 'the same frameworks once their end has passed',
      estate: nearEnd('2027-02-01'),
      findings: [
        { messageId: 'ended', severity: 'warning', data: { framework: 'net8.0', ended: true } },
        { messageId: 'ended', severity: 'warning', data: { framework: 'net462', ended: true } },
      ],
    },
    {
      name: 'engines.node ranges that allow only end-of-life Node.js',
      estate: projects('2025-06-01', [
        { file: 'web/package.json', engines: '^8.9.0 || ^10.0.0' },
        { file: 'admin/package.json', engines: '12.x' },
      ]),
      findings: [
        {
          messageId: 'nodeEnded',
          location: { file: 'admin/package.json' },
          data: { runtime: 'node', range: '12.x', allowedMajors: ['12'], endOfSupport: '2022-04-30' },
        },
        {
          messageId: 'nodeEnded',
          severity: 'error',
          message:
            'web allows only end-of-life Node.js (8, 10) in engines.node "^8.9.0 || ^10.0.0"; the newest allowed lost support on 2021-04-30',
          location: { repo: 'repo', file: 'web/package.json' },
          data: {
            runtime: 'node',
            allowedMajors: ['8', '10'],
            ended: true,
            project: projectId('repo', 'web/package.json'),
          },
        },
      ],
    },
  ],
});

describe('eol-framework lifecycle table', () => {
  it('keeps a dated table', () => {
    for (const { endOfSupport } of Object.values(DOTNET_LIFECYCLE)) expect(endOfSupport).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const date of Object.values(NODE_LIFECYCLE)) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
