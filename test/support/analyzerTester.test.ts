/** The tester must fail a case for every reason it promises to, or the analyzer tests prove less than they say. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAnalyzer } from '../../src/core/analyzer.js';
import hotspot from '../../analyzers/hotspot/index.js';
import selectStar from '../../analyzers/select-star/index.js';
import { testAnalyzer, verifyInvalid, verifyValid } from './analyzerTester.js';
import type { EstateBuilder } from './estateBuilder.js';

/** One finding per file, whose message needs an argument it is not always given. */
const perFile = defineAnalyzer<{ path: string }>()({
  meta: {
    id: 'per-file',
    description: 'One finding per file.',
    defaultSeverity: 'note',
    messages: { file: '{path} by {who}' },
    needs: [],
  },
  options: z.object({ who: z.string().optional(), explode: z.boolean().default(false) }).strict(),
  run({ graph, options, report }) {
    if (options.explode) throw new Error('boom');
    for (const node of graph.nodesOfKind('file')) {
      const path = node.path ?? '';
      report({
        messageId: 'file',
        args: { path, ...(options.who ? { who: options.who } : {}) },
        location: { repo: node.repo ?? '', file: path },
        data: { path },
        identity: [node.id],
      });
    }
  },
});

const twoFiles = { name: 'two files', estate: (b: EstateBuilder) => b.file('r', 'B.cs').file('r', 'A.cs') };

describe('analyzer tester', () => {
  it('passes a case whose findings are exactly the expected ones, in order', async () => {
    await verifyInvalid(perFile, {
      ...twoFiles,
      options: { who: 'Ada' },
      findings: [
        { messageId: 'file', message: 'A.cs by Ada' },
        { messageId: 'file', data: { path: 'B.cs' } },
      ],
    });
    await verifyValid(perFile, { name: 'no files', estate: (b) => b.repo('r') });
  });

  it('fails a valid case that reports anything', async () => {
    await expect(verifyValid(perFile, { ...twoFiles, options: { who: 'Ada' } })).rejects.toThrow(/must stay silent/);
  });

  it('fails an invalid case with fewer, more or differently ordered findings', async () => {
    const options = { who: 'Ada' };
    await expect(verifyInvalid(perFile, { ...twoFiles, options, findings: [{ messageId: 'file' }] })).rejects.toThrow();
    await expect(
      verifyInvalid(perFile, {
        ...twoFiles,
        options,
        findings: [{ messageId: 'file' }, { messageId: 'file' }, { messageId: 'file' }],
      }),
    ).rejects.toThrow();
    await expect(
      verifyInvalid(perFile, {
        ...twoFiles,
        options,
        findings: [
          { messageId: 'file', data: { path: 'B.cs' } },
          { messageId: 'file', data: { path: 'A.cs' } },
        ],
      }),
    ).rejects.toThrow();
  });

  it('fails a case that expects a message id the analyzer does not declare', async () => {
    const findings = [{ messageId: 'fiel' as 'file' }] as const;
    await expect(verifyInvalid(perFile, { ...twoFiles, findings })).rejects.toThrow(
      'expects messageId "fiel", which per-file does not declare (it has file)',
    );
  });

  it('fails a case that does not provide what the analyzer needs', async () => {
    await expect(
      verifyValid(hotspot, { name: 'no history', estate: (b) => b.file('r', 'A.cs', { complexity: 9 }) }),
    ).rejects.toThrow(/hotspot needs history \(b\.history\(\)/);
  });

  it('fails a case whose estate did not extract cleanly', async () => {
    await expect(
      verifyValid(selectStar, {
        name: 'unparsable',
        estate: (b) => b.queries('db', 'Q.cs', ['SELECT * FROM dbo.Users WHERE']),
      }),
    ).rejects.toThrow(/extracted with problems/);
  });

  it('fails a case when the analyzer fails or its options are invalid', async () => {
    await expect(
      verifyValid(perFile, { name: 'explodes', estate: (b) => b, options: { explode: true } }),
    ).rejects.toThrow(/per-file did not run cleanly/);
    await expect(
      verifyValid(hotspot, { name: 'top 0', estate: (b) => b.history(), options: { top: 0 } }),
    ).rejects.toThrow(/hotspot did not run cleanly/);
  });

  it('fails a finding whose message keeps a placeholder', async () => {
    await expect(
      verifyInvalid(perFile, { ...twoFiles, findings: [{ messageId: 'file' }, { messageId: 'file' }] }),
    ).rejects.toThrow(/placeholders left in "A.cs by \{who\}"/);
  });

  it('fails a case whose summaries differ from the expected ones', async () => {
    const estate = (b: EstateBuilder) => b.file('r', 'A.cs', { complexity: 2, history: { revisions: 3, churn: 5 } });
    await expect(
      verifyInvalid(hotspot, { name: 'summary', estate, findings: [{ messageId: 'hotspot' }], summaries: [] }),
    ).rejects.toThrow();
    await expect(
      verifyInvalid(hotspot, {
        name: 'summary',
        estate,
        findings: [{ messageId: 'hotspot' }],
        summaries: [{ rows: [['r/A.cs', '3', '5', '2', 'Ada (100%)']] }],
      }),
    ).resolves.toBeUndefined();
  });

  it('refuses two cases of one name', () => {
    expect(() =>
      testAnalyzer(perFile, { valid: [twoFiles], invalid: [{ ...twoFiles, findings: [{ messageId: 'file' }] }] }),
    ).toThrow('per-file: two cases are named "two files"');
  });
});
