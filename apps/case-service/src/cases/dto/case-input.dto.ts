import { ALL_ANCESTRY_GROUPS, ALL_IMAGE_MODALITIES, ALL_SEXES, ALL_TEST_METHODS, ALL_ZYGOSITIES } from '@gmdb/domain';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ContactModel } from '../models/case-parts.model';

const AGE: ApiPropertyOptions = {
  description: 'An ISO 8601 duration (P2Y3M) or { years, months, days }',
  oneOf: [
    { type: 'string', example: 'P4Y6M' },
    { type: 'object', properties: { years: { type: 'integer' }, months: { type: 'integer' }, days: { type: 'integer' } }, additionalProperties: false },
  ],
};

/** Documentation of the request bodies; validation is libs/domain's validateCaseInput / validateCasePatch. */
export class CaseSourceInputDto {
  @ApiProperty({ enum: ['literature', 'clinician', 'patient'] }) kind!: string;
  @ApiPropertyOptional({ description: 'literature: DOI of the publication (doi or pubmedId required)' }) doi?: string;
  @ApiPropertyOptional({ description: 'literature: PubMed id' }) pubmedId?: number;
  @ApiPropertyOptional({ type: ContactModel, description: 'literature: the corresponding author' }) correspondingAuthor?: ContactModel;
  @ApiPropertyOptional({ type: ContactModel, description: 'clinician: the submitting clinician' }) contact?: ContactModel;
}

export class AncestryInputDto {
  @ApiProperty({ enum: ALL_ANCESTRY_GROUPS, description: 'Group key or its HANCESTRO id' }) group!: string;
  @ApiPropertyOptional({ type: [String], description: 'ISO 3166-1 alpha-2 codes' }) countries?: string[];
}

export class DiagnosisInputDto {
  @ApiProperty({ example: 'OMIM:122470' }) disorderId!: string;
  @ApiPropertyOptional() label?: string;
}

export class GeneInputDto {
  @ApiProperty({ example: 'NIPBL' }) symbol!: string;
  @ApiProperty({ example: 'HGNC:28862' }) hgncId!: string;
}

export class VariantInputDto {
  @ApiPropertyOptional({ description: 'Symbol of one of the case genes' }) gene?: string;
  @ApiPropertyOptional({ description: 'HGVS description (give hgvs or iscn)', example: 'NM_133433.4:c.1234A>G' }) hgvs?: string;
  @ApiPropertyOptional({ description: 'ISCN karyotype or microarray result' }) iscn?: string;
  @ApiProperty({ enum: ALL_TEST_METHODS }) testMethod!: string;
  @ApiProperty({ enum: ALL_ZYGOSITIES }) zygosity!: string;
}

export class PhenotypeInputDto {
  @ApiProperty({ example: 'HP:0000664' }) hpoId!: string;
  @ApiPropertyOptional({ default: false }) excluded?: boolean;
}

export class ImageMetadataInputDto {
  @ApiProperty({ enum: ALL_IMAGE_MODALITIES }) modality!: string;
  @ApiPropertyOptional(AGE) ageAtCapture?: unknown;
}

/** POST /api/v1/cases: a whole case record. Unknown fields are refused. */
export class CaseInputDto {
  @ApiProperty({ maxLength: 200, description: "The institution's own id of the patient (upsert key)" }) externalId!: string;
  @ApiProperty({ type: CaseSourceInputDto }) source!: CaseSourceInputDto;
  @ApiProperty({ enum: ALL_SEXES }) sex!: string;
  @ApiPropertyOptional({ type: [AncestryInputDto] }) ancestry?: AncestryInputDto[];
  @ApiPropertyOptional(AGE) ageAtLastExamination?: unknown;
  @ApiPropertyOptional({ type: [DiagnosisInputDto] }) diagnoses?: DiagnosisInputDto[];
  @ApiPropertyOptional({ type: [GeneInputDto] }) genes?: GeneInputDto[];
  @ApiPropertyOptional({ type: [VariantInputDto] }) variants?: VariantInputDto[];
  @ApiPropertyOptional({ type: [PhenotypeInputDto] }) phenotypes?: PhenotypeInputDto[];
  @ApiPropertyOptional({ enum: [1, 2, 3], description: '1 supportive, 2 important, 3 key' }) distinctiveness?: number;
  @ApiPropertyOptional({ type: [ImageMetadataInputDto], description: 'Photos to come (uploaded separately)' }) images?: ImageMetadataInputDto[];
  @ApiPropertyOptional({ enum: ['private', 'fair'], default: 'private' }) accessLevel?: string;
  @ApiPropertyOptional({ default: false }) solved?: boolean;
}
