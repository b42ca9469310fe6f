import { describe, expect, it } from 'vitest';
import { BASELINE_SCHEMA, type Baseline, dependencyKey } from '../core/check.js';
import type { GraphEdge, GraphNode, ScanResult } from '../core/result.js';
import { rulesConfigSchema } from '../config/rules.js';
import { estateState, toBaseline } from './baseline.js';
import { checkEstate } from './index.js';
import { SelectorMatcher } from './selectors.js';
import { UnitIndex } from './units.js';

const BILLING = 'project:shop/src/Billing/Billing.csproj';
const IDENTITY = 'project:shop/src/Identity/Identity.csproj';
const NS_BILLING = 'namespace:Shop.Billing@shop/src/Billing/Billing.csproj';
const NS_INVOICES = 'namespace:Shop.Billing.Invoices@shop/src/Billing/Billing.csproj';
const NS_IDENTITY = 'namespace:Shop.Identity@shop/src/Identity/Identity.csproj';

const nodes: GraphNode[] = [
  { id: 'repo:shop', kind: 'repo', name: 'shop' },
  { id: 'repo:web', kind: 'repo', name: 'web' },
  { id: 'repo:db', kind: 'repo', name: 'db' },
  ...[BILLING, IDENTITY].map(
    (id): GraphNode => ({
      id,
      kind: 'project',
      name: id.split('/').at(-1)!.replace('.csproj', ''),
      repo: 'shop',
      path: id.slice('project:shop/'.length),
    }),
  ),
  {
    id: 'project:web/package.json',
    kind: 'project',
    name: 'web',
    repo: 'web',
    path: 'package.json',
    data: { ecosystem: 'npm', private: true },
  },
  { id: NS_BILLING, kind: 'namespace', name: 'Shop.Billing', repo: 'shop', data: { project: BILLING } },
  { id: NS_INVOICES, kind: 'namespace', name: 'Shop.Billing.Invoices', repo: 'shop', data: { project: BILLING } },
  { id: NS_IDENTITY, kind: 'namespace', name: 'Shop.Identity', repo: 'shop', data: { project: IDENTITY } },
  {
    id: 'type:Shop.Billing.InvoiceService',
    kind: 'type',
    name: 'Shop.Billing.InvoiceService',
    repo: 'shop',
    data: {
      typeKind: 'class',
      namespace: 'Shop.Billing',
      project: BILLING,
      files: ['src/Billing/InvoiceService.cs'],
      line: 5,
      modifiers: [],
    },
  },
  { id: 'table:identity.users', kind: 'table', name: 'identity.Users', repo: 'db', data: { known: false } },
  {
    id: 'module:web/src',
    kind: 'module',
    name: 'src',
    repo: 'web',
    path: 'src',
    data: { files: 1, language: 'TypeScript' },
  },
  {
    id: 'module:web/src/api',
    kind: 'module',
    name: 'api',
    repo: 'web',
    path: 'src/api',
    data: { files: 1, language: 'TypeScript' },
  },
  { id: 'file:web/src/app.ts', kind: 'file', name: 'app.ts', repo: 'web', path: 'src/app.ts' },
  { id: 'file:web/src/api/client.ts', kind: 'file', name: 'client.ts', repo: 'web', path: 'src/api/client.ts' },
  {
    id: 'file:shop/src/Billing/InvoiceService.cs',
    kind: 'file',
    name: 'InvoiceService.cs',
    repo: 'shop',
    path: 'src/Billing/InvoiceService.cs',
  },
];

const billingToIdentity: GraphEdge = {
  from: NS_BILLING,
  to: NS_IDENTITY,
  kind: 'namespace-ref',
  weight: 2,
  data: { repo: 'shop', file: 'src/Billing/InvoiceService.cs', line: 12 },
};
const edges: GraphEdge[] = [
  { from: BILLING, to: 'file:shop/src/Billing/InvoiceService.cs', kind: 'contains', weight: 1 },
  billingToIdentity,
  {
    from: 'file:web/src/app.ts',
    to: 'file:web/src/api/client.ts',
    kind: 'import',
    weight: 1,
    data: { kinds: ['import'], specifiers: ['./api/client'], line: 3 },
  },
  {
    from: 'file:web/src/api/client.ts',
    to: 'type:Shop.Billing.InvoiceService',
    kind: 'http-call',
    weight: 1,
    data: {
      method: 'GET',
      call: 'fetch',
      calls: [{ call: 'fetch', url: '/invoices', file: 'src/api/client.ts', line: 7 }],
    },
  },
];

function result(extraEdges: GraphEdge[] = [], withQuery = true): ScanResult {
  return {
    root: 'estate',
    graph: { nodes, edges: [...edges, ...extraEdges] },
    findings: [],
    ...(withQuery
      ? {
          sql: {
            queries: [
              {
                key: 'q1',
                repo: 'shop',
                file: 'src/Billing/InvoiceService.cs',
                line: 20,
                column: 9,
                api: 'SqlCommand',
                dynamic: false,
                parsed: true,
                tables: [{ table: 'identity.users', mode: 'read' }],
                text: 'SELECT Email FROM identity.Users WHERE Id = @id',
                role: 'application',
              },
            ],
          },
        }
      : {}),
  } as unknown as ScanResult;
}

const empty: Baseline = {
  schema: BASELINE_SCHEMA,
  levels: ['repo', 'project', 'namespace'],
  dependencies: [],
  cycles: [],
  findings: [],
};
const rules = (config: unknown = {}) => rulesConfigSchema.parse(config);
const check = (r: ScanResult, baseline: Baseline, config: unknown = {}, today = '2026-12-02') =>
  checkEstate(r, baseline, { rules: rules(config), today });

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

describe('findings against the baseline', () => {
  const finding = (file: string) => ({
    id: `id-of-${file}`, // as the SQL analyzers' ids, it names the file
    ruleId: 'select-star',
    messageId: 'star',
    severity: 'note' as const,
    message: 'This query selects every column with *: list the columns it uses',
    location: { repo: 'shop', file, line: 3 },
    data: {},
  });
  const withFindings = (files: string[], extraNodes: GraphNode[] = []) =>
    ({
      ...result([], false),
      graph: { nodes: [...nodes, ...extraNodes], edges },
      findings: files.map(finding),
    }) as ScanResult;
  const fileNode = (path: string): GraphNode => ({
    id: `file:shop/${path}`,
    kind: 'file',
    name: path,
    repo: 'shop',
    path,
  });

  it('pairs a finding in a renamed file with its baseline entry by rule and message', () => {
    const baseline = toBaseline(estateState(withFindings(['src/Old.cs'], [fileNode('src/Old.cs')])));
    const renamed = check(withFindings(['src/New.cs'], [fileNode('src/New.cs')]), baseline);
    expect([renamed.findings, renamed.stale, renamed.improvements.findings]).toEqual([[], [], []]);
    expect(renamed.unchanged.map((f) => f.location.file)).toEqual(['src/New.cs']);
  });

  it('keeps a second copy new while the first file is still there, and a gone file without its finding stale', () => {
    const baseline = toBaseline(estateState(withFindings(['src/Old.cs'], [fileNode('src/Old.cs')])));
    const copied = check(
      withFindings(['src/Old.cs', 'src/Copy.cs'], [fileNode('src/Old.cs'), fileNode('src/Copy.cs')]),
      baseline,
    );
    expect(copied.findings.map((f) => f.finding.location.file)).toEqual(['src/Copy.cs']);
    const removed = check(withFindings([]), baseline);
    expect(removed.stale.map((s) => s.reason)).toEqual(['shop/src/Old.cs is gone']);
    const fixed = check(withFindings([], [fileNode('src/Old.cs')]), baseline);
    expect(fixed.improvements.findings.map((f) => f.at)).toEqual(['shop/src/Old.cs']);
  });
});

describe('a finding moved with its code', () => {
  const at = (
    file: string,
    id: string,
    message = 'This query selects every column with *: list the columns it uses',
  ) => ({
    id,
    ruleId: 'select-star',
    messageId: 'star',
    severity: 'note' as const,
    message,
    location: { repo: 'shop', file, line: 3 },
    data: {},
  });
  const fileNode = (path: string): GraphNode => ({
    id: `file:shop/${path}`,
    kind: 'file',
    name: path,
    repo: 'shop',
    path,
  });
  const state = (findings: ReturnType<typeof at>[], files: string[]) =>
    ({ ...result([], false), graph: { nodes: [...nodes, ...files.map(fileNode)], edges }, findings }) as ScanResult;

  it('pairs a finding whose file is gone with the same finding in a file that already had findings', () => {
    const baseline = toBaseline(
      estateState(
        state(
          [at('src/Old.cs', 'old-1'), at('src/Keep.cs', 'keep-1', 'another message')],
          ['src/Old.cs', 'src/Keep.cs'],
        ),
      ),
    );
    // Old.cs was folded into Keep.cs: its finding now has Keep.cs's fingerprint
    const merged = check(
      state([at('src/Keep.cs', 'keep-1', 'another message'), at('src/Keep.cs', 'keep-2')], ['src/Keep.cs']),
      baseline,
    );
    expect([merged.findings, merged.stale, merged.improvements.findings]).toEqual([[], [], []]);
    expect(merged.unchanged.map((f) => f.id).sort()).toEqual(['keep-1', 'keep-2']);
  });

  it('pairs each gone finding once: a second copy is new', () => {
    const baseline = toBaseline(estateState(state([at('src/Old.cs', 'old-1')], ['src/Old.cs'])));
    const twice = check(state([at('src/Keep.cs', 'keep-2'), at('src/Keep.cs', 'keep-3')], ['src/Keep.cs']), baseline);
    expect(twice.findings.map((f) => f.finding.id)).toEqual(['keep-3']);
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
