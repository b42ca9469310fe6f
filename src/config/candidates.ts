/**
 * The `candidates` section of `assess.config.json`: the weight of each named
 * factor of the extraction score (`"weights": { "inboundCalls": 2 }`); a factor
 * left out keeps its default (src/plan/README.md "The score").
 */
import { z } from 'zod';
import type { CandidateFactorId } from '../core/decomposition.js';

const weight = z.number().min(0).optional();

/** One key per factor, so a misspelt factor is an unknown key with its path, not a silent default. */
const factorWeights = {
  inboundDependencies: weight,
  inboundCalls: weight,
  callsBack: weight,
  sharedTables: weight,
  cycles: weight,
  knowledgeConcentration: weight,
  ownedTables: weight,
  size: weight,
  churn: weight,
  hotspots: weight,
} satisfies Record<CandidateFactorId, typeof weight>;

export const candidatesConfigSchema = z.object({ weights: z.object(factorWeights).strict().default({}) }).strict();

export type CandidatesConfig = z.infer<typeof candidatesConfigSchema>;

/** The weights the user set, without the keys left undefined. */
export function factorWeightsOf(config: CandidatesConfig): Partial<Record<CandidateFactorId, number>> {
  return Object.fromEntries(Object.entries(config.weights).filter(([, w]) => w !== undefined)) as Partial<
    Record<CandidateFactorId, number>
  >;
}
