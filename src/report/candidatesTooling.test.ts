import { describe, expect, it } from 'vitest';
import { SHOP_DECOMPOSITION, shopResult } from '../../test/support/shopEstate.js';
import { planCandidates } from '../plan/index.js';
import { renderCandidates } from './candidates.js';

describe('renderCandidates: tooling', async () => {
  const result = { ...(await shopResult()), decomposition: SHOP_DECOMPOSITION };
  const ranked = planCandidates(result);

  it('lists the clusters left out as tooling apart, with their reason, as inert text', () => {
    const out = renderCandidates(result, ranked, {
      color: false,
      top: 0,
      notCandidates: [
        { cluster: 'seeder', name: 'Seeder\u001b[31m', reason: 'Tooling, not business code: 3 of 4 units.' },
      ],
    });
    expect(out).toContain('Not candidates (tooling, not business code):');
    expect(out).toMatch(/ {2}• Seeder.*: Tooling, not business code: 3 of 4 units\./);
    expect(out).not.toContain('\u001b[31m');
  });

  it('prints no such section when nothing was left out', () => {
    expect(renderCandidates(result, ranked, { color: false, top: 0 })).not.toContain('Not candidates');
  });
});
