import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAnalyzer, type AnyAnalyzer, type FindingReport } from '../core/analyzer.js';
import { fingerprint } from '../core/fingerprint.js';
import { fileId } from '../core/ids.js';
import { estate, type BuiltEstate } from '../../test/support/estateBuilder.js';
import { runAnalyzers } from './runAnalyzers.js';

type Probe = { path: string };

/** An analyzer that reports each file of the graph, as the real ones report what they find. */
function fileReporter(id: string, report: (path: string) => Partial<FindingReport<'file', Probe>> = () => ({})) {
  return defineAnalyzer<Probe>()({
    meta: {
      id,
      description: 'Reports every file, for the pipeline tests.',
      defaultSeverity: 'note',
      messages: { file: '{path} seen by {who}' },
      needs: [],
    },
    options: z.object({ who: z.string().default('nobody') }).strict(),
    run({ graph, options, report: emit }) {
      for (const node of graph.nodesOfKind('file')) {
        const path = node.path ?? '';
        emit({
          messageId: 'file',
          args: { path, who: options.who },
          location: { repo: node.repo ?? '', file: path },
          data: { path },
          identity: [node.id],
          ...report(path),
        });
      }
    },
    summarize: (findings, { options }) => [
      {
        title: `${id} files`,
        headline: `seen by ${options.who}`,
        columns: [{ label: 'File' }],
        rows: findings.map((f) => [f.data.path]),
      },
    ],
  });
}

function twoFiles(): Promise<BuiltEstate> {
  return estate().file('r', 'B.cs').file('r', 'A.cs').build();
}

describe('runAnalyzers', () => {
  it('turns reports into findings: fingerprinted identity, filled message, default severity, parsed options', async () => {
    const built = await twoFiles();
    const run = await runAnalyzers([fileReporter('probe')], built.estate, built.provided, { probe: { who: 'Ada' } });
    expect(run.diagnostics).toEqual([]);
    expect(run.findings).toEqual([
      {
        id: fingerprint('probe', fileId('r', 'A.cs')),
        ruleId: 'probe',
        messageId: 'file',
        severity: 'note',
        message: 'A.cs seen by Ada',
        location: { repo: 'r', file: 'A.cs' },
        data: { path: 'A.cs' },
      },
      {
        id: fingerprint('probe', fileId('r', 'B.cs')),
        ruleId: 'probe',
        messageId: 'file',
        severity: 'note',
        message: 'B.cs seen by Ada',
        location: { repo: 'r', file: 'B.cs' },
        data: { path: 'B.cs' },
      },
    ]);
  });

  it('keeps a severity, related locations and placeholders without an argument as reported', async () => {
    const built = await twoFiles();
    const analyzer = fileReporter('probe', (path) =>
      path === 'A.cs' ? { severity: 'error', related: [{ repo: 'r', file: 'B.cs' }], args: { path } } : { related: [] },
    );
    const [a, b] = (await runAnalyzers([analyzer], built.estate, built.provided, {})).findings;
    expect(a).toMatchObject({
      severity: 'error',
      related: [{ repo: 'r', file: 'B.cs' }],
      message: 'A.cs seen by {who}',
    });
    expect(b).not.toHaveProperty('related');
    expect(b?.message).toBe('B.cs seen by nobody');
  });

  it('skips an analyzer whose needs are missing, naming each with the reason it is missing', async () => {
    const built = await twoFiles();
    let ran = false;
    const needy = defineAnalyzer<Probe>()({
      meta: {
        id: 'needy',
        description: 'Needs history and registry answers.',
        defaultSeverity: 'note',
        messages: { x: 'x' },
        needs: ['history', 'registry'],
      },
      options: z.object({}),
      run() {
        ran = true;
      },
    });
    const run = await runAnalyzers([needy], built.estate, built.provided, {}, { history: '--no-history was given' });
    expect(ran).toBe(false);
    expect(run).toEqual({
      findings: [],
      summaries: [],
      diagnostics: [
        {
          code: 'analyzer-skipped',
          severity: 'info',
          message: 'needy did not run: it needs history (--no-history was given), registry (not provided)',
        },
      ],
    });
    const withHistory = await estate().history().build();
    expect(
      (await runAnalyzers([needy], withHistory.estate, withHistory.provided, {})).diagnostics.map((d) => d.message),
    ).toEqual(['needy did not run: it needs registry (not provided)']);
  });

  it('gives the declared needs to an analyzer that has them', async () => {
    const built = await estate().history().registry([]).build();
    let seen: unknown[] = [];
    const needy = defineAnalyzer<Probe>()({
      meta: {
        id: 'needy',
        description: 'Needs history and registry answers.',
        defaultSeverity: 'note',
        messages: { x: 'x' },
        needs: ['history', 'registry'],
      },
      options: z.object({}),
      run(context) {
        seen = [context.history, context.registry, context.graph, context.scanDate];
      },
    });
    expect((await runAnalyzers([needy], built.estate, built.provided, {})).diagnostics).toEqual([]);
    const expected = [built.provided.history, built.provided.registry, built.estate.graph, '2025-06-01T00:00:00.000Z'];
    expect(seen).toHaveLength(expected.length);
    expected.forEach((value, i) => {
      expect(seen[i]).toBe(value);
    });
  });

  it('reports invalid options as a diagnostic and does not run that analyzer, the others still run', async () => {
    const built = await twoFiles();
    const run = await runAnalyzers([fileReporter('picky'), fileReporter('probe')], built.estate, built.provided, {
      picky: { who: 7 },
      probe: {},
    });
    expect(run.diagnostics).toHaveLength(1);
    expect(run.diagnostics[0]).toMatchObject({
      code: 'analyzer-options-invalid',
      severity: 'error',
      message: expect.stringMatching(/^picky: .*who/s),
    });
    expect(run.findings.map((f) => f.ruleId)).toEqual(['probe', 'probe']);
    expect(run.summaries.map((s) => s.ruleId)).toEqual(['probe']);
  });

  it('turns a throwing analyzer into analyzer-failed with the stack, dropping what it reported before', async () => {
    const built = await twoFiles();
    const thrower = defineAnalyzer<Probe>()({
      meta: {
        id: 'thrower',
        description: 'Reports, then throws.',
        defaultSeverity: 'note',
        messages: { x: 'x' },
        needs: [],
      },
      options: z.object({}),
      async run({ report }) {
        report({ messageId: 'x', location: { repo: 'r' }, data: { path: '' }, identity: ['first'] });
        await Promise.resolve();
        throw new Error('boom');
      },
    });
    const run = await runAnalyzers([thrower, fileReporter('probe')], built.estate, built.provided, {});
    expect(run.diagnostics).toEqual([
      {
        code: 'analyzer-failed',
        severity: 'error',
        message: expect.stringMatching(/^thrower failed: Error: boom\n\s+at /),
      },
    ]);
    expect(run.findings.map((f) => f.ruleId)).toEqual(['probe', 'probe']);
  });

  it('fails an analyzer that reports a message id it does not declare', async () => {
    const built = await twoFiles();
    // The types refuse an undeclared id; an analyzer built from data could still send one.
    const liar = fileReporter('liar', () => ({ messageId: 'nope' as 'file' }));
    const run = await runAnalyzers([liar], built.estate, built.provided, {});
    expect(run.findings).toEqual([]);
    expect(run.diagnostics).toEqual([
      {
        code: 'analyzer-failed',
        severity: 'error',
        message: expect.stringContaining('liar failed: Error: liar: unknown message id "nope"'),
      },
    ]);
  });

  it('reports the same identity once, keeping the first report', async () => {
    const built = await twoFiles();
    const repeater = fileReporter('repeater', (path) => ({ identity: ['same'], args: { path, who: path } }));
    const { findings } = await runAnalyzers([repeater], built.estate, built.provided, {});
    expect(findings.map((f) => [f.id, f.message])).toEqual([[fingerprint('repeater', 'same'), 'B.cs seen by B.cs']]);
  });

  it('sorts findings by rule, repo, file and line; summaries carry their ruleId in analyzer order', async () => {
    const built = await estate().file('r', 'B.cs').file('q', 'Z.cs').file('r', 'A.cs').build();
    const analyzers: AnyAnalyzer[] = [
      fileReporter('zeta'),
      fileReporter('alpha', (path) =>
        path === 'Z.cs' ? {} : { location: { repo: 'r', file: 'B.cs', line: path === 'A.cs' ? 9 : 2 } },
      ),
    ];
    const run = await runAnalyzers(analyzers, built.estate, built.provided, { alpha: { who: 'Grace' } });
    expect(run.findings.map((f) => [f.ruleId, f.location.repo, f.location.file, f.location.line])).toEqual([
      ['alpha', 'q', 'Z.cs', undefined],
      ['alpha', 'r', 'B.cs', 2],
      ['alpha', 'r', 'B.cs', 9],
      ['zeta', 'q', 'Z.cs', undefined],
      ['zeta', 'r', 'A.cs', undefined],
      ['zeta', 'r', 'B.cs', undefined],
    ]);
    expect(run.summaries).toEqual([
      {
        ruleId: 'zeta',
        title: 'zeta files',
        headline: 'seen by nobody',
        columns: [{ label: 'File' }],
        rows: [['Z.cs'], ['A.cs'], ['B.cs']],
      },
      {
        ruleId: 'alpha',
        title: 'alpha files',
        headline: 'seen by Grace',
        columns: [{ label: 'File' }],
        rows: [['Z.cs'], ['B.cs'], ['A.cs']],
      },
    ]);
  });

  it('keeps a ranked analyzer’s findings in the order it reported them, numbered, among sorted rules', async () => {
    const built = await estate().file('r', 'A.cs').file('r', 'B.cs').file('r', 'C.cs').build();
    // Best first: C, A, B — an order no location sort would give.
    const order = ['C.cs', 'A.cs', 'B.cs'];
    const base = fileReporter('top');
    const ranked: AnyAnalyzer = {
      ...base,
      meta: { ...base.meta, ranked: true },
      run({ report }) {
        for (const path of [...order, 'C.cs'])
          report({ messageId: 'file', location: { repo: 'r', file: path }, data: { path }, identity: [path] });
      },
    };
    const run = await runAnalyzers([fileReporter('zeta'), ranked], built.estate, built.provided, {});
    expect(run.findings.map((f) => [f.ruleId, f.location.file, f.rank])).toEqual([
      ['top', 'C.cs', 1],
      ['top', 'A.cs', 2],
      ['top', 'B.cs', 3],
      ['zeta', 'A.cs', undefined],
      ['zeta', 'B.cs', undefined],
      ['zeta', 'C.cs', undefined],
    ]);
  });

  it('reports a summary that throws as analyzer-failed; the findings it summarised stand', async () => {
    const built = await twoFiles();
    const broken: AnyAnalyzer = {
      ...fileReporter('probe'),
      summarize: () => {
        throw new Error('no table');
      },
    };
    const run = await runAnalyzers([broken], built.estate, built.provided, {});
    expect(run.findings.map((f) => f.location.file)).toEqual(['A.cs', 'B.cs']);
    expect(run.summaries).toEqual([]);
    expect(run.diagnostics.map((d) => [d.code, d.message.split('\n')[0]])).toEqual([
      ['analyzer-failed', 'probe failed: Error: no table'],
    ]);
  });
});
