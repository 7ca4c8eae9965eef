import type { AnalysisEntity } from './analysis.entity';
import { type AnalysisResult, GENERATED_WEIGHTS_NOTICE } from './analysis-result';
import type { AnalysisModel } from './models/analysis.model';

/** `result` is the stored result after the access filter (the entity's own text is not shown as is). */
export function toAnalysisModel(entity: AnalysisEntity, result: AnalysisResult | null): AnalysisModel {
  return {
    id: entity.id,
    status: entity.status,
    errorCode: entity.errorCode,
    width: entity.width,
    height: entity.height,
    slots: entity.slots,
    createdAt: entity.createdAt.toISOString(),
    completedAt: entity.completedAt ? entity.completedAt.toISOString() : null,
    notice: result?.generatedWeights ? GENERATED_WEIGHTS_NOTICE : null,
    result,
  };
}
