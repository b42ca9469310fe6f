import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { walkEstate } from '../../discover/walk.js';
import { extractAll } from '../../scan/extractAll.js';
import { resolveImportPath } from './imports.js';
import { buildProjects } from './projects.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/msbuild-imports');

async function shopProjects() {
  // Copied out of this checkout, whose own git repository would otherwise hold the fixture.
  const estate = mkdtempSync(path.join(tmpdir(), 'assess-msbuild-imports-'));
  cpSync(fixture, estate, { recursive: true });
  mkdirSync(path.join(estate, 'shop', '.git')); // `shop` is the repository; outside.props lies beside it
  const walked = walkEstate(estate);
  const { repos } = await extractAll(walked.repos, { maxFileBytes: 1 << 20, workers: 1 });
  const { projects } = buildProjects(repos, new Map(walked.repos.map((r) => [r.name, r.path])));
  return new Map(projects.map((p) => [p.path, p]));
}

describe('MSBuild imports (fixtures/msbuild-imports)', () => {
  it('a project takes framework, properties and packages from the props file it imports', async () => {
    const api = (await shopProjects()).get('src/Api/Api.csproj')!;
    expect(api.targetFrameworks).toEqual(['netcoreapp3.1']);
    expect(api.assemblyName).toBe('Shop.Shared'); // from lang.props, imported by common.props
    expect(api.packages.map((p) => `${p.name} ${p.version}`).sort()).toEqual([
      'Serilog 2.10.0',
      'Swashbuckle.AspNetCore 5.6.3',
    ]);
  });

  it("the project's own settings win over imported ones", async () => {
    const worker = (await shopProjects()).get('src/Worker/Worker.csproj')!;
    expect(worker.targetFrameworks).toEqual(['net8.0']);
    expect(worker.assemblyName).toBe('Shop.Worker');
    expect(worker.packages.map((p) => p.name)).toEqual(['Serilog']);
  });

  it('imports that need MSBuild to resolve, or leave the repository, are not followed', async () => {
    const projects = await shopProjects();
    expect(projects.get('src/Legacy/Legacy.csproj')).toMatchObject({ targetFrameworks: [], packages: [] });
    // A props file nobody imports applies to nobody.
    expect(projects.get('src/Other/Other.csproj')).toMatchObject({ targetFrameworks: ['net6.0'], packages: [] });
  });
});

describe('resolveImportPath', () => {
  it('resolves relative paths and the importing file’s own folder', () => {
    expect(resolveImportPath('..\\..\\build\\common.props', 'src/Api/Api.csproj', 'src/Api/Api.csproj')).toBe(
      'build/common.props',
    );
    expect(resolveImportPath('$(MSBuildThisFileDirectory)lang.props', 'build/common.props', 'src/Api/Api.csproj')).toBe(
      'build/lang.props',
    );
    expect(
      resolveImportPath('$(MSBuildProjectDirectory)\\..\\shared.props', 'build/common.props', 'src/Api/Api.csproj'),
    ).toBe('src/shared.props');
  });

  it('leaves alone what only MSBuild could resolve, and anything outside the repository', () => {
    for (const raw of [
      '$(SolutionDir)build\\common.props',
      '$(MSBuildExtensionsPath)\\x.targets',
      '..\\..\\..\\outside.props',
      'C:\\build\\common.props',
      '/etc/common.props',
      '..\\*.props',
    ])
      expect(resolveImportPath(raw, 'src/Api/Api.csproj', 'src/Api/Api.csproj')).toBeUndefined();
  });
});
