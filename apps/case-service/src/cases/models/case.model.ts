import { ALL_CASE_ACCESS_LEVELS, ALL_SEXES } from '@gmdb/domain';
import { ApiProperty } from '@nestjs/swagger';
import { AncestryModel, CaseSourceModel, DiagnosisModel, GeneModel, PhenotypeModel, VariantModel } from './case-parts.model';

/** A case as REST and GraphQL show it (the TypeORM entity is mapped onto this). */
export class CaseModel {
  @ApiProperty({ description: 'Opaque, stable id' }) id!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ description: "The institution's own id of the patient" }) externalId!: string;
  @ApiProperty({ type: CaseSourceModel }) source!: CaseSourceModel;
  @ApiProperty({ enum: ALL_SEXES }) sex!: string;
  @ApiProperty({ type: [AncestryModel] }) ancestry!: AncestryModel[];
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601 duration', example: 'P4Y6M' }) ageAtLastExamination!: string | null;
  @ApiProperty({ type: [DiagnosisModel] }) diagnoses!: DiagnosisModel[];
  @ApiProperty({ type: [GeneModel] }) genes!: GeneModel[];
  @ApiProperty({ type: [VariantModel] }) variants!: VariantModel[];
  @ApiProperty({ type: [PhenotypeModel] }) phenotypes!: PhenotypeModel[];
  @ApiProperty({ type: Number, nullable: true, enum: [1, 2, 3], description: '1 supportive, 2 important, 3 key' }) distinctiveness!: number | null;
  @ApiProperty({ enum: ALL_CASE_ACCESS_LEVELS, description: 'private until consent says otherwise' }) accessLevel!: string;
  @ApiProperty() solved!: boolean;
  @ApiProperty({ type: [String], description: 'Subjects of the responsible clinicians' }) responsibleClinicians!: string[];
  @ApiProperty({ description: 'Bumped on every change' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** One page of cases. */
export class CasePageModel {
  @ApiProperty({ type: [CaseModel] }) items!: CaseModel[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' }) nextCursor!: string | null;
}
