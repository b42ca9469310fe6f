import { describe, expect, it } from 'vitest';
import { estateSegments, nameClusters, rankedSegments, sharedLayerName } from './naming.js';

describe('cluster names', () => {
  const labels = (label: string, n: number) => Array.from({ length: n }, () => label);

  it('name the shared layer by what its members hold, not by the areas they come from', () => {
    const kernel = [
      ...labels('Shop.Core.Settings', 5),
      ...labels('Shop.Core.Billing.Entities', 4),
      ...labels('Shop.Core.Orders.Entities', 2),
      ...labels('Shop.Core.Enums', 3),
    ];
    const estate = estateSegments([
      ...kernel,
      ...labels('Shop.Billing.Api', 12),
      ...labels('Shop.Orders.Domain', 12),
      ...labels('Shop.Members.Controllers', 12),
    ]);
    // Billing's entities are every area's: "Billing" in the shared layer's name would read as that area.
    expect(rankedSegments(kernel, estate).slice(0, 2)).toEqual(['Settings', 'Billing']);
    expect(sharedLayerName(kernel, estate, ['Billing', 'Orders', 'Members'])).toBe('Shared layer (Entities, Settings)');
  });

  it('keep a shared layer named by its kernel as it is, and fall back to area words when only those are left', () => {
    const blocks = [...labels('Shop.BuildingBlocks.EventBus', 4), ...labels('Shop.BuildingBlocks.Logging', 2)];
    const estate = estateSegments([...blocks, ...labels('Shop.Ordering.Api', 8), ...labels('Shop.Basket.Api', 8)]);
    expect(sharedLayerName(blocks, estate, ['Ordering', 'Basket'])).toBe('Shared layer (BuildingBlocks, EventBus)');
    const onlyAreas = labels('Shop.Ordering', 3);
    expect(sharedLayerName(onlyAreas, estate, ['Ordering'])).toBe('Shared layer (Ordering)');
  });

  it('leave out what the whole estate shares and layer words', () => {
    const estate = estateSegments([
      ...labels('Shop.Billing.Api', 4),
      ...labels('Shop.Orders.Domain', 4),
      ...labels('Shop.Members.Controllers', 4),
    ]);
    expect(rankedSegments(labels('Shop.Billing.Api', 4), estate)).toEqual(['Billing']);
  });

  it('take, between segments as many members carry, the one rarer in the estate, then the outer one', () => {
    const front = labels('shop/src/Web/WebSPA/Client', 3);
    const estate = estateSegments([
      ...front,
      ...labels('shop/src/Web/WebMVC/Views', 3),
      ...labels('Identity.IdentityServerHost.Quickstart.UI', 3),
      ...labels('Ordering.Api', 6),
    ]);
    expect(rankedSegments(front, estate)[0]).toBe('WebSPA');
    expect(rankedSegments(labels('Identity.IdentityServerHost.Quickstart.UI', 3), estate)[0]).toBe('Identity');
  });

  it('make a second cluster of the same area distinct by its own next segment, its table or its project, not a number', () => {
    const estate = estateSegments([
      ...labels('Bit.Api.Auth.Controllers', 6),
      ...labels('Bit.Api.Auth.Models.Request', 6),
      ...labels('Bit.Api.Auth.Devices.Models.Response', 4),
      ...labels('Bit.Core.Shared', 3),
      ...labels('Bit.Core.Billing', 6),
      ...labels('Bit.Billing.Tax', 3),
      ...labels('Bit.Vault.Ciphers', 20),
    ]);
    const named = nameClusters(
      [
        { labels: [...labels('Bit.Api.Auth.Controllers', 6), ...labels('Bit.Api.Auth.Models.Request', 6)], tables: [] },
        // As Auth's by its namespaces as the first: its own next segment tells them apart.
        {
          labels: [...labels('Bit.Api.Auth.Models.Request', 3), ...labels('Bit.Api.Auth.Devices.Models.Response', 2)],
          tables: [],
        },
        { labels: labels('Bit.Core.Billing', 6), tables: [] },
        { labels: labels('Bit.Core.Billing', 3), tables: ['table:dbo.taxrate'] },
        { labels: labels('Bit.Core.Billing', 2), tables: [], project: 'Billing.Jobs' },
        { labels: labels('Bit.Core.Shared', 3), tables: [], project: 'Core' },
      ],
      estate,
      new Set(['shared']),
    );
    expect(named.map((n) => n.id)).toEqual([
      'auth',
      'auth-devices',
      'billing',
      'billing-taxrate',
      'billing-billing-jobs',
      'shared-core',
    ]);
  });

  it('name a cluster of nothing but layer words by its table, else its project', () => {
    const estate = estateSegments([...labels('Bit.Vault.Ciphers', 20), ...labels('Bit.Events.Controllers', 5)]);
    const named = nameClusters(
      [
        { labels: labels('Controllers', 5), tables: [], project: 'Events' },
        { labels: labels('Models', 5), tables: ['table:dbo.event'], project: 'Events' },
      ],
      estate,
    );
    expect(named.map((n) => n.name)).toEqual(['Events', 'event']);
  });
});
