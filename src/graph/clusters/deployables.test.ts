import { describe, expect, it } from 'vitest';
import type { MsBuildProjectFacts, PackageJsonFacts } from '../../core/facts.js';
import { isDeployableNpmPackage, isDeployableProject } from './deployables.js';

const project = (extra: Partial<MsBuildProjectFacts>): MsBuildProjectFacts => ({
  kind: 'msbuild-project',
  language: 'csharp',
  sdkStyle: true,
  sdk: 'Microsoft.NET.Sdk',
  targetFrameworks: ['net8.0'],
  projectReferences: [],
  packageReferences: [],
  assemblyReferences: [],
  compileIncludes: [],
  centralPackageVersions: false,
  properties: {},
  ...extra,
});

const manifest = (extra: Partial<PackageJsonFacts>): PackageJsonFacts => ({
  kind: 'package-json',
  private: true,
  dependencies: [],
  workspaces: [],
  ...extra,
});

describe('deployables', () => {
  it('are web and worker SDK projects, executables and old-style web applications, not libraries', () => {
    expect(isDeployableProject(project({ sdk: 'Microsoft.NET.Sdk.Web' }))).toBe(true);
    expect(isDeployableProject(project({ sdk: 'Microsoft.NET.Sdk.Worker' }))).toBe(true);
    expect(isDeployableProject(project({ outputType: 'Exe' }))).toBe(true);
    expect(
      isDeployableProject(
        project({
          sdkStyle: false,
          sdk: undefined,
          outputType: 'Library',
          properties: {
            ProjectTypeGuids: '{349c5851-65df-11da-9384-00065b846f21};{fae04ec0-301f-11d3-bf4b-00c04f79efbc}',
          },
        }),
      ),
    ).toBe(true);
    expect(isDeployableProject(project({}))).toBe(false);
    expect(isDeployableProject(project({ sdk: 'Microsoft.NET.Sdk.Razor', outputType: 'Library' }))).toBe(false);
  });

  it('are npm applications, not published packages or workspace roots', () => {
    expect(isDeployableNpmPackage(manifest({}))).toBe(true);
    expect(isDeployableNpmPackage(manifest({ private: false }))).toBe(false);
    expect(isDeployableNpmPackage(manifest({ entryPoints: { main: 'dist/index.js' } }))).toBe(false);
    expect(isDeployableNpmPackage(manifest({ workspaces: ['packages/*'] }))).toBe(false);
  });
});
