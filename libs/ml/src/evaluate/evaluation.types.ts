/** A row of the gallery or test CSV (`image_id,subject,label`, as the reference). */
export interface LabeledImage {
  imageId: string;
  subject: string;
  /** The disorder (syndrome) label. */
  label: string;
}

/** A row of the metadata CSV (`image_id,sex,ancestry,age_years`); empty values are undefined. */
export interface ImageDemographics {
  sex?: string;
  ancestry?: string;
  ageYears?: number;
}

export const TOP_K = [1, 5, 10, 30] as const;

/** Accuracies as fractions in [0, 1]. */
export interface TopKAccuracy {
  top1: number;
  top5: number;
  top10: number;
  top30: number;
}

export interface GroupMetrics {
  /** Mean over disorders of each disorder's accuracy (the reference metric). */
  macro: TopKAccuracy;
  /** Mean over test images. */
  micro: TopKAccuracy;
  images: number;
  disorders: number;
}

export const AGE_BANDS = ['[0,1)', '[1,5)', '[5,10)', '[10,20)', '[20,inf)'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface EvaluationReport {
  overall: GroupMetrics;
  bySex: Record<string, GroupMetrics>;
  byAncestry: Record<string, GroupMetrics>;
  byAge: Partial<Record<AgeBand, GroupMetrics>>;
  /** Mean over ancestry groups of each group's accuracies. */
  ancestryAveraged: { macro: TopKAccuracy; micro: TopKAccuracy };
}

/** Where one test image's true disorder landed (1 = first; Infinity when absent from the gallery). */
export interface TestImageRank {
  imageId: string;
  label: string;
  rank: number;
}

export function ageBand(years: number): AgeBand | undefined {
  if (!Number.isFinite(years) || years < 0) return undefined;
  if (years < 1) return '[0,1)';
  if (years < 5) return '[1,5)';
  if (years < 10) return '[5,10)';
  if (years < 20) return '[10,20)';
  return '[20,inf)';
}
