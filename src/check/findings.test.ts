/** Findings against the baseline: matched by id, paired across renames and moves by rule and message. */
import { describe, expect, it } from 'vitest';
import type { GraphNode, ScanResult } from '../core/result.js';
import { check, edges, nodes, result } from '../../test/support/checkEstate.js';
import { estateState, toBaseline } from './baseline.js';

const STAR = 'This query selects every column with *: list the columns it uses';

/** A select-star finding; by default its id names the file, as the SQL analyzers' ids do. */
const selectStar = (file: string, id = `id-of-${file}`, message = STAR) => ({
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

/** The estate with these findings and these files (besides the shared fixture's nodes). */
const estateWith = (findings: ReturnType<typeof selectStar>[], files: string[] = []) =>
  ({ ...result([], false), graph: { nodes: [...nodes, ...files.map(fileNode)], edges }, findings }) as ScanResult;

const baselineOf = (findings: ReturnType<typeof selectStar>[], files: string[]) =>
  toBaseline(estateState(estateWith(findings, files)));

describe('findings against the baseline', () => {
  it('pairs a finding in a renamed file with its baseline entry by rule and message', () => {
    const baseline = baselineOf([selectStar('src/Old.cs')], ['src/Old.cs']);
    const renamed = check(estateWith([selectStar('src/New.cs')], ['src/New.cs']), baseline);
    expect([renamed.findings, renamed.stale, renamed.improvements.findings]).toEqual([[], [], []]);
    expect(renamed.unchanged.map((f) => f.location.file)).toEqual(['src/New.cs']);
  });

  it('keeps a second copy new while the first file is still there, and a gone file without its finding stale', () => {
    const baseline = baselineOf([selectStar('src/Old.cs')], ['src/Old.cs']);
    const copied = check(
      estateWith([selectStar('src/Old.cs'), selectStar('src/Copy.cs')], ['src/Old.cs', 'src/Copy.cs']),
      baseline,
    );
    expect(copied.findings.map((f) => f.finding.location.file)).toEqual(['src/Copy.cs']);
    const removed = check(estateWith([]), baseline);
    expect(removed.stale.map((s) => s.reason)).toEqual(['shop/src/Old.cs is gone']);
    const fixed = check(estateWith([], ['src/Old.cs']), baseline);
    expect(fixed.improvements.findings.map((f) => f.at)).toEqual(['shop/src/Old.cs']);
  });
});

describe('a finding moved with its code', () => {
  it('pairs a finding whose file is gone with the same finding in a file that already had findings', () => {
    const baseline = baselineOf(
      [selectStar('src/Old.cs', 'old-1'), selectStar('src/Keep.cs', 'keep-1', 'another message')],
      ['src/Old.cs', 'src/Keep.cs'],
    );
    // Old.cs was folded into Keep.cs: its finding now has Keep.cs's fingerprint
    const merged = check(
      estateWith(
        [selectStar('src/Keep.cs', 'keep-1', 'another message'), selectStar('src/Keep.cs', 'keep-2')],
        ['src/Keep.cs'],
      ),
      baseline,
    );
    expect([merged.findings, merged.stale, merged.improvements.findings]).toEqual([[], [], []]);
    expect(merged.unchanged.map((f) => f.id).sort()).toEqual(['keep-1', 'keep-2']);
  });

  it('pairs each gone finding once: a second copy is new', () => {
    const baseline = baselineOf([selectStar('src/Old.cs', 'old-1')], ['src/Old.cs']);
    const twice = check(
      estateWith([selectStar('src/Keep.cs', 'keep-2'), selectStar('src/Keep.cs', 'keep-3')], ['src/Keep.cs']),
      baseline,
    );
    expect(twice.findings.map((f) => f.finding.id)).toEqual(['keep-3']);
  });
});
