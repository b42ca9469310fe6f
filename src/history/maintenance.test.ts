/** Tooling and maintenance in history: lockfiles, generated files, sweeps across projects, bumps. */
import { describe, expect, it } from 'vitest';
import { EstateGraph } from '../core/graph.js';
import { fileRole } from './fileRoles.js';
import { applyHistory, DEFAULT_HISTORY_SETTINGS } from './index.js';
import { compileMaintenancePattern, DEFAULT_MAINTENANCE_PATTERN, maintenanceReason } from './maintenance.js';
import type { Commit, FileChange, RepoHistory } from './types.js';

let n = 0;
function commit(day: number, message: string, files: (string | FileChange)[], author = 'Ada'): Commit {
  return {
    hash: String(++n).padStart(40, '0'),
    parentCount: 1,
    author,
    email: `${author.toLowerCase()}@x`,
    authorTime: 1_700_000_000 + day * 86_400,
    commitTime: 1_700_000_000 + day * 86_400,
    message,
    tickets: [],
    files: files.map((f) => (typeof f === 'string' ? { path: f, added: 10, deleted: 2 } : f)),
  };
}

const rules = { bulkCommitFiles: 30, message: compileMaintenancePattern(DEFAULT_MAINTENANCE_PATTERN) };

describe('fileRole', () => {
  it('tells lockfiles, generated files and manifests from source', () => {
    expect(fileRole('src/Web/Client/package-lock.json')).toBe('lockfile');
    expect(fileRole('src/Web/Client/yarn.lock')).toBe('lockfile');
    expect(fileRole('src/Api/packages.lock.json')).toBe('lockfile');
    expect(fileRole('src/Api/Forms/Main.Designer.cs')).toBe('generated');
    expect(fileRole('src/Api/Migrations/20230115120000_Initial.cs')).toBe('generated');
    expect(fileRole('src/Api/Migrations/OrderingContextModelSnapshot.cs')).toBe('generated');
    expect(fileRole('src/Api/Ordering.Api.csproj')).toBe('manifest');
    expect(fileRole('Directory.Packages.props')).toBe('manifest');
    expect(fileRole('src/Web/package.json')).toBe('manifest');
    expect(fileRole('src/Api/Dockerfile')).toBe('manifest');
    expect(fileRole('.github/workflows/build.yml')).toBe('manifest');
    expect(fileRole('src/Bff/aggregator/appsettings.Development.json')).toBe('manifest');
    expect(fileRole('src/Web/Web.config')).toBe('manifest');
    expect(fileRole('deploy/helm/basket-api/values.yaml')).toBe('manifest');
    expect(fileRole('src/Api/Program.cs')).toBe('source');
    expect(fileRole('src/Api/Services/OrderService.cs')).toBe('source');
    expect(fileRole('src/Web/app/lock.service.ts')).toBe('source');
  });
});

describe('maintenanceReason', () => {
  it('leaves a change of logic alone, even one that touches a manifest', () => {
    const feature = commit(1, 'Add order cancellation', [
      'src/Ordering/Commands/CancelOrder.cs',
      'src/Ordering/Controllers/OrdersController.cs',
      'src/Ordering/Ordering.csproj',
    ]);
    expect(maintenanceReason(feature, rules)).toBeUndefined();
    // One file name in two places is not a sweep.
    const twoServices = commit(1, 'Validate the basket total', ['src/Basket/Program.cs', 'src/Ordering/Program.cs']);
    expect(maintenanceReason(twoServices, rules)).toBeUndefined();
  });

  it('names what makes a commit maintenance', () => {
    const big = commit(
      1,
      'Rework',
      Array.from({ length: 31 }, (_, i) => `src/F${i}.cs`),
    );
    expect(maintenanceReason(big, rules)).toBe('bulk');
    expect(maintenanceReason(commit(1, 'Bump Polly from 7.2.3 to 7.2.4', ['a.csproj']), rules)).toBe('message');
    expect(maintenanceReason(commit(1, 'update nuget packages for the solution', ['src/A.cs']), rules)).toBe('message');
    expect(maintenanceReason(commit(1, 'Fix formatting', ['src/A.cs']), rules)).toBe('message');
    expect(maintenanceReason(commit(1, 'chore: tidy', ['src/A.cs']), rules)).toBe('message');
    expect(maintenanceReason(commit(1, 'Polly 7.2.4', ['src/A.cs'], 'dependabot[bot]'), rules)).toBe('bot');
    expect(maintenanceReason(commit(1, 'Pin versions', ['src/Web/yarn.lock', 'src/Web/package.json']), rules)).toBe(
      'no-logic',
    );
    // The same edit in every service: .NET upgrade touching each project file and its Program.cs.
    const upgrade = commit(1, 'Move to net8.0', [
      'src/Basket/Basket.csproj',
      'src/Basket/Program.cs',
      'src/Catalog/Catalog.csproj',
      'src/Catalog/Program.cs',
      'src/Ordering/Ordering.csproj',
      'src/Ordering/Program.cs',
      'src/Ordering/Services/OrderService.cs',
    ]);
    expect(maintenanceReason(upgrade, rules)).toBe('sweep');
    const moves = commit(1, 'Reorganise folders', [
      { path: 'src/Ordering/Domain/Order.cs', oldPath: 'src/Ordering/Order.cs', added: 0, deleted: 0 },
      { path: 'src/Ordering/Domain/Buyer.cs', oldPath: 'src/Ordering/Buyer.cs', added: 0, deleted: 0 },
      { path: 'src/Ordering/Domain/Address.cs', oldPath: 'src/Ordering/Address.cs', added: 1, deleted: 1 },
    ]);
    expect(maintenanceReason(moves, rules)).toBe('renames');
  });
});

/** Three services' files; `GlobalUsings.cs` is C# that declares and references nothing. */
function servicesGraph(): EstateGraph {
  const graph = new EstateGraph();
  graph.addNode({ id: 'repo:shop', kind: 'repo', name: 'shop', data: { git: true } });
  for (const path of [
    'src/Web/package-lock.json',
    'src/Web/yarn.lock',
    'src/Basket/Basket.csproj',
    'src/Catalog/Catalog.csproj',
    'src/Ordering/Ordering.csproj',
    'src/Basket/Program.cs',
    'src/Catalog/Program.cs',
    'src/Ordering/Program.cs',
    'src/Ordering/GlobalUsings.cs',
    'src/Ordering/Services/OrderService.cs',
    'src/Basket/Pricing/BasketPricing.cs',
  ]) {
    graph.addNode({
      id: `file:shop/${path}`,
      kind: 'file',
      name: path,
      repo: 'shop',
      path,
      complexity: 4,
      data: { language: path.endsWith('.cs') ? 'C#' : 'other' },
    });
  }
  // Every C# file but GlobalUsings.cs declares a type.
  for (const path of ['src/Basket/Program.cs', 'src/Catalog/Program.cs', 'src/Ordering/Program.cs']) {
    const type = `type:Program@${path}`;
    graph.addNode({ id: type, kind: 'type', name: 'Program', repo: 'shop', path });
    graph.addEdge(`file:shop/${path}`, type, 'contains');
  }
  for (const [path, name] of [
    ['src/Ordering/Services/OrderService.cs', 'Ordering.OrderService'],
    ['src/Basket/Pricing/BasketPricing.cs', 'Basket.BasketPricing'],
  ] as const) {
    graph.addNode({ id: `type:${name}`, kind: 'type', name, repo: 'shop', path });
    graph.addEdge(`file:shop/${path}`, `type:${name}`, 'contains');
  }
  return graph;
}

describe('applyHistory with tooling and maintenance in the log', () => {
  it('couples logic only, and counts churn of logic apart from maintenance', () => {
    const graph = servicesGraph();
    const commits: Commit[] = [];
    for (let day = 1; day <= 6; day++) {
      commits.push(commit(day * 10, 'Update the SPA client', ['src/Web/package-lock.json', 'src/Web/yarn.lock']));
      commits.push(
        commit(day * 10 + 1, 'Move every service to the new hosting model', [
          'src/Basket/Basket.csproj',
          'src/Basket/Program.cs',
          'src/Catalog/Catalog.csproj',
          'src/Catalog/Program.cs',
          'src/Ordering/Ordering.csproj',
          'src/Ordering/Program.cs',
          'src/Ordering/GlobalUsings.cs',
        ]),
      );
      commits.push(
        commit(day * 10 + 2, 'Price baskets with the order discount rules', [
          'src/Ordering/Services/OrderService.cs',
          'src/Basket/Pricing/BasketPricing.cs',
          'src/Ordering/Program.cs',
          'src/Ordering/GlobalUsings.cs',
        ]),
      );
    }
    commits.reverse();
    const history: RepoHistory = { repo: 'shop', commits, newest: commits[0]!.commitTime, since: 0, shallow: false };
    const summary = applyHistory(graph, { repos: [history], diagnostics: [] }, DEFAULT_HISTORY_SETTINGS);

    const pairs = graph
      .edgesOfKind('co-change')
      .filter((e) => e.data?.level === 'file')
      .map((e) => `${e.from.slice('file:shop/'.length)} ⇄ ${e.to.slice('file:shop/'.length)}`)
      .sort();
    expect(pairs).toEqual([
      'src/Basket/Pricing/BasketPricing.cs ⇄ src/Ordering/Program.cs',
      'src/Basket/Pricing/BasketPricing.cs ⇄ src/Ordering/Services/OrderService.cs',
      'src/Ordering/Program.cs ⇄ src/Ordering/Services/OrderService.cs',
    ]);
    expect(summary.maintenanceCommits).toBe(12);
    expect(graph.nodeOfKind('file:shop/src/Ordering/Program.cs', 'file')!.data!.history).toMatchObject({
      revisions: 12,
      churn: 144,
      logicRevisions: 6,
      logicChurn: 72,
    });
    expect(graph.nodeOfKind('file:shop/src/Catalog/Program.cs', 'file')!.data!.history).toMatchObject({
      revisions: 6,
      logicRevisions: 0,
      logicChurn: 0,
    });
    expect(graph.nodeOfKind('file:shop/src/Web/yarn.lock', 'file')!.data!.history).toMatchObject({
      logicRevisions: 0,
    });
  });
});
