/**
 * The candidate score: named factors, each scaled against the other
 * candidates (value ÷ the largest) and weighted; risk factors subtract,
 * benefit factors add. Every factor keeps its raw value, scale and weight, so
 * the ranking can be read back in full.
 */
import type { CandidateFactor, CandidateFactorId } from '../core/decomposition.js';
import type { FactorValues } from './factorValues.js';

interface FactorSpec {
  id: CandidateFactorId;
  label: string;
  side: 'risk' | 'value';
  weight: number;
  /** Raw value, or a note saying why it is unknown. */
  read(values: FactorValues): number | { unknown: string };
}

const NO_HISTORY = { unknown: 'no history' };

/**
 * The default weights: the cuts weigh most (inbound references are the
 * refactoring an extraction cannot avoid), shared data and cycles next,
 * knowledge concentration least. On the value side churn and hotspots, where
 * the business invests; owned data, which leaves with the service; and size,
 * how much of the monolith it takes out — so that a cluster of one or two
 * units with nothing to cut does not top the ranking for being empty.
 */
export const FACTORS: readonly FactorSpec[] = [
  { id: 'inboundDependencies', label: 'inbound references to cut', side: 'risk', weight: 3, read: (v) => v.inbound },
  {
    // A lesser risk than a reference: the call already crosses a process; the endpoint stays as it is.
    id: 'inboundCalls',
    label: 'HTTP/gRPC call sites calling in (endpoints to keep)',
    side: 'risk',
    weight: 1,
    read: (v) => v.inboundCalls,
  },
  { id: 'callsBack', label: 'references back into the rest', side: 'risk', weight: 2, read: (v) => v.callsBack },
  {
    id: 'sharedTables',
    label: 'tables shared with other clusters',
    side: 'risk',
    weight: 2,
    read: (v) => v.sharedTables,
  },
  {
    id: 'cycles',
    label: 'clusters in a dependency cycle with it',
    side: 'risk',
    weight: 2,
    read: (v) => v.cycleWith.length,
  },
  {
    id: 'knowledgeConcentration',
    label: "main author's share of its changes",
    side: 'risk',
    weight: 1,
    read: (v) => (v.history ? (v.history.mainAuthorShare ?? 0) : NO_HISTORY),
  },
  { id: 'ownedTables', label: 'tables it owns', side: 'value', weight: 1, read: (v) => v.ownedTables },
  { id: 'size', label: 'units of code it takes out', side: 'value', weight: 1, read: (v) => v.size },
  {
    id: 'churn',
    label: 'lines changed in the history window',
    side: 'value',
    weight: 2,
    read: (v) => (v.history ? v.history.churn : NO_HISTORY),
  },
  {
    id: 'hotspots',
    label: "units in the estate's top tenth by churn × complexity",
    side: 'value',
    weight: 2,
    read: (v) => (v.history ? v.history.hotspots.length : NO_HISTORY),
  },
];

/** What the pilot is chosen by: the cuts an extraction must make (the "fewest cuts, owns its data, few calls back"). */
const CUT_FACTORS: ReadonlySet<CandidateFactorId> = new Set([
  'inboundDependencies',
  'inboundCalls',
  'callsBack',
  'sharedTables',
  'cycles',
]);

/** Factors from which the value summary is made: business investment (owned tables and size are not). */
const VALUE_FACTORS: ReadonlySet<CandidateFactorId> = new Set(['churn', 'hotspots']);

export interface Scored {
  factors: CandidateFactor[];
  score: number;
  risk: number;
  cuts: number;
  value: number | null;
}

/** Factor weights the user set in `assess.config.json` (`candidates.weights`); the others keep their default. */
export type FactorWeights = Partial<Record<CandidateFactorId, number>>;

export const DEFAULT_FACTOR_WEIGHTS: Readonly<Record<CandidateFactorId, number>> = Object.fromEntries(
  FACTORS.map((spec) => [spec.id, spec.weight]),
) as Record<CandidateFactorId, number>;

/** Scores every candidate against the others (the largest value of each factor scales it to 1). */
export function scoreCandidates(
  values: ReadonlyMap<string, FactorValues>,
  weights: FactorWeights = {},
): Map<string, Scored> {
  const specs = FACTORS.map((spec) => ({ ...spec, weight: weights[spec.id] ?? spec.weight }));
  const largest = new Map<CandidateFactorId, number>();
  for (const v of values.values())
    for (const spec of specs) {
      const raw = spec.read(v);
      if (typeof raw === 'number') largest.set(spec.id, Math.max(largest.get(spec.id) ?? 0, raw));
    }
  const scored = new Map<string, Scored>();
  for (const [id, v] of values) {
    const factors = specs.map((spec) => factor(spec, spec.read(v), largest.get(spec.id) ?? 0));
    scored.set(id, {
      factors,
      score: round(factors.reduce((sum, f) => sum + f.contribution, 0)),
      risk: weightedMean(factors.filter((f) => f.side === 'risk')),
      cuts: weightedMean(factors.filter((f) => CUT_FACTORS.has(f.id))),
      value: factors.some((f) => VALUE_FACTORS.has(f.id) && f.value === null)
        ? null
        : weightedMean(factors.filter((f) => VALUE_FACTORS.has(f.id))),
    });
  }
  return scored;
}

function factor(spec: FactorSpec, raw: number | { unknown: string }, largest: number): CandidateFactor {
  const base = { id: spec.id, label: spec.label, side: spec.side, weight: spec.weight };
  if (typeof raw !== 'number') return { ...base, value: null, scaled: 0, contribution: 0, note: raw.unknown };
  const scaled = largest > 0 ? round(raw / largest) : 0;
  return {
    ...base,
    value: round(raw),
    scaled,
    contribution: round((spec.side === 'risk' ? -1 : 1) * scaled * spec.weight),
  };
}

function weightedMean(factors: readonly CandidateFactor[]): number {
  const weight = factors.reduce((sum, f) => sum + f.weight, 0);
  return weight > 0 ? round(factors.reduce((sum, f) => sum + f.scaled * f.weight, 0) / weight) : 0;
}

/** Three decimals: enough to rank, the same on every platform; -0 as 0, which JSON would write as 0 anyway. */
export const round = (n: number): number => Math.round(n * 1000) / 1000 || 0;
