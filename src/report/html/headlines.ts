/**
 * The overview's headline figures: share of queries unindexed, packages behind,
 * projects on end-of-life runtimes, dependency cycles, hidden couplings and
 * extraction candidates. Taken from the result by the shape of the findings'
 * data (as plots.ts does), never by which analyzer made them.
 */
import type { Finding, ScanResult } from '../../core/result.js';
import { compare } from './aggregate.js';

export type HeadlineId = 'unindexed' | 'packagesBehind' | 'endOfLife' | 'cycles' | 'hiddenCouplings' | 'candidates';

export interface HeadlineFigure {
  id: HeadlineId;
  label: string;
  /** Null when the scan could not measure it (no SQL, no history, no decomposition). */
  value: number | null;
  /** For a share: what it is a share of, and the percentage (rounded as the analyzers round it). */
  of?: number;
  percent?: number;
  detail: string;
}

type Data = Record<string, unknown>;
const dataOf = (f: Finding): Data => (f.data ?? {}) as Data;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function headlineFigures(result: ScanResult): HeadlineFigure[] {
  return [
    unindexed(result),
    packagesBehind(result.findings),
    endOfLife(result.findings),
    cycles(result.findings),
    hiddenCouplings(result),
    candidates(result),
  ];
}

/** Queries with an unindexed predicate (data: queryKey, columns, suggestions) over the queries the SQL coverage counts. */
function unindexed(result: ScanResult): HeadlineFigure {
  const label = 'queries with an unindexed predicate';
  const coverage = result.sql?.coverage;
  if (!coverage) return { id: 'unindexed', label, value: null, detail: 'no SQL found' };
  // Counted as the coverage counts: application queries and each routine's current definition.
  const counted = new Set(
    (result.sql?.queries ?? [])
      .filter((q) => !q.superseded && (q.role === 'application' || q.role === 'routine'))
      .map((q) => q.key),
  );
  const flagged = new Set<string>();
  const tables = new Set<string>();
  for (const f of result.findings) {
    const data = dataOf(f);
    const key = str(data.queryKey);
    if (!key || !Array.isArray(data.suggestions) || !Array.isArray(data.columns)) continue;
    const readBy = Array.isArray(data.readBy) ? data.readBy.filter((k): k is string => typeof k === 'string') : [key];
    for (const k of readBy) if (counted.has(k)) flagged.add(k);
    const table = str(data.table);
    if (table) tables.add(table);
  }
  const of = coverage.counted;
  const percent = of > 0 ? Math.round((flagged.size / of) * 100) : 0;
  return {
    id: 'unindexed',
    label,
    value: flagged.size,
    of,
    percent,
    detail: `${flagged.size} of ${of} queries, on ${tables.size} table${tables.size === 1 ? '' : 's'}`,
  };
}

/** Package versions behind their latest (data: name, current, latest, majorsBehind), each version once. */
function packagesBehind(findings: readonly Finding[]): HeadlineFigure {
  const versions = new Map<string, number>();
  for (const f of findings) {
    const data = dataOf(f);
    const majors = num(data.majorsBehind);
    const name = str(data.name);
    const current = str(data.current);
    if (majors === undefined || !name || !current || !str(data.latest)) continue;
    versions.set(`${str(data.ecosystem) ?? ''}:${name}@${current}`, majors);
  }
  const majors = [...versions.values()];
  const behindMajor = majors.filter((m) => m >= 1).length;
  return {
    id: 'packagesBehind',
    label: 'package versions behind',
    value: versions.size,
    detail:
      versions.size === 0
        ? 'none behind, or no registry data (--offline)'
        : `${behindMajor} a major or more behind; furthest ${Math.max(...majors)} majors`,
  };
}

/** Projects on a runtime past its end of support (data: endOfSupport, ended, project). */
function endOfLife(findings: readonly Finding[]): HeadlineFigure {
  const ended = new Set<string>();
  const ending = new Set<string>();
  const products = new Set<string>();
  for (const f of findings) {
    const data = dataOf(f);
    const project = str(data.project);
    if (!str(data.endOfSupport) || !project || typeof data.ended !== 'boolean') continue;
    if (data.ended) {
      ended.add(project);
      products.add(str(data.product) ?? str(data.range) ?? '');
    } else ending.add(project);
  }
  const named = [...products].filter(Boolean).sort(compare);
  return {
    id: 'endOfLife',
    label: 'projects on end-of-life runtimes',
    value: ended.size,
    detail:
      [
        named.length > 0 ? named.slice(0, 3).join(', ') + (named.length > 3 ? '…' : '') : '',
        ending.size > 0 ? `${ending.size} more ending soon` : '',
      ]
        .filter(Boolean)
        .join('; ') || 'none',
  };
}

/** Dependency cycles (data: members, closingEdges), by level. */
function cycles(findings: readonly Finding[]): HeadlineFigure {
  const byLevel = new Map<string, number>();
  let count = 0;
  for (const f of findings) {
    const data = dataOf(f);
    if (!Array.isArray(data.members) || !Array.isArray(data.closingEdges)) continue;
    count++;
    const level = str(data.level) ?? 'other';
    byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
  }
  return {
    id: 'cycles',
    label: 'dependency cycles',
    value: count,
    detail:
      count === 0
        ? 'none'
        : [...byLevel]
            .sort((a, b) => compare(a[0], b[0]))
            .map(([level, n]) => `${n} between ${level}s`)
            .join(', '),
  };
}

/** Files that change together with no dependency between them (data: hidden, degree). */
function hiddenCouplings(result: ScanResult): HeadlineFigure {
  const label = 'hidden couplings';
  if (result.stats.commits === undefined)
    return { id: 'hiddenCouplings', label, value: null, detail: 'no history read (--no-history)' };
  const hidden = result.findings.filter((f) => dataOf(f).hidden === true && num(dataOf(f).degree) !== undefined);
  const across = hidden.filter((f) => dataOf(f).crossRepo === true).length;
  return {
    id: 'hiddenCouplings',
    label,
    value: hidden.length,
    detail: hidden.length === 0 ? 'none' : `change together with no dependency; ${across} across repositories`,
  };
}

function candidates(result: ScanResult): HeadlineFigure {
  const label = 'extraction candidates';
  const list = result.candidates;
  if (!list) return { id: 'candidates', label, value: null, detail: 'no decomposition in the result' };
  const pilot = list.find((c) => c.pilot)?.name;
  const value = list.find((c) => c.highestValue)?.name;
  return {
    id: 'candidates',
    label,
    value: list.length,
    detail: [pilot ? `pilot: ${pilot}` : '', value ? `highest value: ${value}` : ''].filter(Boolean).join('; ') || '—',
  };
}
