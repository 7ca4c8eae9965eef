import { GENERATED_WEIGHTS_NOTICE, type CohortComparison } from '@gmdb/ml';

/**
 * The JSON object a cohort comparison leaves in S3 (the `resultKey` of
 * cohort-comparison.completed), in the shape case-service reads: mean pairwise distances within
 * each set and between them, the permutation p-value, how many photos each set used, the photos
 * that had no embedding of the current model (left out), and, for generated weights, the notice
 * that the numbers mean nothing.
 */
export interface CohortComparisonDocument {
  comparisonId: string;
  withinA: number;
  withinB: number;
  between: number;
  /** between − (withinA + withinB) / 2: the permutation test's statistic. */
  statistic: number;
  pValue: number;
  permutations: number;
  /** Photos compared per set (those with an embedding). */
  sizes: { a: number; b: number };
  /** Photo ids asked for that had no embedding of `modelVersion` (not encoded, or encoding failed). */
  missing: { a: string[]; b: string[] };
  modelVersion: string;
  slots: number;
  generatedWeights: boolean;
  notice?: string;
  completedAt: string;
}

export interface CohortComparisonInput {
  comparisonId: string;
  comparison: CohortComparison;
  sizes: { a: number; b: number };
  missing: { a: string[]; b: string[] };
  modelVersion: string;
  slots: number;
  weightsAreGenerated: boolean;
  now?: Date;
}

const round = (d: number) => Math.round(d * 1e6) / 1e6;

export function buildCohortComparisonDocument(input: CohortComparisonInput): CohortComparisonDocument {
  const c = input.comparison;
  return {
    comparisonId: input.comparisonId,
    withinA: round(c.withinA),
    withinB: round(c.withinB),
    between: round(c.between),
    statistic: round(c.statistic),
    pValue: c.pValue,
    permutations: c.permutations,
    sizes: input.sizes,
    missing: input.missing,
    modelVersion: input.modelVersion,
    slots: input.slots,
    generatedWeights: input.weightsAreGenerated,
    ...(input.weightsAreGenerated ? { notice: GENERATED_WEIGHTS_NOTICE } : {}),
    completedAt: (input.now ?? new Date()).toISOString(),
  };
}
