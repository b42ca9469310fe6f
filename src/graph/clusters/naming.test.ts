import { describe, expect, it } from 'vitest';
import { estateSegments, rankedSegments } from './naming.js';

describe('cluster names', () => {
  const labels = (label: string, n: number) => Array.from({ length: n }, () => label);

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
});
