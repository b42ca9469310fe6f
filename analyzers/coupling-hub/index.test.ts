import { describe, expect, it } from 'vitest';
import { namespaceId, projectId } from '../../src/core/ids.js';
import { type DeclareEstate, runAnalyzer, testAnalyzer } from '../../test/support/analyzerTester.js';
import type { EstateBuilder, TypeOptions } from '../../test/support/estateBuilder.js';
import couplingHub from './index.js';

const MONOLITH = 'Shop/Shop.csproj';
const inMonolith = (file: string, extra: Partial<TypeOptions> = {}): TypeOptions => ({
  repo: 'shop',
  file,
  project: MONOLITH,
  ...extra,
});
const commonNs = namespaceId('Shop.Common', 'shop/Shop/Shop.csproj');

/** One giant project: `areas` namespaces, each with a service; the first `users` of them call `Shop.Common.Guard`. */
const monolith =
  (areas: number, users: number): DeclareEstate =>
  (b) => {
    b.type('Shop.Common.Guard', inMonolith('Common/Guard.cs', { modifiers: ['public', 'static'] }))
      .type('Shop.Common.Clock', inMonolith('Common/Clock.cs'))
      .type('Shop.Common.IClock', inMonolith('Common/IClock.cs', { kind: 'interface' }));
    for (let i = 0; i < areas; i++) {
      const service = `Shop.Area${i}.Service${i}`;
      b.type(service, inMonolith(`Area${i}/Service${i}.cs`));
      if (i < users) b.typeRef(service, 'Shop.Common.Guard', 3);
      // Every area but the last depends on the next one: areas that depend on something, not on Common.
      if (i + 1 < areas) b.typeRef(service, `Shop.Area${i + 1}.Service${i + 1}`, 1);
    }
    return b;
  };

/** Projects of repo `estate`: `Core` used by `dependents` service projects; Core itself uses `coreUses` others. */
const projects =
  (dependents: number, coreUses: number): DeclareEstate =>
  (b: EstateBuilder) => {
    const core = projectId('estate', 'Core/Core.csproj');
    b.dotnetProject('estate', 'Core/Core.csproj');
    for (let i = 0; i < dependents; i++) {
      b.dotnetProject('estate', `Service${i}/Service${i}.csproj`);
      b.projectDep(projectId('estate', `Service${i}/Service${i}.csproj`), core);
    }
    for (let i = 0; i < coreUses; i++) {
      b.dotnetProject('estate', `Lib${i}/Lib${i}.csproj`);
      b.projectDep(core, projectId('estate', `Lib${i}/Lib${i}.csproj`));
    }
    return b;
  };

testAnalyzer(couplingHub, {
  valid: [
    {
      name: 'a shared namespace fewer than minDependents areas use',
      estate: monolith(6, 4),
      options: { levels: ['namespace'] },
    },
    {
      name: 'a shared namespace used by five areas of sixty: under the minShare of the areas',
      estate: monolith(60, 5),
      options: { levels: ['namespace'] },
    },
    {
      name: 'a type used often, but only by its own namespace: cohesion, not a hub',
      estate: (b) => {
        b.type('Shop.Billing.Invoice', inMonolith('Billing/Invoice.cs'));
        for (let i = 0; i < 8; i++) {
          b.type(`Shop.Billing.Step${i}`, inMonolith(`Billing/Step${i}.cs`));
          b.typeRef(`Shop.Billing.Step${i}`, 'Shop.Billing.Invoice', 5);
        }
        return b;
      },
      options: { levels: ['type'] },
    },
    {
      name: 'a helper namespace only test projects use: tests follow the code, they are not areas',
      estate: (b) => {
        b.type('Shop.Common.Guard', inMonolith('Common/Guard.cs'));
        for (let i = 0; i < 6; i++) {
          const project = `Tests${i}/Tests${i}.csproj`;
          b.uses({ ecosystem: 'nuget', name: 'xunit', repo: 'shop', project, declared: '2.9.0' });
          b.type(`Shop.Area${i}.Tests.ServiceTests`, { repo: 'shop', file: `Tests${i}/ServiceTests.cs`, project });
          b.typeRef(`Shop.Area${i}.Tests.ServiceTests`, 'Shop.Common.Guard', 2);
          b.projectDep(projectId('shop', project), projectId('shop', MONOLITH));
        }
        return b;
      },
    },
    {
      name: 'a layered estate where every project uses only the next one',
      estate: (b) => {
        for (let i = 0; i < 8; i++) b.dotnetProject('estate', `P${i}/P${i}.csproj`);
        for (let i = 0; i + 1 < 8; i++)
          b.projectDep(projectId('estate', `P${i}/P${i}.csproj`), projectId('estate', `P${i + 1}/P${i + 1}.csproj`));
        return b;
      },
    },
  ],
  invalid: [
    {
      name: 'the Common namespace every area of a one-project monolith calls: concrete and stable, invert it',
      estate: monolith(6, 6),
      options: { levels: ['namespace'] },
      findings: [
        {
          messageId: 'hub',
          rank: 1,
          message:
            'Hub #1 among namespaces: namespace Shop.Common is used by 6 of 6 namespaces (Ca 6, Ce 0, I 0, A 0.333, D 0.667); every service extracted from its dependents drags it along or calls back into it — split it by the areas that use it, or invert the dependency: move the interfaces its dependents need into a shared package and keep the implementations with their owners',
          location: { repo: 'shop' },
          data: {
            level: 'namespace',
            node: commonNs,
            dependentAreas: 6,
            areas: 6,
            afferent: 6,
            efferent: 0,
            instability: 0,
            abstractness: 0.333,
            distance: 0.667,
            types: 3,
            abstractTypes: 1,
            referencesIn: 18,
            dependentProjects: 0,
            advice: 'invert',
          },
        },
      ],
      summaries: [
        {
          title: 'Coupling hubs',
          rows: [['Shop.Common@shop/Shop/Shop.csproj', 'namespace', '6/6', '6', '0', '0', '0.333', '0.667']],
        },
      ],
    },
    {
      name: 'test code counted when asked for',
      estate: (b) => {
        b.type('Shop.Common.Guard', inMonolith('Common/Guard.cs'));
        for (let i = 0; i < 6; i++) {
          const project = `Tests${i}/Tests${i}.csproj`;
          b.uses({ ecosystem: 'nuget', name: 'xunit', repo: 'shop', project, declared: '2.9.0' });
          b.type(`Shop.Area${i}.Tests.ServiceTests`, { repo: 'shop', file: `Tests${i}/ServiceTests.cs`, project });
          b.typeRef(`Shop.Area${i}.Tests.ServiceTests`, 'Shop.Common.Guard', 2);
        }
        return b;
      },
      options: { levels: ['namespace'], tests: 'include' },
      findings: [{ messageId: 'hub', data: { node: commonNs, afferent: 6, dependentProjects: 6 } }],
    },
    {
      name: 'the type behind the hub, located at its declaration',
      estate: monolith(6, 6),
      options: { levels: ['type'] },
      findings: [
        {
          messageId: 'hub',
          message:
            /^Hub #1 among types: type Shop\.Common\.Guard is used by 6 of 6 namespaces \(Ca 6, Ce 0, I 0, A 0, D 1\)/,
          location: { repo: 'shop', file: 'Common/Guard.cs' },
          data: { level: 'type', dependentAreas: 6, abstractness: 0, distance: 1 },
        },
      ],
    },
    {
      name: 'a core project that itself uses more than uses it: split it',
      estate: projects(5, 6),
      options: { levels: ['project'] },
      findings: [
        {
          messageId: 'hub',
          message:
            /is used by 5 of 6 projects \(Ca 5, Ce 6, I 0\.545\); .* — split it by the areas that use it: it depends on 6 others itself/,
          location: { repo: 'estate', file: 'Core/Core.csproj' },
          data: { level: 'project', afferent: 5, efferent: 6, instability: 0.545, advice: 'split' },
        },
      ],
    },
    {
      name: 'a contracts namespace of interfaces and enums: publish it as a shared package',
      estate: (b) => {
        b.type('Shop.Contracts.IOrderEvents', inMonolith('Contracts/IOrderEvents.cs', { kind: 'interface' }))
          .type('Shop.Contracts.OrderStatus', inMonolith('Contracts/OrderStatus.cs', { kind: 'enum' }))
          .type('Shop.Contracts.PaymentKind', inMonolith('Contracts/PaymentKind.cs', { kind: 'enum' }))
          .type('Shop.Contracts.OrderPlaced', inMonolith('Contracts/OrderPlaced.cs', { kind: 'record' }));
        for (let i = 0; i < 5; i++) {
          b.type(`Shop.Area${i}.Handler`, inMonolith(`Area${i}/Handler.cs`));
          b.typeRef(`Shop.Area${i}.Handler`, 'Shop.Contracts.IOrderEvents', 2);
        }
        return b;
      },
      options: { levels: ['namespace'] },
      findings: [
        {
          messageId: 'hub',
          message:
            /\(Ca 5, Ce 0, I 0, A 0\.25, D 0\.75\); .* — it is mostly interfaces, abstract types and enums: publish it as a shared contracts package/,
          data: { abstractness: 0.25, abstractTypes: 1, enumTypes: 2, advice: 'shared-package' },
        },
      ],
    },
    {
      name: 'hubs of one level ranked by dependent areas, then the next level',
      estate: (b) => {
        monolith(7, 7)(b);
        // Shop.Area6 is used by five areas (0..4), fewer than Common's seven.
        for (let i = 0; i < 5; i++) b.typeRef(`Shop.Area${i}.Service${i}`, 'Shop.Area6.Service6', 1);
        return b;
      },
      options: { levels: ['type', 'namespace'], top: 2 },
      findings: [
        { messageId: 'hub', rank: 1, data: { level: 'type', node: 'type:Shop.Common.Guard', levelRank: 1 } },
        { messageId: 'hub', rank: 2, data: { level: 'type', node: 'type:Shop.Area6.Service6', levelRank: 2 } },
        { messageId: 'hub', rank: 3, data: { level: 'namespace', node: commonNs, levelRank: 1, dependentAreas: 7 } },
        { messageId: 'hub', rank: 4, data: { level: 'namespace', levelRank: 2, dependentAreas: 6 } },
      ],
    },
  ],
});

describe('coupling-hub ordering', () => {
  it('reports the same hubs in the same order whatever order the estate was declared in', async () => {
    const forwards = await runAnalyzer(couplingHub, monolith(8, 8));
    const backwards = await runAnalyzer(couplingHub, (b) => {
      for (let i = 7; i >= 0; i--) {
        b.type(`Shop.Area${i}.Service${i}`, inMonolith(`Area${i}/Service${i}.cs`));
        b.typeRef(`Shop.Area${i}.Service${i}`, 'Shop.Common.Guard', 3);
        if (i + 1 < 8) b.typeRef(`Shop.Area${i}.Service${i}`, `Shop.Area${i + 1}.Service${i + 1}`, 1);
      }
      return b
        .type('Shop.Common.IClock', inMonolith('Common/IClock.cs', { kind: 'interface' }))
        .type('Shop.Common.Clock', inMonolith('Common/Clock.cs'))
        .type('Shop.Common.Guard', inMonolith('Common/Guard.cs', { modifiers: ['public', 'static'] }));
    });
    expect(backwards.findings.map((f) => f.id)).toEqual(forwards.findings.map((f) => f.id));
    expect(backwards.findings.map((f) => f.message)).toEqual(forwards.findings.map((f) => f.message));
  });
});
