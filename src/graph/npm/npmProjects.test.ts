import { describe, expect, it } from 'vitest';
import type { ExtractedFile, RepoModel } from '../../core/model.js';
import type { FileFacts } from '../../core/facts.js';
import { buildEstateGraph } from '../buildGraph.js';
import { extractPackageJson } from '../../extract/npm/packageJson.js';
import { extractNpmLockfile } from '../../extract/npm/lockfile.js';
import { extractNuGetLock } from '../../extract/dotnet/nugetLock.js';
import { extractMsBuildProject } from '../../extract/dotnet/msbuildProject.js';

function file(repo: string, filePath: string, facts: FileFacts | undefined): ExtractedFile {
  const kind = filePath.endsWith('package.json')
    ? 'package-json'
    : filePath.endsWith('.csproj')
      ? 'msbuild-project'
      : filePath.endsWith('packages.lock.json')
        ? 'nuget-lock'
        : 'npm-lockfile';
  return { repo, path: filePath, kind, loc: 1, ...(facts ? { facts } : {}) };
}

function estate(files: Record<string, string>[]): RepoModel[] {
  return files.map((byPath, i) => {
    const name = `repo${i}`;
    return {
      name,
      path: name,
      git: true,
      files: Object.entries(byPath).map(([p, text]) => {
        const base = p.slice(p.lastIndexOf('/') + 1);
        const facts =
          base === 'package.json'
            ? extractPackageJson(text).facts
            : base === 'packages.lock.json'
              ? extractNuGetLock(text).facts
              : base.endsWith('.csproj')
                ? extractMsBuildProject(base, text).facts
                : extractNpmLockfile(base, text).facts;
        return file(name, p, facts);
      }),
    };
  });
}

describe('npm projects in the graph', () => {
  const repos = estate([
    {
      'package.json': JSON.stringify({
        name: 'web',
        workspaces: ['packages/*'],
        engines: { node: '10.x' },
        dependencies: { lodash: '^4.17.4', '@harbor/ui': '*' },
        devDependencies: { lodash: '4.17.4' },
      }),
      'packages/ui/package.json': JSON.stringify({
        name: '@harbor/ui',
        version: '0.1.0',
        dependencies: { lodash: '^3.10.0' },
      }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': {},
          'node_modules/lodash': { version: '4.17.4' },
          'packages/ui/node_modules/lodash': { version: '3.10.1' },
        },
      }),
    },
    {
      'package.json': JSON.stringify({ name: 'admin', dependencies: { lodash: '^4.17.21' } }),
      'yarn.lock': 'lodash@^4.17.21:\n  version "4.17.21"\n',
    },
  ]);
  const { graph } = buildEstateGraph(repos, new Map(repos.map((r) => [r.name, r.path])));

  it('makes each manifest a project and each package one node shared by every repo', () => {
    expect(graph.node('project:repo0/package.json')).toMatchObject({
      kind: 'project',
      name: 'web',
      data: { ecosystem: 'npm', enginesNode: '10.x', lockfile: 'package-lock.json' },
    });
    expect(graph.edge('contains', 'repo:repo0', 'project:repo0/packages/ui/package.json')).toBeDefined();
    expect(
      graph
        .nodesOfKind('package')
        .map((n) => n.id)
        .sort(),
    ).toEqual(['package:npm:@harbor/ui', 'package:npm:lodash']);
    expect(graph.node('package:npm:lodash')!.data).toEqual({
      ecosystem: 'npm',
      versions: ['^3.10.0', '^4.17.21', '^4.17.4'],
      resolved: ['3.10.1', '4.17.21', '4.17.4'],
    });
  });

  it('resolves each declared range with the nearest lockfile, per workspace', () => {
    expect(graph.edge('package-ref', 'project:repo0/package.json', 'package:npm:lodash')!.data).toMatchObject({
      version: '^4.17.4',
      resolved: '4.17.4',
      dependencyType: 'dependencies',
    });
    expect(
      graph.edge('package-ref', 'project:repo0/packages/ui/package.json', 'package:npm:lodash')!.data,
    ).toMatchObject({ version: '^3.10.0', resolved: '3.10.1' });
    expect(graph.edge('package-ref', 'project:repo1/package.json', 'package:npm:lodash')!.data).toMatchObject({
      resolved: '4.17.21',
    });
  });

  it('marks the estate’s own packages as produced by their manifest', () => {
    expect(graph.edge('produces', 'project:repo0/packages/ui/package.json', 'package:npm:@harbor/ui')).toBeDefined();
    expect(graph.edgesOfKind('produces')).toHaveLength(1);
  });
});

describe('NuGet packages.lock.json in the graph', () => {
  it('sets the resolved version on the project’s package references', () => {
    const repos = estate([
      {
        'src/Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="Dapper" Version="[2.0,3.0)" /></ItemGroup></Project>',
        'src/Api/packages.lock.json': JSON.stringify({
          version: 1,
          dependencies: { 'net6.0': { Dapper: { type: 'Direct', requested: '[2.0, 3.0)', resolved: '2.0.123' } } },
        }),
      },
    ]);
    const { graph } = buildEstateGraph(repos, new Map([['repo0', 'repo0']]));
    expect(graph.edge('package-ref', 'project:repo0/src/Api/Api.csproj', 'package:nuget:dapper')!.data).toMatchObject({
      version: '[2.0,3.0)',
      resolved: '2.0.123',
    });
    expect(graph.node('package:nuget:dapper')!.data).toMatchObject({ ecosystem: 'nuget', resolved: ['2.0.123'] });
  });
});
