import { describe, expect, it } from 'vitest';
import { rollUpNamespaces } from './namespaceDepth.js';
import type { UnitIndex, UnitInfo } from './units.js';

const project = 'project:vault/src/Core/Core.csproj';

/** One project whose namespaces sit under `Vault.Core`, each holding one type. */
function indexOf(namespaces: string[]): UnitIndex {
  const units = new Map<string, UnitInfo>();
  const namespace = new Map<string, string>();
  units.set(project, { id: project, label: 'Core', kind: 'unit', repo: 'vault' });
  for (const name of namespaces) {
    const id = `namespace:${name}@vault/src/Core/Core.csproj`;
    units.set(id, { id, label: name, kind: 'unit', repo: 'vault', parent: project });
    namespace.set(`type:${name}.Thing`, id);
  }
  return {
    unitOf: { repo: new Map(), project: new Map(), namespace },
    units,
    locOf: new Map(),
    ownerOf: new Map(),
  };
}

const estate = [
  'Vault.Core',
  'Vault.Core.Auth',
  'Vault.Core.Auth.Models',
  'Vault.Core.Auth.Services',
  'Vault.Core.Billing.Models',
  'Vault.Core.Billing.Services.Stripe',
  'Vault.Core.Billing.Services.Paypal',
];

describe('rollUpNamespaces', () => {
  it('keeps every namespace when they fit the budget', () => {
    const index = indexOf(estate);
    expect(rollUpNamespaces(index, 10)).toEqual({ before: 7, after: 7 });
    expect(index.unitOf.namespace.get('type:Vault.Core.Auth.Models.Thing')).toBe(
      'namespace:Vault.Core.Auth.Models@vault/src/Core/Core.csproj',
    );
  });

  it("rolls up below the project's root namespace to the deepest depth under the budget", () => {
    const index = indexOf(estate);
    // Depth 2 gives Vault.Core, .Auth, .Auth.Models, .Auth.Services, .Billing.Models, .Billing.Services.*: 6.
    expect(rollUpNamespaces(index, 6)).toEqual({ depth: 2, before: 7, after: 6 });
    const group = index.unitOf.namespace.get('type:Vault.Core.Billing.Services.Stripe.Thing')!;
    expect(index.unitOf.namespace.get('type:Vault.Core.Billing.Services.Paypal.Thing')).toBe(group);
    expect(index.units.get(group)).toMatchObject({ label: 'Vault.Core.Billing.Services.*', parent: project });
    // A namespace alone in its group keeps its own id and name.
    expect(index.unitOf.namespace.get('type:Vault.Core.Auth.Models.Thing')).toBe(
      'namespace:Vault.Core.Auth.Models@vault/src/Core/Core.csproj',
    );
  });

  it('falls back to one segment below the root when even that is over the budget', () => {
    const index = indexOf(estate);
    expect(rollUpNamespaces(index, 2)).toEqual({ depth: 1, before: 7, after: 3 });
    const auth = index.unitOf.namespace.get('type:Vault.Core.Auth.Services.Thing')!;
    expect(index.units.get(auth)!.label).toBe('Vault.Core.Auth.*');
    expect(index.unitOf.namespace.get('type:Vault.Core.Auth.Thing')).toBe(auth);
    // The root namespace itself stays apart from what is below it.
    expect(index.unitOf.namespace.get('type:Vault.Core.Thing')).toBe('namespace:Vault.Core@vault/src/Core/Core.csproj');
  });

  it('gives the same groups whatever order the namespaces come in', () => {
    const a = indexOf(estate);
    const b = indexOf([...estate].reverse());
    rollUpNamespaces(a, 3);
    rollUpNamespaces(b, 3);
    expect(new Map([...b.unitOf.namespace].sort())).toEqual(new Map([...a.unitOf.namespace].sort()));
  });
});
