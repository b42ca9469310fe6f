/**
 * The overview's headline figures worked out again from a result, the plain way:
 * by the analyzers that make them (the report itself reads only data shapes),
 * so a browser test can hold the page to the result's own data.
 */
import type { ScanResult } from '../../src/core/result.js';

export interface ExpectedHeadline {
  /** What the card's big figure reads. */
  figure: string;
  /** A text the card's detail line must hold. */
  detail?: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

export function expectedHeadlines(result: ScanResult): Record<string, ExpectedHeadline> {
  const of = (rule: string) => result.findings.filter((f) => f.ruleId === rule);
  const data = (f: { data: unknown }) => f.data as Record<string, unknown>;

  const counted = new Set(
    (result.sql?.queries ?? [])
      .filter((q) => !q.superseded && (q.role === 'application' || q.role === 'routine'))
      .map((q) => q.key),
  );
  const flagged = new Set(
    of('unindexed-query')
      .flatMap((f) => (data(f).readBy as string[] | undefined) ?? [data(f).queryKey as string])
      .filter((k) => counted.has(k)),
  );
  const total = result.sql?.coverage?.counted ?? 0;
  // The analyzer's own summary line says the same share: "N (P%) with an unindexed predicate".
  const summary = result.summaries.find((s) => s.ruleId === 'unindexed-query')?.headline ?? '';
  const said = /(\d+) \((\d+)%\) with an unindexed predicate/.exec(summary);
  if (said && Number(said[1]) !== flagged.size)
    throw new Error(`unindexed summary says ${said[1]}, not ${flagged.size}`);

  const versions = new Set(
    of('outdated-package').map((f) => `${data(f).ecosystem}:${data(f).name}@${data(f).current}`),
  );
  const eol = new Set(
    of('eol-framework')
      .filter((f) => data(f).ended === true)
      .map((f) => data(f).project),
  );
  const hidden = of('change-coupling').filter((f) => data(f).hidden === true);
  const pilot = result.candidates?.find((c) => c.pilot)?.name;
  return {
    unindexed: result.sql?.coverage
      ? {
          figure: `${total > 0 ? Math.round((flagged.size / total) * 100) : 0}%`,
          detail: `${flagged.size} of ${total} queries`,
        }
      : { figure: '—' },
    packagesBehind: { figure: count(versions.size) },
    endOfLife: { figure: count(eol.size) },
    cycles: { figure: count(of('dependency-cycles').length) },
    hiddenCouplings: result.stats.commits === undefined ? { figure: '—' } : { figure: count(hidden.length) },
    candidates: result.candidates
      ? { figure: count(result.candidates.length), ...(pilot ? { detail: `pilot: ${pilot}` } : {}) }
      : { figure: '—' },
  };
}
