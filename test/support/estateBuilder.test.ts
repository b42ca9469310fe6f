/** The builder must give the estate a scan would: real ids, complete node data, the phases' provisions only when they ran. */
import { describe, expect, it } from 'vitest';
import { fileId, namespaceId, packageId, projectId, repoId, tableId, typeId } from '../../src/core/ids.js';
import { fileMemberships } from '../../src/history/graphIndex.js';
import { AdvisoryIndex } from '../../src/advisories/database.js';
import { estate } from './estateBuilder.js';
import { npmFixture } from './registryFixtures.js';

describe('estate builder', () => {
  it('builds repos, files and projects with the data the graph builder gives them', async () => {
    const { estate: built } = await estate()
      .repo('legacy', { git: false, path: 'old/legacy' })
      .file('legacy', 'src/Api/Orders.cs', { loc: 120, complexity: 14, project: 'src/Api/Api.csproj' })
      .dotnetProject('legacy', 'src/Api/Api.csproj', { targetFrameworks: ['net48'] })
      .npmProject('web', 'client/package.json', { enginesNode: '>=18' })
      .build();
    const { graph, model } = built;
    expect(graph.node(repoId('legacy'))).toEqual({
      id: 'repo:legacy',
      kind: 'repo',
      name: 'legacy',
      path: 'old/legacy',
      data: { git: false },
    });
    expect(graph.node(fileId('legacy', 'src/Api/Orders.cs'))).toEqual({
      id: 'file:legacy/src/Api/Orders.cs',
      kind: 'file',
      name: 'Orders.cs',
      repo: 'legacy',
      path: 'src/Api/Orders.cs',
      loc: 120,
      complexity: 14,
      data: { language: 'C#' },
    });
    expect(graph.nodeOfKind(projectId('legacy', 'src/Api/Api.csproj'), 'project')).toMatchObject({
      name: 'Api',
      data: { language: 'csharp', sdkStyle: true, assemblyName: 'Api', targetFrameworks: ['net48'] },
    });
    expect(graph.nodeOfKind(projectId('web', 'client/package.json'), 'project')).toMatchObject({
      name: 'client',
      data: { ecosystem: 'npm', private: false, enginesNode: '>=18' },
    });
    expect(
      graph.edge('contains', projectId('legacy', 'src/Api/Api.csproj'), fileId('legacy', 'src/Api/Orders.cs')),
    ).toBeDefined();
    expect(graph.edge('contains', repoId('legacy'), projectId('legacy', 'src/Api/Api.csproj'))).toBeDefined();
    expect(graph.nodeOfKind(fileId('web', 'client/package.json'), 'file')?.data?.language).toBe('npm');
    expect(model.repos.map((r) => [r.name, r.files.map((f) => [f.path, f.kind])])).toEqual([
      [
        'legacy',
        [
          ['src/Api/Orders.cs', 'csharp'],
          ['src/Api/Api.csproj', 'msbuild-project'],
        ],
      ],
      ['web', [['client/package.json', 'package-json']]],
    ]);
    expect(model.projects).toMatchObject([
      {
        id: projectId('legacy', 'src/Api/Api.csproj'),
        name: 'Api',
        sourceFiles: ['src/Api/Orders.cs'],
        targetFrameworks: ['net48'],
      },
    ]);
  });

  it('reads package usages back from package-ref edges, with the estate’s own packages internal', async () => {
    const { estate: built, provided } = await estate()
      .uses({ ecosystem: 'npm', name: 'lodash', declared: '^4.17.4', resolved: '4.17.4', line: 7 })
      .uses({ ecosystem: 'npm', name: 'lodash', repo: 'admin', declared: '4.17.21' })
      .uses({ ecosystem: 'nuget', name: 'Harbor.Contracts', declared: '1.2.0' })
      .dotnetProject('contracts', 'src/Contracts.csproj', { packageId: 'Harbor.Contracts' })
      .build();
    expect(built.graph.nodeOfKind(packageId('npm', 'lodash'), 'package')?.data).toEqual({
      ecosystem: 'npm',
      versions: ['4.17.21', '^4.17.4'],
      resolved: ['4.17.4'],
    });
    expect(built.graph.edge('package-ref', projectId('web', 'package.json'), packageId('npm', 'lodash'))?.data).toEqual(
      { version: '^4.17.4', resolved: '4.17.4', source: 'package.json', dependencyType: 'dependencies', line: 7 },
    );
    expect(
      built.graph.edge(
        'produces',
        projectId('contracts', 'src/Contracts.csproj'),
        packageId('nuget', 'Harbor.Contracts'),
      ),
    ).toBeDefined();
    expect(built.packages.map((u) => [u.name, u.repo, u.file, u.known, u.knownFrom, u.internal])).toEqual([
      ['lodash', 'admin', 'package.json', '4.17.21', 'manifest', false],
      ['lodash', 'web', 'package.json', '4.17.4', 'lockfile', false],
      ['Harbor.Contracts', 'web', 'src/App/App.csproj', '1.2.0', 'manifest', true],
    ]);
    expect(built.model.projects.find((p) => p.id === projectId('web', 'src/App/App.csproj'))?.packages).toEqual([
      { name: 'Harbor.Contracts', version: '1.2.0', source: 'PackageReference' },
    ]);
    expect(Object.keys(provided)).toEqual(['sql']);
  });

  it('declares types through the graph builder and rolls type references up to namespaces', async () => {
    const { estate: built } = await estate()
      .type('Billing.Invoice', { repo: 'r', file: 'Billing/Invoice.cs', line: 4, project: 'Billing.csproj' })
      .type('Billing.Tax', { repo: 'r', file: 'Billing/Tax.cs' })
      .type('Mail.Sender', { repo: 'r', file: 'Mail/Sender.cs' })
      .typeRef('Billing.Invoice', 'Mail.Sender', 3)
      .typeRef('Billing.Invoice', 'Billing.Tax')
      .build();
    const { graph } = built;
    expect(graph.nodeOfKind(typeId('Billing.Invoice'), 'type')).toMatchObject({
      name: 'Billing.Invoice',
      repo: 'r',
      path: 'Billing/Invoice.cs',
      data: {
        typeKind: 'class',
        namespace: 'Billing',
        project: projectId('r', 'Billing.csproj'),
        files: ['Billing/Invoice.cs'],
        line: 4,
      },
    });
    // Namespaces are per project: `Billing` of Billing.csproj is not the loose `Billing` of repo r.
    const billing = namespaceId('Billing', 'r/Billing.csproj');
    expect(graph.edge('contains', billing, typeId('Billing.Invoice'))).toBeDefined();
    expect(graph.edge('type-ref', typeId('Billing.Invoice'), typeId('Mail.Sender'))?.weight).toBe(3);
    expect(graph.edgesOfKind('namespace-ref').map((e) => [e.from, e.to, e.weight, e.data])).toEqual([
      [billing, namespaceId('Mail', 'r'), 3, { repo: 'r', file: 'Billing/Invoice.cs', line: 4 }],
      [billing, namespaceId('Billing', 'r'), 1, { repo: 'r', file: 'Billing/Invoice.cs', line: 4 }],
    ]);
    expect(fileMemberships(graph).get(fileId('r', 'Billing/Invoice.cs'))).toEqual({
      types: [typeId('Billing.Invoice')],
      namespaces: [billing],
    });
  });

  it('provides history only when the history pass has left something, with figures and counts that agree', async () => {
    expect((await estate().file('r', 'A.cs').build()).provided.history).toBeUndefined();
    const { estate: built, provided } = await estate()
      .file('r', 'A.cs', { history: { revisions: 6, churn: 90, added: 60, lastChange: '2025-03-01' } })
      .file('s', 'B.cs', { history: { revisions: 4, churn: 10, firstChange: '2024-08-01', lastChange: '2025-01-01' } })
      .coChange(fileId('r', 'A.cs'), fileId('s', 'B.cs'), { shared: 3, degree: 0.6, revisions: [6, 4], hidden: true })
      .scanDate('2025-06-01')
      .build();
    expect(built.graph.nodeOfKind(fileId('r', 'A.cs'), 'file')?.data?.history).toEqual({
      revisions: 6,
      churn: 90,
      added: 60,
      deleted: 30,
      authors: 1,
      mainAuthor: 'Ada',
      mainAuthorShare: 1,
      firstChange: '2025-03-01',
      lastChange: '2025-03-01',
      ageDays: 0,
    });
    expect(built.graph.edge('co-change', fileId('r', 'A.cs'), fileId('s', 'B.cs'))).toEqual({
      from: fileId('r', 'A.cs'),
      to: fileId('s', 'B.cs'),
      kind: 'co-change',
      weight: 3,
      data: { degree: 0.6, revisions: [6, 4], hidden: true, level: 'file', crossRepo: true },
    });
    expect(provided.history).toEqual({
      window: "last 12 months before each repository's newest commit",
      repos: [
        { repo: 'r', commits: 6, since: '2025-03-01', until: '2025-03-01', shallow: false },
        { repo: 's', commits: 4, since: '2024-08-01', until: '2025-01-01', shallow: false },
      ],
      commits: 10,
      coChange: { file: 1, namespace: 0, project: 0, crossRepo: 1, hidden: 1 },
    });
    await expect(
      estate()
        .file('r', 'A.cs')
        .dotnetProject('r', 'R.csproj')
        .coChange(fileId('r', 'A.cs'), projectId('r', 'R.csproj'), {
          shared: 1,
          degree: 1,
          revisions: [1, 1],
          hidden: true,
        })
        .build(),
    ).rejects.toThrow(/one level/);
  });

  it('reads SQL through the real extractors into the SQL estate and the graph, problems as diagnostics', async () => {
    const { estate: built, provided } = await estate()
      .sqlScript('db', 'schema.sql', 'CREATE TABLE dbo.Users (Id INT NOT NULL PRIMARY KEY, Email NVARCHAR(200))')
      .queries('db', 'Users.cs', [
        'SELECT Email FROM dbo.Users WHERE Id = @id',
        { text: 'SELECT * FROM dbo.Audit', line: 40, dynamic: true },
      ])
      .queries('db', 'Users.cs', ['SELECT * FROM dbo.Users WHERE'])
      .build();
    expect(provided.sql?.schemas.map((d) => d.schema.size)).toEqual([1]);
    expect(provided.sql?.queries.map((q) => [q.file, q.query.line, q.query.dynamic, q.query.api])).toEqual([
      ['Users.cs', 1, false, 'Dapper.Query'],
      ['Users.cs', 40, true, 'Dapper.Query'],
      ['Users.cs', 3, false, 'Dapper.Query'],
    ]);
    expect(built.model.sql).toBe(provided.sql);
    expect(built.graph.nodeOfKind(tableId('dbo.users'), 'table')?.data).toMatchObject({ known: true, columns: 2 });
    expect(built.graph.nodeOfKind(tableId('dbo.audit'), 'table')?.data).toEqual({ known: false });
    expect(built.graph.edge('reads', fileId('db', 'Users.cs'), tableId('dbo.users'))).toBeDefined();
    expect(built.model.diagnostics).toMatchObject([
      { code: 'sql-unparsable', severity: 'warning', repo: 'db', file: 'Users.cs', line: 3 },
    ]);
  });

  it('answers for each usage from the registry metadata given, and loads advisories for the packages in use', async () => {
    const { estate: built, provided } = await estate()
      .uses({ ecosystem: 'npm', name: 'lodash', declared: '4.17.4' })
      .uses({ ecosystem: 'npm', name: 'jquery', declared: '1.12.4' })
      .registry([npmFixture('lodash')])
      .advisories()
      .build();
    expect(provided.registry?.size).toBe(1);
    expect(provided.registry?.get(projectId('web', 'package.json'), packageId('npm', 'lodash'))?.versions).toContain(
      '4.17.21',
    );
    expect(provided.advisories?.match('npm', 'lodash', '4.17.4').map((m) => m.advisory.id)).toEqual([
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-jf85-cpcp-j695',
    ]);
    // Reduced to the packages the estate uses, as the package phase reduces it.
    expect(provided.advisories?.match('nuget', 'Newtonsoft.Json', '6.0.4')).toEqual([]);
    expect(built.scanDate).toBe('2025-06-01T00:00:00.000Z');
    const matcher = new AdvisoryIndex();
    expect((await estate().advisories(matcher).scanDate('2026-01-02T03:04:05Z').build()).provided.advisories).toBe(
      matcher,
    );
    await expect(estate().advisories('/nowhere/advisories').build()).rejects.toThrow(/advisory database not found/);
  });
});
