import { describe, expect, it } from 'vitest';
import { dependencyKey } from '../core/check.js';
import type { GraphEdge, GraphNode } from '../core/result.js';
import { rulesConfigSchema } from '../config/rules.js';
import {
  BILLING,
  billingToIdentity,
  check,
  edges,
  empty,
  IDENTITY,
  NS_BILLING,
  NS_IDENTITY,
  NS_INVOICES,
  nodes,
  result,
} from '../../test/support/checkEstate.js';
import { estateState, toBaseline } from './baseline.js';
import { SelectorMatcher } from './selectors.js';
import { UnitIndex } from './units.js';

describe('boundary dependencies', () => {
  it('lifts C# references, JS imports, HTTP calls and table reads to each level they cross, at the reference', () => {
    const state = estateState(result());
    const at = (d: { location: { file?: string; line?: number } }) => `${d.location.file}:${d.location.line}`;
    expect(state.dependencies.map((d) => `${dependencyKey(d)} @${at(d)}`)).toEqual([
      'repo read repo:shop -> table:identity.users @src/Billing/InvoiceService.cs:20',
      'repo http repo:web -> repo:shop @src/api/client.ts:7',
      `project reference ${BILLING} -> ${IDENTITY} @src/Billing/InvoiceService.cs:12`,
      `project read ${BILLING} -> table:identity.users @src/Billing/InvoiceService.cs:20`,
      `project http project:web/package.json -> ${BILLING} @src/api/client.ts:7`,
      'namespace reference module:web/src -> module:web/src/api @src/app.ts:3',
      'namespace http module:web/src/api -> namespace:Shop.Billing@shop/src/Billing/Billing.csproj @src/api/client.ts:7',
      `namespace reference ${NS_BILLING} -> ${NS_IDENTITY} @src/Billing/InvoiceService.cs:12`,
      `namespace read ${NS_BILLING} -> table:identity.users @src/Billing/InvoiceService.cs:20`,
    ]);
  });

  it('records no dependency on a call whose URL is built at run time', () => {
    const dynamic: GraphNode = {
      id: 'endpoint:unmatched:GET {}',
      kind: 'endpoint',
      name: 'GET {}',
      data: { method: 'GET', route: '{}', unmatched: true, dynamic: true },
    };
    const call: GraphEdge = { ...edges[3]!, to: dynamic.id } as GraphEdge;
    const state = estateState({ ...result([], false), graph: { nodes: [...nodes, dynamic], edges: [call] } });
    expect(state.dependencies).toEqual([]);
    const external: GraphNode = {
      ...dynamic,
      id: 'endpoint:unmatched:GET /connect/userinfo',
      name: 'GET /connect/userinfo',
      data: { method: 'GET', route: '/connect/userinfo', unmatched: true },
    };
    const named = estateState({
      ...result([], false),
      graph: { nodes: [...nodes, external], edges: [{ ...call, to: external.id } as GraphEdge] },
    });
    expect(named.dependencies.map((d) => d.to)).toEqual([external.id, external.id, external.id]);
  });

  it('records nothing for a reference inside one unit', () => {
    const inside: GraphEdge = { ...billingToIdentity, to: NS_INVOICES };
    const state = estateState({ ...result([], false), graph: { nodes, edges: [inside] } });
    expect(state.dependencies.map(dependencyKey)).toEqual([`namespace reference ${NS_BILLING} -> ${NS_INVOICES}`]);
  });
});

describe('rules', () => {
  it('fails a forbidden table read by its rule, whatever the default levels', () => {
    const report = check(result(), empty, {
      levels: ['repo'],
      forbidden: [
        {
          name: 'billing-reads-no-identity-tables',
          from: 'namespace:Shop.Billing.**',
          to: 'table:identity.*',
          kinds: ['table'],
        },
      ],
    });
    const errors = report.couplings.filter((c) => c.severity === 'error');
    expect(errors.map((c) => `${c.rule} ${c.level} ${c.from}`)).toEqual([
      'new-coupling repo repo:shop',
      'new-coupling repo repo:web',
      `billing-reads-no-identity-tables namespace ${NS_BILLING}`,
    ]);
    expect(report.failed).toBe(true);
  });

  it('lets the front end call only what `allowed` names, and fails the rest by that rule', () => {
    const allowOnlyIdentity = check(result(), empty, {
      levels: ['repo'],
      allowed: [{ name: 'web-calls-only-identity', from: 'repo:web', to: 'project:Identity', kinds: ['call'] }],
    });
    expect(
      allowOnlyIdentity.couplings.filter((c) => c.severity === 'error').map((c) => `${c.rule} ${c.level}`),
    ).toEqual([
      'new-coupling repo',
      'web-calls-only-identity repo',
      'web-calls-only-identity project',
      'web-calls-only-identity namespace',
    ]);
    const allowShop = check(result([], false), empty, {
      levels: ['repo'],
      allowed: [{ from: 'repo:web', to: ['repo:shop', 'project:Billing', 'namespace:Shop.**'], kinds: ['call'] }],
    });
    expect(allowShop.failed).toBe(false);
    expect(allowShop.couplings.filter((c) => c.kind === 'http').every((c) => c.severity === 'note')).toBe(true);
  });

  it('ignores an item while its ignore has not expired, and says when one has', () => {
    const ignore = (expires: string) => ({
      levels: ['project'],
      ignore: [{ rule: 'new-coupling', from: 'project:*', reason: 'split planned for Q1', expires }],
    });
    const live = check(result(), empty, ignore('2027-03-31'));
    expect(live.failed).toBe(false);
    expect(
      live.couplings.filter((c) => c.level === 'project').every((c) => c.ignored?.reason === 'split planned for Q1'),
    ).toBe(true);
    expect(live.notes).toEqual([]);
    const expired = check(result(), empty, ignore('2026-11-30'));
    expect(expired.failed).toBe(true);
    expect(expired.notes).toEqual([
      'rules.ignore.0 expired on 2026-11-30 and no longer applies (split planned for Q1)',
    ]);
  });

  it('lets maxNew new dependencies through as warnings, and fails once there are more', () => {
    const config = (maxNew: number) => ({ levels: ['project'], newCoupling: { maxNew } });
    expect(check(result(), empty, config(3)).failed).toBe(false);
    expect(check(result(), empty, config(2)).failed).toBe(true);
  });

  it('fails a unit whose instability a change lifts above the maximum, not one that stays put', () => {
    const baseline = toBaseline(estateState(result([], false)));
    const outOfIdentity: GraphEdge = { ...billingToIdentity, from: NS_IDENTITY, to: NS_INVOICES };
    const config = { levels: ['repo'], cycles: { severity: 'note' }, instability: { level: 'namespace', max: 0.5 } };
    expect(check(result([], false), baseline, config).thresholds).toEqual([]);
    const risen = check(result([outOfIdentity], false), baseline, config);
    expect(risen.thresholds.map((t) => [t.unit, t.before, t.instability])).toEqual(
      [[NS_IDENTITY, 0, 0.5 + 0]].filter(() => false),
    );
    expect(risen.failed).toBe(false); // Identity: Ce 1, Ca 1 → 0.5, not above the maximum
    const strict = check(result([outOfIdentity], false), baseline, {
      ...config,
      instability: { level: 'namespace', max: 0.4 },
    });
    expect(strict.thresholds.map((t) => [t.unit, t.before, t.instability])).toEqual([[NS_IDENTITY, 0, 0.5]]);
    expect(strict.failed).toBe(true);
  });

  it('rejects rules that name no facet, an ignore without a reason and a date that is none, at their path', () => {
    const issues = (config: unknown) => {
      const parsed = rulesConfigSchema.safeParse(config);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(issues({ forbidden: [{ name: 'x', from: 'Billing', to: 'table:a' }] })).toEqual(['forbidden.0.from']);
    expect(issues({ ignore: [{ finding: 'abc', reason: ' ', expires: '2027-01-01' }] })).toEqual(['ignore.0.reason']);
    expect(issues({ ignore: [{ finding: 'abc', reason: 'r', expires: '2027-02-30' }] })).toEqual(['ignore.0.expires']);
    expect(issues({ levels: ['galaxy'] })).toEqual(['levels.0']);
  });
});

describe('cycles against the baseline', () => {
  const back: GraphEdge = {
    ...billingToIdentity,
    from: NS_IDENTITY,
    to: NS_BILLING,
    data: { repo: 'shop', file: 'src/Identity/User.cs', line: 4 },
  };
  const third: GraphEdge = {
    ...billingToIdentity,
    from: NS_IDENTITY,
    to: NS_INVOICES,
    data: { repo: 'shop', file: 'src/Identity/User.cs', line: 8 },
  };
  const fromInvoices: GraphEdge = { ...billingToIdentity, from: NS_INVOICES, to: NS_IDENTITY };

  it('reports a new cycle at the reference that closes it, and accepts it once baselined', () => {
    const report = check(result([back], false), toBaseline(estateState(result([], false))));
    expect(report.cycles.map((c) => [c.level, c.members, c.location?.line])).toEqual([
      ['project', [BILLING, IDENTITY], 4],
      ['namespace', [NS_BILLING, NS_IDENTITY], 4],
    ]);
    expect(check(result([back], false), toBaseline(estateState(result([back], false)))).cycles).toEqual([]);
  });

  it('reports a grown cycle with what it grew from, and a shrunk one as an improvement', () => {
    const two = toBaseline(estateState(result([back], false)));
    const grown = check(result([back, third, fromInvoices], false), two);
    expect(grown.cycles.filter((c) => c.level === 'namespace').map((c) => [c.members.length, c.grownFrom])).toEqual([
      [3, [NS_BILLING, NS_IDENTITY]],
    ]);
    const three = toBaseline(estateState(result([back, third, fromInvoices], false)));
    const shrunk = check(result([back], false), three);
    expect(shrunk.cycles).toEqual([]);
    expect(shrunk.improvements.cycles.map((c) => c.members.length)).toEqual([3]);
  });
});

describe('selectors', () => {
  const matcher = new SelectorMatcher(new UnitIndex(result()));
  it('match dotted namespaces, project names and paths, tables without regard to case', () => {
    expect(matcher.matches(['namespace:Shop.Billing.**'], NS_BILLING)).toBe(true);
    expect(matcher.matches(['namespace:Shop.Billing.**'], NS_INVOICES)).toBe(true);
    expect(matcher.matches(['namespace:Shop.Billing.*'], NS_BILLING)).toBe(false);
    expect(matcher.matches(['namespace:Shop.Bill'], NS_BILLING)).toBe(false);
    expect(matcher.matches(['namespace:*.Identity'], NS_IDENTITY)).toBe(true);
    expect(matcher.matches(['project:Billing'], BILLING)).toBe(true);
    expect(matcher.matches(['project:Billing'], NS_BILLING)).toBe(true);
    expect(matcher.matches(['project:shop/**/Identity.csproj'], IDENTITY)).toBe(true);
    expect(matcher.matches(['table:IDENTITY.*'], 'table:identity.users')).toBe(true);
    expect(matcher.matches(['repo:db'], 'table:identity.users')).toBe(true);
    expect(matcher.matches(['path:web/src/**'], 'module:web/src/api')).toBe(true);
    expect(matcher.matches(['path:web/src/*'], 'module:web/src')).toBe(false);
    expect(matcher.matches(['path:*/src/**'], 'module:web/src')).toBe(true);
    expect(matcher.matches(['path:*/src/api/**'], 'module:web/src')).toBe(false);
  });
});
