/**
 * What a read (or the erasure) touches. Each member is one row of the access table in DESIGN.md.
 * `CaseRecord` is the case data sheet with its images, HPO terms, diagnoses and variants: the
 * table's "FAIR case data sheet + images + HPO" row for a `fair` case and its "private case" row
 * for a `private` one.
 */
export enum DataKind {
  /** Aggregate counts (cases, disorders, genes, ancestries): no single case. */
  PublicStatistics = 'public-statistics',
  /** The public landing data of a case: image count, sex, ancestry, disease gene, DOI citation. */
  CaseLanding = 'case-landing',
  /** The data sheet, images and HPO terms of a case. */
  CaseRecord = 'case-record',
  /** Letters and lab reports of a case. */
  CaseDocuments = 'case-documents',
  /** The disorder and gene ranking of an analysis: names no case. */
  AnalysisRanking = 'analysis-ranking',
  /** One gallery case named as a nearest neighbour in an analysis result. */
  AnalysisNearestCase = 'analysis-nearest-case',
  /** Erasing a withdrawn case (photos, embeddings, record): the one thing a withdrawn case allows. */
  CaseErasure = 'case-erasure',
}

export const ALL_DATA_KINDS: readonly DataKind[] = Object.values(DataKind);

/** Kinds that concern no particular case: the resource is ignored. */
export const CASELESS_DATA_KINDS: readonly DataKind[] = [DataKind.PublicStatistics, DataKind.AnalysisRanking];
