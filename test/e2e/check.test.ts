/**
 * `assess baseline` and `assess check` on the fixture estate: a baseline is
 * recorded, then copies of the estate are changed by script — a forbidden table
 * read and a new cycle must fail naming exactly those (file, line); moving lines
 * and renaming files must not; a retired repository leaves stale entries.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/core/check.js';
import { sarifErrors } from '../support/sarifSchema.js';
import { assess } from './cli.js';
import { type CheckWorkspace, checkWorkspace, SCAN } from './checkWorkspace.js';

let work: string;
let estate: string;
let baselineFile: string;
let changedCopy: CheckWorkspace['changedCopy'];
let check: CheckWorkspace['check'];
let workspace: CheckWorkspace;

beforeAll(() => {
  workspace = checkWorkspace('harbor-estate');
  ({ work, estate, baselineFile, changedCopy, check } = workspace);
}, 120_000);

afterAll(() => workspace.remove());

function edit(file: string, replace: (text: string) => string): void {
  writeFileSync(file, replace(readFileSync(file, 'utf8')));
}

function lineOf(file: string, needle: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}

const failing = (report: CheckReport) =>
  [...report.couplings, ...report.cycles, ...report.findings].filter((i) => i.severity === 'error' && !i.ignored);

const INVOICE_SERVICE = 'harbor-monolith/src/Harbor.Core/Billing/InvoiceService.cs';
const SHARED_API = 'harbor-web/src/shared/api.ts';

/** Billing starts reading Identity's user table, and the front end's shared folder imports a feature folder that imports it. */
function addForbiddenReadAndCycle(root: string): void {
  edit(path.join(root, INVOICE_SERVICE), (text) =>
    text.replace(
      '        /// <summary>Builds the draft invoice',
      `        /// <summary>Where the invoice goes, read straight from the user table.</summary>
        public string BillingEmailOf(System.Data.SqlClient.SqlConnection connection, int userId)
        {
            using (var command = new System.Data.SqlClient.SqlCommand("SELECT Email FROM dbo.Users WHERE Id = @id", connection))
            {
                command.Parameters.AddWithValue("@id", userId);
                return (string)command.ExecuteScalar();
            }
        }

        /// <summary>Builds the draft invoice`,
    ),
  );
  edit(path.join(root, SHARED_API), (text) =>
    text.replace(
      "import type { Invoice, Project } from './models';",
      "import type { Invoice, Project } from './models';\nimport { InvoiceList } from '../app/invoices/invoiceList';\n\nexport const mountInvoices = (root: JQuery) => new InvoiceList(root);",
    ),
  );
}

describe('assess baseline', () => {
  it('writes a sorted file with one entry per line, the same on every run', () => {
    const text = readFileSync(baselineFile, 'utf8');
    const again = path.join(work, 'again.json');
    expect(assess(['baseline', estate, '-o', again, ...SCAN]).status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(text);
    const baseline = JSON.parse(text);
    expect(baseline.dependencies.length).toBeGreaterThan(50);
    expect(baseline.cycles.length).toBeGreaterThan(0);
    expect(baseline.findings.length).toBeGreaterThan(10);
    // every entry on its own line: the diff of a pull request shows exactly what it adds
    const entryLines = text.split('\n').filter((l) => l.startsWith('    {'));
    expect(entryLines).toHaveLength(
      baseline.dependencies.length + baseline.cycles.length + baseline.findings.length + baseline.clusters.length,
    );
    expect(text).not.toMatch(/"line"/);
    expect(baseline.dependencies).toContainEqual({
      level: 'repo',
      kind: 'http',
      from: 'repo:harbor-web',
      to: 'repo:notifications-gateway',
    });
    expect(baseline.dependencies).toContainEqual({
      level: 'project',
      kind: 'read',
      from: 'project:reporting-worker/package.json',
      to: 'table:dbo.invoices',
    });
  });
});

describe('assess check', () => {
  it('passes the unchanged estate, every finding matched by its id', () => {
    const { status, report } = check(estate);
    expect(status).toBe(0);
    expect(failing(report)).toEqual([]);
    expect(report.couplings).toEqual([]);
    expect(report.stale).toEqual([]);
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
    expect(report.unchanged.map((f) => f.id).sort()).toEqual(baseline.findings.map((f: { id: string }) => f.id).sort());
  });

  it('fails a forbidden table read and a new cycle, naming exactly those with file and line', () => {
    const root = changedCopy('forbidden-and-cycle', addForbiddenReadAndCycle);
    const config = path.join(work, 'forbid.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        rules: {
          levels: ['repo'],
          forbidden: [
            {
              name: 'billing-reads-no-identity-tables',
              from: 'namespace:Harbor.Billing.**',
              to: ['table:dbo.users', 'table:dbo.roles'],
              kinds: ['table'],
              comment: 'Identity owns them',
            },
          ],
        },
      }),
    );
    const { status, report } = check(root, ['--config', config]);
    expect(status).toBe(1);
    const items = failing(report).map((i) => ({
      rule: i.rule,
      at: 'location' in i && i.location ? `${i.location.repo}/${i.location.file}:${i.location.line}` : undefined,
    }));
    expect(items).toEqual([
      {
        rule: 'billing-reads-no-identity-tables',
        at: `${INVOICE_SERVICE}:${lineOf(path.join(root, INVOICE_SERVICE), 'SELECT Email FROM dbo.Users')}`,
      },
      { rule: 'new-cycle', at: `${SHARED_API}:${lineOf(path.join(root, SHARED_API), '../app/invoices/invoiceList')}` },
    ]);
    const [forbidden] = report.couplings.filter((c) => c.severity === 'error');
    expect(forbidden).toMatchObject({ level: 'namespace', kind: 'read', to: 'table:dbo.users' });
    expect(report.cycles[0]?.members).toEqual(['module:harbor-web/src/app/invoices', 'module:harbor-web/src/shared']);
    // what the default rule would have failed at the project and namespace levels is still reported
    expect(report.couplings.map((c) => `${c.level} ${c.from} -> ${c.to}`)).toContain(
      'namespace module:harbor-web/src/shared -> module:harbor-web/src/app/invoices',
    );
  });

  it('writes SARIF 2.1.0 that validates, with fingerprints and baseline states, for check and scan', () => {
    const root = changedCopy('sarif', addForbiddenReadAndCycle);
    const run = assess(['check', root, '--baseline', baselineFile, '--format', 'sarif', ...SCAN]);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as { baselineState: string; partialFingerprints: object; ruleId: string }[];
    expect(new Set(results.map((r) => r.baselineState))).toEqual(new Set(['new', 'unchanged']));
    expect(results.every((r) => Object.keys(r.partialFingerprints).length === 1)).toBe(true);
    expect(results.filter((r) => r.ruleId === 'new-cycle')).toHaveLength(1);
    const scan = assess(['scan', estate, '--format', 'sarif', ...SCAN]);
    expect(scan.status).toBe(0);
    const scanLog = JSON.parse(scan.stdout);
    expect(sarifErrors(scanLog)).toEqual([]);
    expect(scanLog.runs[0].results.length).toBe(JSON.parse(readFileSync(baselineFile, 'utf8')).findings.length);
    expect(scanLog.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^harbor-[a-z-]+\//);
  });

  it('annotates the failing items for GitHub Actions and writes JUnit XML to a file', () => {
    const root = changedCopy('annotations', addForbiddenReadAndCycle);
    const run = assess(['check', root, '--baseline', baselineFile, '--format', 'github', ...SCAN]);
    expect(run.status).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    const line = lineOf(path.join(root, SHARED_API), '../app/invoices/invoiceList');
    expect(errors).toContain(
      `::error file=${SHARED_API},line=${line},title=assess new-cycle::New cycle of 2 members: folder harbor-web/src/app/invoices, folder harbor-web/src/shared`,
    );
    const junit = path.join(work, 'junit', 'assess.xml');
    expect(
      assess(['check', root, '--baseline', baselineFile, '--format', 'junit', '--output', junit, ...SCAN]).status,
    ).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0"/);
    expect(xml.match(/<failure /g)).toHaveLength(errors.length);
  });

  it('fails any new dependency across a namespace or project boundary without configuration', () => {
    const { status, report } = check(changedCopy('default-rules', addForbiddenReadAndCycle));
    expect(status).toBe(1);
    expect(failing(report).map((i) => i.rule)).toContain('new-coupling');
    expect(report.couplings.filter((c) => c.severity === 'error').map((c) => `${c.level} ${c.kind} ${c.to}`)).toEqual(
      expect.arrayContaining([
        'project read table:dbo.users',
        'namespace read table:dbo.users',
        'namespace reference module:harbor-web/src/app/invoices',
      ]),
    );
  });

  it('passes an edit that moves lines and keeps every finding id', () => {
    const root = changedCopy('moved-lines', (copy) => {
      for (const file of [
        INVOICE_SERVICE,
        SHARED_API,
        'harbor-monolith/src/Harbor.Data/Repositories/InvoiceQueries.cs',
        'harbor-monolith/src/Harbor.Data/Repositories/UserDirectory.cs',
        'reporting-worker/src/usage.js',
      ])
        edit(path.join(copy, file), (text) => `// Reviewed for the migration.\n// Owner: platform team.\n\n${text}`);
    });
    const { status, report } = check(root);
    expect(status).toBe(0);
    expect([report.couplings, report.cycles, report.findings, report.stale]).toEqual([[], [], [], []]);
    expect(report.improvements).toEqual({ dependencies: [], cycles: [], findings: [] });
  });

  it('passes a rename that adds no dependency', () => {
    const root = changedCopy('renamed', (copy) => {
      const services = path.join(copy, 'notifications-service/src/Harbor.Notifications.Api/Services');
      renameSync(path.join(services, 'TemplateRenderer.cs'), path.join(services, 'TemplateRendering.cs'));
      const legacy = path.join(copy, 'harbor-web/src/legacy');
      renameSync(path.join(legacy, 'invoices.js'), path.join(legacy, 'invoiceActions.js'));
      // its queries carry two findings whose fingerprints name the file (harbor EXPECTED.md)
      const worker = path.join(copy, 'reporting-worker/src');
      renameSync(path.join(worker, 'invoiceExport.ts'), path.join(worker, 'exportInvoices.ts'));
    });
    const { status, report } = check(root);
    expect(status).toBe(0);
    expect([report.couplings, report.cycles, report.findings, report.stale]).toEqual([[], [], [], []]);
    expect(report.unchanged.filter((f) => f.location.file === 'src/exportInvoices.ts')).toHaveLength(2);
  });

  it('reports the entries of a retired repository as stale, and passes', () => {
    const root = changedCopy('retired', (copy) => rmSync(path.join(copy, 'reporting-worker'), { recursive: true }));
    const { status, report } = check(root);
    expect(status).toBe(0);
    expect(report.stale.length).toBeGreaterThan(0);
    expect(report.stale.map((s) => s.entry)).toContain(
      'project read project:reporting-worker/package.json -> table:dbo.invoices',
    );
    // what is gone is the repository's own units, the table only its queries named
    // (reporting.exportruns, harbor EXPECTED.md), and a cluster made only of its units
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as {
      clusters: { unit: string; cluster: string }[];
    };
    const onlyIn = (cluster: string) =>
      baseline.clusters.filter((c) => c.cluster === cluster).every((c) => c.unit.includes('reporting-worker'));
    const goneWithIt = (unit: string) =>
      unit.includes('reporting-worker') ||
      unit === 'table:reporting.exportruns' ||
      (unit.startsWith('cluster:') && onlyIn(unit));
    expect(report.stale.filter((s) => !s.gone.every(goneWithIt))).toEqual([]);
  });

  it('--since limits the report to what the files changed since a revision add', () => {
    const root = changedCopy('since', addForbiddenReadAndCycle);
    const web = path.join(root, 'harbor-web');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: web,
        encoding: 'utf8',
      }).trim();
    const before = git('rev-parse', 'HEAD');
    git('commit', '-qam', 'Mount the invoice list from the shared API');
    const { status, report } = check(root, ['--since', before]);
    expect(status).toBe(1);
    expect(report.since).toBe(before);
    expect(new Set(report.couplings.map((c) => c.location.repo))).toEqual(new Set(['harbor-web']));
    expect(report.cycles).toHaveLength(1);
    expect(assess(['check', root, '--baseline', baselineFile, ...SCAN, '--since', 'no-such-rev']).status).toBe(2);
  });

  it('--since shows the improvements of the units the changed files belong to, and the stale entries of the repositories that know the revision', () => {
    const root = changedCopy('since-scoped', (copy) => {
      // another repository of the estate changed too, outside this pull request
      rmSync(path.join(copy, 'reporting-worker/src/usage.js'));
      edit(path.join(copy, 'harbor-web/src/app/projects/projectBoard.ts'), (text) =>
        text.replace(/^import .*'@shared\/(api|models)';\n/gm, ''),
      );
    });
    const web = path.join(root, 'harbor-web');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: web,
        encoding: 'utf8',
      }).trim();
    const before = git('rev-parse', 'HEAD');
    git('commit', '-qam', 'The project board no longer reaches into the shared folder');

    const whole = check(root).report;
    expect(whole.stale.some((s) => s.gone.some((g) => g.includes('reporting-worker')))).toBe(true);
    expect(whole.improvements.dependencies.some((d) => d.from.includes('reporting-worker'))).toBe(true);

    const { status, report } = check(root, ['--since', before]);
    expect(status).toBe(0);
    expect(report.improvements.dependencies.length).toBeGreaterThan(0);
    expect(report.improvements.dependencies.every((d) => d.from.startsWith('module:harbor-web/src/app/projects'))).toBe(
      true,
    );
    expect(report.stale).toEqual([]);
    expect(report.notes.join('\n')).toMatch(/--since: \d+ stale baseline entr(y|ies) outside harbor-web not shown/);
  });

  it('shows help with examples for both commands, and lists them in the program help', () => {
    expect(assess(['--help']).stdout).toMatch(/assess baseline .*\n.*assess check /);
    for (const command of ['baseline', 'check']) {
      const help = assess([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Exit codes');
    }
    expect(assess(['check', estate]).status).toBe(2); // --baseline is required
  });

  it('exits 2 on a missing or broken baseline and on invalid rules, naming the offending key', () => {
    expect(assess(['check', estate, '--baseline', path.join(work, 'none.json'), ...SCAN]).status).toBe(2);
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, '{"schema":"assess-baseline/1","levels":[],"dependencies":[{"level":"galaxy"}]}');
    const run = assess(['check', estate, '--baseline', broken, ...SCAN]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/dependencies\.0\.level/);
    const config = path.join(work, 'bad-rules.json');
    writeFileSync(config, JSON.stringify({ rules: { ignore: [{ finding: 'abc', expires: '2030-01-01' }] } }));
    const bad = assess(['check', estate, '--baseline', baselineFile, '--config', config, ...SCAN]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/rules\.ignore\.0\.reason/);
  });
});
