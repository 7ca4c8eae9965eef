import { GENERATED_WEIGHTS_NOTICE, type RankedLabel, type Ranking } from '@gmdb/ml';

/**
 * The JSON object an analysis leaves in S3 (the `resultKey` of analysis.completed), in the shape
 * case-service reads: ranked disorders, genes and patients (FAIR cases only) with distance and
 * gestalt score, plus the model versions, the slots and, for generated weights, the notice that
 * the ranking means nothing.
 */
export interface AnalysisResultDocument {
  analysisId: string;
  modelVersion: string;
  models: { id: string; arch: string; version: string }[];
  slots: number;
  requestedSlots?: number;
  generatedWeights: boolean;
  notice?: string;
  galleryImages: number;
  face: { x: number; y: number; width: number; height: number; score: number };
  disorders: { rank: number; disorderId: string; distance: number; gestaltScore: number }[];
  genes: { rank: number; symbol: string; distance: number; gestaltScore: number }[];
  patients: { rank: number; caseId: string; imageId: string; distance: number; gestaltScore: number }[];
  completedAt: string;
}

export interface AnalysisResultInput {
  analysisId: string;
  ranking: Ranking;
  modelVersion: string;
  models: { id: string; arch: string; version: string }[];
  slots: number;
  requestedSlots?: number;
  weightsAreGenerated: boolean;
  face: AnalysisResultDocument['face'];
  now?: Date;
}

const round = (d: number) => Math.round(d * 1e6) / 1e6;

export function buildAnalysisResult(input: AnalysisResultInput): AnalysisResultDocument {
  const scored = (l: RankedLabel, i: number) => ({ rank: i + 1, distance: round(l.distance), gestaltScore: l.gestaltScore });
  return {
    analysisId: input.analysisId,
    modelVersion: input.modelVersion,
    models: input.models,
    slots: input.slots,
    ...(input.requestedSlots !== undefined && input.requestedSlots !== input.slots ? { requestedSlots: input.requestedSlots } : {}),
    generatedWeights: input.weightsAreGenerated,
    ...(input.weightsAreGenerated ? { notice: GENERATED_WEIGHTS_NOTICE } : {}),
    galleryImages: input.ranking.galleryImages,
    face: input.face,
    disorders: input.ranking.disorders.map((l, i) => ({ ...scored(l, i), disorderId: l.id })),
    genes: input.ranking.genes.map((l, i) => ({ ...scored(l, i), symbol: l.id })),
    // rankGallery lists FAIR cases only: a private case never appears here.
    patients: input.ranking.patients.map((l, i) => ({ ...scored(l, i), caseId: l.id, imageId: l.nearestImageId })),
    completedAt: (input.now ?? new Date()).toISOString(),
  };
}
