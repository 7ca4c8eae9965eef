import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of `POST /api/v1/cohort-comparisons` (for the OpenAPI document; validation is parseCohortComparisonRequest). */
export class CohortComparisonRequestDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 500, description: 'Ids of FAIR cases you may read (set A, e.g. one variant)' })
  caseIdsA!: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 500, description: 'Ids of FAIR cases you may read (set B, e.g. the rest of the gene cohort); none also in A' })
  caseIdsB!: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 1000, description: 'Label permutations of the test' })
  permutations?: number;
}
