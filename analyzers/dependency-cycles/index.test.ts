import { describe, expect, it } from 'vitest';
import dependencyCycles from './index.js';
import { feedbackEdges } from './feedbackEdges.js';
import { runAnalyzer, testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import { estate } from '../../test/support/estateBuilder.js';
import { namespaceId, projectId } from '../../src/core/ids.js';
import { runAnalyzers } from '../../src/scan/runAnalyzers.js';

/** Namespace dependencies with no types behind them: `[from, to, weight]`. */
const namespaces =
  (edges: [string, string, number][]): DeclareEstate =>
  (b) =>
    edges.reduce((builder, [from, to, weight]) => builder.namespaceRef(from, to, weight), b);

/** Projects a, b and c of repo r, with `project-dep` edges declared in the given order. */
const projects =
  (order: [string, string][]): DeclareEstate =>
  (b) => {
    for (const p of ['a', 'b', 'c']) b.dotnetProject('r', `${p}.csproj`);
    for (const [from, to] of order) b.projectDep(projectId('r', `${from}.csproj`), projectId('r', `${to}.csproj`));
    return b;
  };

const ring = Array.from({ length: 10 }, (_, i) => [`N${i}`, `N${(i + 1) % 10}`, 1] as [string, string, number]);

testAnalyzer(dependencyCycles, {
  valid: [
    {
      name: 'a layered (acyclic) graph',
      estate: namespaces([
        ['Web', 'Billing', 5],
        ['Billing', 'Common', 3],
        ['Web', 'Common', 1],
      ]),
    },
    {
      name: 'a namespace cycle when only projects are asked for',
      estate: namespaces([
        ['Billing', 'Notifications', 9],
        ['Notifications', 'Billing', 2],
      ]),
      options: { levels: ['project'] },
    },
  ],
  invalid: [
    {
      name: 'a two-namespace cycle, once, cutting the lighter edge',
      estate: namespaces([
        ['Billing', 'Notifications', 9],
        ['Notifications', 'Billing', 2],
        ['Reporting', 'Billing', 4],
      ]),
      findings: [
        {
          messageId: 'cycle',
          severity: 'warning',
          message:
            'Namespaces Billing, Notifications form a dependency cycle (2 members); cut Notifications → Billing (2) to break it',
          data: {
            level: 'namespace',
            members: [namespaceId('Billing'), namespaceId('Notifications')],
            edges: [
              { from: namespaceId('Billing'), to: namespaceId('Notifications'), weight: 9 },
              { from: namespaceId('Notifications'), to: namespaceId('Billing'), weight: 2 },
            ],
            closingEdges: [{ from: namespaceId('Notifications'), to: namespaceId('Billing'), weight: 2 }],
            crossRepo: false,
          },
        },
      ],
    },
    {
      name: 'a cycle of type references, located at the type whose reference closes it',
      estate: (b) =>
        b
          .type('Billing.InvoiceService', { repo: 'billing', file: 'src/InvoiceService.cs', line: 12 })
          .type('Notifications.Mailer', { repo: 'notify', file: 'src/Mailer.cs', line: 5 })
          .typeRef('Billing.InvoiceService', 'Notifications.Mailer', 9)
          .typeRef('Notifications.Mailer', 'Billing.InvoiceService', 2),
      findings: [
        {
          messageId: 'cycle',
          message:
            'Namespaces Billing, Notifications form a dependency cycle (2 members); cut Notifications → Billing (2) to break it',
          location: { repo: 'notify', file: 'src/Mailer.cs', line: 5 },
          data: { level: 'namespace' },
        },
      ],
    },
    {
      name: 'a large tangle: a short message, everything in data',
      estate: namespaces(ring),
      findings: [
        {
          messageId: 'cycle',
          message:
            /^Namespaces N0, N1, N2, N3, N4, N5 and 4 more form a dependency cycle \(10 members\); cut N\d → N\d \(1\) to break it$/,
          data: { members: ring.map(([name]) => namespaceId(name)), closingEdges: [{ weight: 1 }] },
        },
      ],
    },
    {
      name: 'a project cycle, located at the project file that closes it',
      estate: projects([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
      findings: [
        {
          messageId: 'cycle',
          message: /^Projects a, b, c form a dependency cycle \(3 members\); cut [abc] → [abc] \(1\) to break it$/,
          location: { repo: 'r' },
          data: {
            level: 'project',
            members: ['a', 'b', 'c'].map((p) => projectId('r', `${p}.csproj`)),
            crossRepo: false,
          },
        },
      ],
    },
    {
      name: 'a project cycle across repositories, with every closing edge located',
      estate: (b) =>
        b
          .dotnetProject('web', 'Web.csproj')
          .dotnetProject('core', 'src/Core.csproj')
          .dotnetProject('jobs', 'Jobs.csproj')
          .projectDep(projectId('web', 'Web.csproj'), projectId('core', 'src/Core.csproj'), { typeReferences: 40 })
          .projectDep(projectId('core', 'src/Core.csproj'), projectId('web', 'Web.csproj'), {
            via: [],
            typeReferences: 3,
            undeclared: true,
          })
          .projectDep(projectId('core', 'src/Core.csproj'), projectId('jobs', 'Jobs.csproj'), { typeReferences: 7 })
          .projectDep(projectId('jobs', 'Jobs.csproj'), projectId('core', 'src/Core.csproj'), {
            via: [],
            typeReferences: 2,
            undeclared: true,
          }),
      findings: [
        {
          messageId: 'cycle',
          message:
            'Projects Core, Jobs, Web form a dependency cycle (3 members); cut Jobs → Core (2), Core → Web (3) to break it',
          location: { repo: 'jobs', file: 'Jobs.csproj' },
          related: [{ repo: 'core', file: 'src/Core.csproj' }],
          data: {
            level: 'project',
            closingEdges: [
              { from: projectId('jobs', 'Jobs.csproj'), to: projectId('core', 'src/Core.csproj'), weight: 2 },
              { from: projectId('core', 'src/Core.csproj'), to: projectId('web', 'Web.csproj'), weight: 3 },
            ],
            crossRepo: true,
          },
        },
      ],
    },
  ],
});

describe('dependency-cycles across runs and options', () => {
  it('gives a cycle the same id whatever the edge order', async () => {
    const one = await runAnalyzer(
      dependencyCycles,
      projects([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    );
    const two = await runAnalyzer(
      dependencyCycles,
      projects([
        ['c', 'a'],
        ['a', 'b'],
        ['b', 'c'],
      ]),
    );
    expect(one.findings).toHaveLength(1);
    expect(two.findings.map((f) => f.id)).toEqual(one.findings.map((f) => f.id));
  });

  it('rejects unknown options as a diagnostic, not a crash', async () => {
    const { estate: context, provided } = await estate().build();
    const { findings, diagnostics } = await runAnalyzers([dependencyCycles], context, provided, {
      'dependency-cycles': { levels: ['galaxy'] },
    });
    expect(findings).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['analyzer-options-invalid']);
  });
});

describe('feedbackEdges', () => {
  it('breaks every cycle of a component', () => {
    const edges = [
      { from: 'a', to: 'b', weight: 5 },
      { from: 'b', to: 'c', weight: 5 },
      { from: 'c', to: 'a', weight: 1 },
      { from: 'b', to: 'a', weight: 1 },
    ];
    const cut = feedbackEdges(['a', 'b', 'c'], edges);
    expect(cut).toEqual([
      { from: 'c', to: 'a', weight: 1 },
      { from: 'b', to: 'a', weight: 1 },
    ]);
  });
});
