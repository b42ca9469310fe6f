import { beforeAll, describe, expect, it } from 'vitest';
import type { RepoModel } from '../core/model.js';
import type { Parsers } from '../extract/extractFile.js';
import { loadCSharpParser } from '../extract/csharp/extractCSharp.js';
import { extractedRepo } from '../../test/support/extractedRepo.js';
import { buildEstateGraph } from './buildGraph.js';

let parsers: Parsers;
beforeAll(async () => {
  parsers = { csharp: await loadCSharpParser() };
});

const repo = (name: string, files: Record<string, string>): RepoModel => extractedRepo(name, files, parsers);

const sdk = (refs = '') => `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>${refs}</ItemGroup></Project>`;

function graphOf(...repos: RepoModel[]) {
  const model = buildEstateGraph(repos, new Map(repos.map((r) => [r.name, r.path])));
  const edges = model.graph.toJSON().edges.map((e) => `${e.kind} ${e.from} -> ${e.to}`);
  return { model, edges };
}

describe('buildEstateGraph', () => {
  it('resolves a name to the declaration the project can see, not a same-named one elsewhere', () => {
    const { edges } = graphOf(
      repo('app', {
        // Web sees Core only through Mid.
        'Web/Web.csproj': sdk('<ProjectReference Include="..\\Mid\\Mid.csproj" />'),
        'Web/Home.cs': 'namespace Shop { class Home { Order o; } }',
        'Mid/Mid.csproj': sdk('<ProjectReference Include="..\\Core\\Core.csproj" />'),
        'Core/Core.csproj': sdk(),
        'Core/Order.cs': 'namespace Shop { public class Order {} }',
        // A copy in a project Web cannot see (an old fork), sorting before Core.
        'Archive/Archive.csproj': sdk(),
        'Archive/Order.cs': 'namespace Shop { public class Order {} }',
      }),
    );
    expect(edges).toContain('type-ref type:Shop.Home -> type:Shop.Order@app/Core/Core.csproj');
    expect(edges).not.toContain('type-ref type:Shop.Home -> type:Shop.Order@app/Archive/Archive.csproj');
    expect(edges).not.toContain('project-dep project:app/Web/Web.csproj -> project:app/Archive/Archive.csproj');
  });

  it('binds a name no visible project declares to the framework, not to an unrelated estate type', () => {
    const { edges } = graphOf(
      repo('app', {
        'Core/Core.csproj': sdk(),
        'Core/Cache.cs': 'using System.Collections.Generic;\nnamespace Shop { class Cache { List<int> items; } }',
        'Web/Web.csproj': sdk('<ProjectReference Include="..\\Core\\Core.csproj" />'),
        'Web/List.cs': 'namespace Shop { public class List {} }',
      }),
    );
    expect(edges).toContain('type-ref type:Shop.Cache -> external:List');
    expect(edges).not.toContain('type-ref type:Shop.Cache -> type:Shop.List');
  });

  it('resolves to an undeclared project when a reference points at code it cannot place, and says so', () => {
    const { model } = graphOf(
      repo('app', {
        'Web/Web.csproj': sdk('<Reference Include="Acme.Core"><HintPath>..\\lib\\Acme.Core.dll</HintPath></Reference>'),
        'Web/Home.cs': 'namespace Shop { class Home { Order o; } }',
        'Core/Core.csproj': sdk(),
        'Core/Order.cs': 'namespace Shop { public class Order {} }',
      }),
    );
    expect(
      model.graph.edge('project-dep', 'project:app/Web/Web.csproj', 'project:app/Core/Core.csproj')?.data,
    ).toMatchObject({
      undeclared: true,
      typeReferences: 1,
    });
  });

  it("marks dependencies used through another project's reference as transitive", () => {
    const { model } = graphOf(
      repo('app', {
        'Web/Web.csproj': sdk('<ProjectReference Include="..\\Mid\\Mid.csproj" />'),
        'Web/Home.cs': 'namespace Shop { class Home { Order o; } }',
        'Mid/Mid.csproj': sdk('<ProjectReference Include="..\\Core\\Core.csproj" />'),
        'Core/Core.csproj': sdk(),
        'Core/Order.cs': 'namespace Shop { public class Order {} }',
      }),
    );
    const data = model.graph.edge('project-dep', 'project:app/Web/Web.csproj', 'project:app/Core/Core.csproj')?.data;
    expect(data).toMatchObject({ transitive: true, typeReferences: 1 });
    expect(data).not.toHaveProperty('undeclared');
  });

  it('resolves project references whose case differs from the file on disk', () => {
    const { edges, model } = graphOf(
      repo('app', {
        'src/Api/Api.csproj': sdk('<ProjectReference Include="..\\services.github\\Services.GitHub.csproj" />'),
        'src/Services.GitHub/Services.GitHub.csproj': sdk(),
      }),
    );
    expect(edges).toContain(
      'project-ref project:app/src/Api/Api.csproj -> project:app/src/Services.GitHub/Services.GitHub.csproj',
    );
    expect(model.diagnostics).toEqual([]);
  });

  it('reports a project reference to nothing in the estate', () => {
    const { model } = graphOf(
      repo('app', { 'Api/Api.csproj': sdk('<ProjectReference Include="..\\Gone\\Gone.csproj" />') }),
    );
    expect(model.diagnostics).toMatchObject([{ code: 'unresolved-project-reference', file: 'Api/Api.csproj' }]);
  });

  it('links a package to the estate project that produces it, across repositories', () => {
    const { edges } = graphOf(
      repo('contracts', {
        'Contracts/Contracts.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><PackageId>Acme.Contracts</PackageId></PropertyGroup></Project>',
      }),
      repo('service', { 'Svc/Svc.csproj': sdk('<PackageReference Include="acme.contracts" Version="1.0.0" />') }),
    );
    expect(edges).toContain('package-ref project:service/Svc/Svc.csproj -> package:nuget:acme.contracts');
    expect(edges).toContain('produces project:contracts/Contracts/Contracts.csproj -> package:nuget:acme.contracts');
    expect(edges).toContain(
      'project-dep project:service/Svc/Svc.csproj -> project:contracts/Contracts/Contracts.csproj',
    );
  });
});
