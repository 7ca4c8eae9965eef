import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A count per set. */
export class CohortPairCountModel {
  @ApiProperty() a!: number;
  @ApiProperty() b!: number;
}

/** Photo ids per set. */
export class CohortPairIdsModel {
  @ApiProperty({ type: [String] }) a!: string[];
  @ApiProperty({ type: [String] }) b!: string[];
}

/** What the worker found: mean pairwise distances (mean over slots of 1 − cos) and the permutation test. */
export class CohortComparisonResultModel {
  @ApiProperty({ description: 'Mean pairwise distance between the photos of set A' }) withinA!: number;
  @ApiProperty({ description: 'Mean pairwise distance between the photos of set B' }) withinB!: number;
  @ApiProperty({ description: 'Mean distance between a photo of A and one of B' }) between!: number;
  @ApiProperty({ description: 'between − (withinA + withinB) / 2' }) statistic!: number;
  @ApiProperty({ description: 'One-sided permutation p-value (+1 corrected)' }) pValue!: number;
  @ApiProperty() permutations!: number;
  @ApiProperty({ type: CohortPairCountModel, description: 'Photos compared per set (those with an embedding)' }) sizes!: CohortPairCountModel;
  @ApiProperty({ type: CohortPairIdsModel, description: 'Photo ids left out: no embedding of the current model' }) missing!: CohortPairIdsModel;
  @ApiProperty() modelVersion!: string;
  @ApiProperty() slots!: number;
  @ApiProperty() generatedWeights!: boolean;
}

/** A cohort comparison as REST shows it to its owner. */
export class CohortComparisonModel {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'done', 'failed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed (COHORT_TOO_SMALL, COHORT_COMPARISON_RESULT_INVALID...)' })
  errorCode!: string | null;
  @ApiProperty() permutations!: number;
  @ApiProperty({ type: CohortPairCountModel, description: 'Cases per set' }) cases!: CohortPairCountModel;
  @ApiProperty({ type: CohortPairCountModel, description: 'Portrait photos of those cases when asked' }) images!: CohortPairCountModel;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Set when the numbers must not be trusted (generated encoder weights)' })
  notice!: string | null;
  @ApiPropertyOptional({ type: CohortComparisonResultModel, nullable: true }) result!: CohortComparisonResultModel | null;
}
