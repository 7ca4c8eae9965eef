import { COHORT_GENERATED_WEIGHTS_NOTICE, type CohortComparisonResult } from './cohort-comparison-result';
import type { CohortComparisonEntity } from './cohort-comparison.entity';
import type { CohortComparisonModel } from './models/cohort-comparison.model';

export function toCohortComparisonModel(entity: CohortComparisonEntity, result: CohortComparisonResult | null): CohortComparisonModel {
  return {
    id: entity.id,
    status: entity.status,
    errorCode: entity.errorCode,
    permutations: entity.permutations,
    cases: { a: entity.casesA, b: entity.casesB },
    images: { a: entity.imagesA, b: entity.imagesB },
    createdAt: entity.createdAt.toISOString(),
    completedAt: entity.completedAt ? entity.completedAt.toISOString() : null,
    notice: result?.generatedWeights ? COHORT_GENERATED_WEIGHTS_NOTICE : null,
    result,
  };
}
