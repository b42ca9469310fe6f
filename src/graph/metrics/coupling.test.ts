import { describe, expect, it } from 'vitest';
import { estate } from '../../../test/support/estateBuilder.js';
import type { EstateGraph } from '../../core/graph.js';
import { fileId, namespaceId, projectId, repoId, typeId } from '../../core/ids.js';
import { moduleId } from '../js/importGraph.js';
import { type CouplingFigures, couplingFigures } from './coupling.js';
import { fanInHubs } from './hubs.js';

const CORE = 'src/Core/Core.csproj';
const API = 'src/Api/Api.csproj';
const ns = (name: string, project = CORE) => namespaceId(name, `shop/${project}`);
const at = (figures: readonly CouplingFigures[], id: string) => figures.find((f) => f.id === id);

/** Core: Shop.Common (Guard, IClock) used by Shop.Billing and Shop.Orders; Api's controller uses Billing. */
const shop = () =>
  estate()
    .type('Shop.Common.Guard', { repo: 'shop', file: 'src/Core/Guard.cs', project: CORE })
    .type('Shop.Common.IClock', { repo: 'shop', file: 'src/Core/IClock.cs', project: CORE, kind: 'interface' })
    .type('Shop.Billing.Invoice', { repo: 'shop', file: 'src/Core/Invoice.cs', project: CORE })
    .type('Shop.Orders.Order', { repo: 'shop', file: 'src/Core/Order.cs', project: CORE })
    .type('Shop.Api.InvoicesController', { repo: 'shop', file: 'src/Api/InvoicesController.cs', project: API })
    .typeRef('Shop.Billing.Invoice', 'Shop.Common.Guard', 3)
    .typeRef('Shop.Billing.Invoice', 'Shop.Common.IClock', 1)
    .typeRef('Shop.Orders.Order', 'Shop.Common.Guard', 2)
    .typeRef('Shop.Orders.Order', 'Shop.Billing.Invoice', 1)
    .typeRef('Shop.Api.InvoicesController', 'Shop.Billing.Invoice', 4)
    .projectDep(projectId('shop', API), projectId('shop', CORE), { typeReferences: 4 });

async function graphOf(builder: ReturnType<typeof estate>): Promise<EstateGraph> {
  return (await builder.build()).estate.graph;
}

describe('couplingFigures', () => {
  it('gives Ca, Ce, I, A and D per namespace and project from the type references', async () => {
    const coupling = couplingFigures(await graphOf(shop()));
    expect(at(coupling.namespace, ns('Shop.Common'))).toMatchObject({
      afferent: 2,
      efferent: 0,
      instability: 0,
      types: 2,
      abstractTypes: 1,
      abstractness: 0.5,
      distance: 0.5,
      referencesIn: 6,
      dependentNamespaces: 2,
      dependentProjects: 0,
    });
    // Billing: used by Orders and the Api's namespace, uses Common.
    expect(at(coupling.namespace, ns('Shop.Billing'))).toMatchObject({
      afferent: 2,
      efferent: 1,
      instability: 0.333,
      abstractness: 0,
      distance: 0.667,
      dependentProjects: 1,
    });
    expect(at(coupling.project, projectId('shop', CORE))).toMatchObject({
      afferent: 1,
      efferent: 0,
      referencesIn: 4,
      types: 4,
      abstractTypes: 1,
    });
    expect(at(coupling.type, typeId('Shop.Common.Guard'))).toMatchObject({ afferent: 2, abstractness: 0, distance: 1 });
    expect(coupling.namespace.map((f) => f.id)).toEqual([...coupling.namespace.map((f) => f.id)].sort());
  });

  it('counts a declared project reference no code uses yet', async () => {
    const coupling = couplingFigures(
      await graphOf(
        shop()
          .dotnetProject('shop', 'src/Worker/Worker.csproj')
          .projectDep(projectId('shop', 'src/Worker/Worker.csproj'), projectId('shop', CORE)),
      ),
    );
    expect(at(coupling.project, projectId('shop', CORE))).toMatchObject({ afferent: 2, referencesIn: 5 });
  });

  it('rolls HTTP and gRPC calls and JS/TS imports up to modules, projects and repos', async () => {
    const graph = await graphOf(
      shop()
        .npmProject('web', 'package.json')
        .file('web', 'src/billing/invoices.ts', { project: 'package.json' })
        .file('web', 'src/shared/format.ts', { project: 'package.json' })
        .type('Ledger.LedgerClient', { repo: 'ledger', file: 'src/LedgerClient.cs', project: 'Ledger.csproj' }),
    );
    for (const folder of ['src/billing', 'src/shared'])
      graph.addNode({ id: moduleId('web', folder), kind: 'module', name: folder, repo: 'web', path: folder });
    const invoices = fileId('web', 'src/billing/invoices.ts');
    graph.addEdge(invoices, fileId('web', 'src/shared/format.ts'), 'import', 2, { kinds: ['import'], specifiers: [] });
    graph.addEdge(invoices, typeId('Shop.Api.InvoicesController'), 'http-call', 3);
    graph.addEdge(typeId('Ledger.LedgerClient'), typeId('Shop.Billing.Invoice'), 'grpc-call', 1);

    const coupling = couplingFigures(graph);
    expect(at(coupling.namespace, moduleId('web', 'src/shared'))).toMatchObject({ afferent: 1, referencesIn: 2 });
    expect(at(coupling.namespace, moduleId('web', 'src/shared'))?.abstractness).toBeUndefined();
    expect(at(coupling.project, projectId('shop', API))).toMatchObject({ afferent: 1, dependentRepos: 1 });
    expect(at(coupling.repo, repoId('shop'))).toMatchObject({ afferent: 2, efferent: 0, dependentRepos: 2 });
    expect(at(coupling.repo, repoId('web'))).toMatchObject({ afferent: 0, efferent: 1, instability: 1 });
    expect(at(coupling.type, typeId('Shop.Billing.Invoice'))).toMatchObject({ afferent: 3, dependentRepos: 1 });
  });

  it('leaves test code out unless asked: test projects, projects depending on them, JS/TS test files', async () => {
    const tests = 'test/Core.Tests/Core.Tests.csproj';
    const graph = await graphOf(
      shop()
        .uses({ ecosystem: 'nuget', name: 'xunit', repo: 'shop', project: tests, declared: '2.9.0' })
        .type('Shop.Tests.GuardTests', { repo: 'shop', file: 'test/Core.Tests/GuardTests.cs', project: tests })
        .typeRef('Shop.Tests.GuardTests', 'Shop.Common.Guard', 5)
        .projectDep(projectId('shop', tests), projectId('shop', CORE))
        .file('shop', 'web/format.spec.ts'),
    );
    graph.addEdge(fileId('shop', 'web/format.spec.ts'), typeId('Shop.Api.InvoicesController'), 'http-call', 1);
    // A shared integration-test base references no test framework itself, only the test project.
    const base = projectId('shop', 'test/IntegrationBase/IntegrationBase.csproj');
    graph.addNode({
      id: base,
      kind: 'project',
      name: 'IntegrationBase',
      repo: 'shop',
      path: 'test/IntegrationBase/IntegrationBase.csproj',
    });
    graph.addEdge(base, projectId('shop', tests), 'project-dep', 1, { via: ['project'], crossRepo: false });
    graph.addEdge(base, projectId('shop', CORE), 'project-dep', 1, { via: ['project'], crossRepo: false });
    const excluded = couplingFigures(graph);
    expect(at(excluded.namespace, ns('Shop.Common'))).toMatchObject({ afferent: 2, dependentProjects: 0 });
    expect(at(excluded.project, projectId('shop', CORE))).toMatchObject({ afferent: 1 });
    expect(at(excluded.type, typeId('Shop.Api.InvoicesController'))).toMatchObject({ afferent: 0 });
    const included = couplingFigures(graph, { tests: 'include' });
    expect(at(included.namespace, ns('Shop.Common'))).toMatchObject({ afferent: 3, dependentProjects: 1 });
    expect(at(included.project, projectId('shop', CORE))).toMatchObject({ afferent: 3 });
    expect(at(included.type, typeId('Shop.Api.InvoicesController'))).toMatchObject({ afferent: 1 });
  });

  it('gives the same figures whatever order the graph was built in', async () => {
    const forwards = couplingFigures(await graphOf(shop()));
    const backwards = couplingFigures(
      await graphOf(
        estate()
          .projectDep(projectId('shop', API), projectId('shop', CORE), { typeReferences: 4 })
          .typeRef('Shop.Api.InvoicesController', 'Shop.Billing.Invoice', 4)
          .typeRef('Shop.Orders.Order', 'Shop.Billing.Invoice', 1)
          .typeRef('Shop.Orders.Order', 'Shop.Common.Guard', 2)
          .typeRef('Shop.Billing.Invoice', 'Shop.Common.IClock', 1)
          .typeRef('Shop.Billing.Invoice', 'Shop.Common.Guard', 3)
          .type('Shop.Api.InvoicesController', { repo: 'shop', file: 'src/Api/InvoicesController.cs', project: API })
          .type('Shop.Orders.Order', { repo: 'shop', file: 'src/Core/Order.cs', project: CORE })
          .type('Shop.Billing.Invoice', { repo: 'shop', file: 'src/Core/Invoice.cs', project: CORE })
          .type('Shop.Common.IClock', { repo: 'shop', file: 'src/Core/IClock.cs', project: CORE, kind: 'interface' })
          .type('Shop.Common.Guard', { repo: 'shop', file: 'src/Core/Guard.cs', project: CORE }),
      ),
    );
    expect(JSON.stringify(backwards)).toBe(JSON.stringify(forwards));
  });
});

describe('fanInHubs', () => {
  it('keeps the nodes enough distinct areas depend on, most first, up to top per level', async () => {
    const coupling = couplingFigures(await graphOf(shop()));
    const hubs = fanInHubs(coupling, ['namespace', 'project'], { minDependents: 2, minShare: 0.5, top: 1 });
    // Common and Billing both have two dependent namespaces; Common gets more references.
    expect(hubs.map((h) => [h.level, h.figures.id, h.dependentAreas, h.areas])).toEqual([
      ['namespace', ns('Shop.Common'), 2, 3],
    ]);
    expect(fanInHubs(coupling, ['namespace'], { minDependents: 3, minShare: 0, top: 5 })).toEqual([]);
  });
});
