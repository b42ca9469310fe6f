import { describe, expect, it } from 'vitest';
import dependencyCycles from './index.js';
import { feedbackEdges } from './feedbackEdges.js';
import { runAnalyzer, testAnalyzer, type DeclareEstate } from '../../test/support/analyzerTester.js';
import { estate } from '../../test/support/estateBuilder.js';
import { namespaceId, projectId } from '../../src/core/ids.js';
import { runAnalyzers } from '../../src/scan/runAnalyzers.js';

/** Namespace dependencies of loose source in repo `app`, with no types behind them: `[from, to, weight]`. */
const namespaces =
  (edges: [string, string, number][]): DeclareEstate =>
  (b) =>
    edges.reduce((builder, [from, to, weight]) => builder.namespaceRef('app', from, to, weight), b);
const ns = (name: string) => namespaceId(name, 'app');

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
            'Namespaces Billing, Notifications of repo app form a dependency cycle (2 members); cut Notifications → Billing (2) to break it',
          location: { repo: 'app' },
          data: {
            level: 'namespace',
            members: [ns('Billing'), ns('Notifications')],
            edges: [
              { from: ns('Billing'), to: ns('Notifications'), weight: 9 },
              { from: ns('Notifications'), to: ns('Billing'), weight: 2 },
            ],
            closingEdges: [{ from: ns('Notifications'), to: ns('Billing'), weight: 2 }],
            crossRepo: false,
          },
        },
      ],
    },
    {
      name: 'a cycle of type references, located at the reference on the edge that closes it',
      estate: (b) =>
        b
          .type('Billing.InvoiceService', { repo: 'billing', file: 'src/InvoiceService.cs', line: 12 })
          .type('Notifications.Mailer', { repo: 'notify', file: 'src/Mailer.cs', line: 5 })
          .typeRef('Billing.InvoiceService', 'Notifications.Mailer', 9, 20)
          .typeRef('Notifications.Mailer', 'Billing.InvoiceService', 2, 31),
      findings: [
        {
          messageId: 'cycle',
          message:
            'Namespaces Billing (repo billing), Notifications (repo notify) form a dependency cycle (2 members); cut Notifications (repo notify) → Billing (repo billing) (2) to break it',
          location: { repo: 'notify', file: 'src/Mailer.cs', line: 31 },
          data: { level: 'namespace', crossRepo: true },
        },
      ],
    },
    {
      name: 'the global namespaces of two projects: one cycle per project, never one through both',
      estate: (b) =>
        b
          // Each service has its own top-level host class and a `Startup` that names it back.
          .type('OrderingHost', { repo: 'shop', file: 'Ordering/Program.cs', project: 'Ordering/Ordering.csproj' })
          .type('Ordering.Startup', { repo: 'shop', file: 'Ordering/Startup.cs', project: 'Ordering/Ordering.csproj' })
          .type('BasketHost', { repo: 'shop', file: 'Basket/Program.cs', project: 'Basket/Basket.csproj' })
          .type('Basket.Startup', { repo: 'shop', file: 'Basket/Startup.cs', project: 'Basket/Basket.csproj' })
          .typeRef('OrderingHost', 'Ordering.Startup', 5, 3)
          .typeRef('Ordering.Startup', 'OrderingHost', 1, 9)
          .typeRef('BasketHost', 'Basket.Startup', 4, 4)
          .typeRef('Basket.Startup', 'BasketHost', 2, 7),
      findings: [
        {
          messageId: 'cycle',
          message:
            'Namespaces <global>, Basket of project Basket form a dependency cycle (2 members); cut Basket → <global> (2) to break it',
          location: { repo: 'shop', file: 'Basket/Startup.cs', line: 7 },
          data: {
            members: [namespaceId('', 'shop/Basket/Basket.csproj'), namespaceId('Basket', 'shop/Basket/Basket.csproj')],
            crossRepo: false,
          },
        },
        {
          messageId: 'cycle',
          message:
            'Namespaces <global>, Ordering of project Ordering form a dependency cycle (2 members); cut Ordering → <global> (1) to break it',
          location: { repo: 'shop', file: 'Ordering/Startup.cs', line: 9 },
          data: {
            members: [
              namespaceId('', 'shop/Ordering/Ordering.csproj'),
              namespaceId('Ordering', 'shop/Ordering/Ordering.csproj'),
            ],
          },
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
            /^Namespaces N0, N1, N2, N3, N4, N5 and 4 more of repo app form a dependency cycle \(10 members\); cut N\d → N\d \(1\) to break it$/,
          data: { members: ring.map(([name]) => ns(name)), closingEdges: [{ weight: 1 }] },
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
