import { beforeAll, describe, expect, it } from 'vitest';
import type { RepoModel } from '../../core/model.js';
import { namespaceId } from '../../core/ids.js';
import type { Parsers } from '../../extract/extractFile.js';
import { loadCSharpParser } from '../../extract/csharp/extractCSharp.js';
import { extractedRepo } from '../../../test/support/extractedRepo.js';
import { buildEstateGraph } from '../buildGraph.js';

let parsers: Parsers;
beforeAll(async () => {
  parsers = { csharp: await loadCSharpParser() };
});

const repo = (name: string, files: Record<string, string>): RepoModel => extractedRepo(name, files, parsers);

const sdk = '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>';
// Two services, each with a top-level `Program` in the global namespace and a `Startup` naming it back.
const service = (name: string) => ({
  [`${name}/${name}.csproj`]: sdk,
  [`${name}/Program.cs`]: `using ${name}.Api;\n\npublic class Program\n{\n    public static void Main() { var s = new Startup(); }\n}\n`,
  [`${name}/Startup.cs`]: `namespace ${name}.Api\n{\n    public class Startup\n    {\n        ILogger<Program> logger;\n    }\n}\n`,
});

describe('namespace nodes', () => {
  it('are per project: two projects’ global namespaces are two nodes, with no edge between them', () => {
    const { graph } = buildEstateGraph(
      [repo('shop', { ...service('Ordering'), ...service('Basket') })],
      new Map([['shop', 'shop']]),
    );
    const ordering = namespaceId('', 'shop/Ordering/Ordering.csproj');
    const basket = namespaceId('', 'shop/Basket/Basket.csproj');
    expect(graph.nodeOfKind(ordering, 'namespace')).toMatchObject({
      name: '<global>',
      repo: 'shop',
      data: { project: 'project:shop/Ordering/Ordering.csproj' },
    });
    expect(graph.nodeOfKind(basket, 'namespace')).toBeDefined();
    const refs = graph.edgesOfKind('namespace-ref').map((e) => [e.from, e.to, e.data]);
    expect(refs).toEqual(
      expect.arrayContaining([
        [
          ordering,
          namespaceId('Ordering.Api', 'shop/Ordering/Ordering.csproj'),
          { repo: 'shop', file: 'Ordering/Program.cs', line: 5 },
        ],
        [
          namespaceId('Ordering.Api', 'shop/Ordering/Ordering.csproj'),
          ordering,
          { repo: 'shop', file: 'Ordering/Startup.cs', line: 5 },
        ],
      ]),
    );
    expect(refs).toHaveLength(4);
    expect(refs.every(([from, to]) => from!.toString().split('@')[1] === to!.toString().split('@')[1])).toBe(true);
  });

  it('keep a reference to a same-named namespace of another project as an edge between the two', () => {
    const { graph } = buildEstateGraph(
      [
        repo('shop', {
          'Core/Core.csproj': sdk,
          'Core/Money.cs': 'namespace Shop { public class Money {} }',
          'Web/Web.csproj':
            '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\\Core\\Core.csproj" /></ItemGroup></Project>',
          'Web/Cart.cs': 'namespace Shop\n{\n    class Cart { Money total; }\n}\n',
        }),
      ],
      new Map([['shop', 'shop']]),
    );
    expect(graph.edgesOfKind('namespace-ref').map((e) => [e.from, e.to, e.weight, e.data])).toEqual([
      [
        namespaceId('Shop', 'shop/Web/Web.csproj'),
        namespaceId('Shop', 'shop/Core/Core.csproj'),
        1,
        { repo: 'shop', file: 'Web/Cart.cs', line: 3 },
      ],
    ]);
  });

  it('put top-level statements in their project’s global namespace', () => {
    const { graph } = buildEstateGraph(
      [
        repo('shop', {
          'Api/Api.csproj': sdk,
          'Api/Program.cs': 'using Shop.Api;\n\nvar startup = new Startup();\nstartup.Run();\n',
          'Api/Startup.cs': 'namespace Shop.Api\n{\n    public class Startup { public void Run() {} }\n}\n',
        }),
      ],
      new Map([['shop', 'shop']]),
    );
    const global = namespaceId('', 'shop/Api/Api.csproj');
    expect(graph.nodeOfKind(global, 'namespace')).toMatchObject({ name: '<global>', repo: 'shop' });
    expect(graph.edgesOfKind('namespace-ref').map((e) => [e.from, e.to, e.data])).toEqual([
      [global, namespaceId('Shop.Api', 'shop/Api/Api.csproj'), { repo: 'shop', file: 'Api/Program.cs', line: 3 }],
    ]);
  });
});
