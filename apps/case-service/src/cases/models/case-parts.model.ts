import { ALL_ANCESTRY_GROUPS, ALL_TEST_METHODS, ALL_ZYGOSITIES } from '@gmdb/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A person to contact about a case. */
export class ContactModel {
  @ApiProperty({ example: 'Jane Doe' }) name!: string;
  @ApiPropertyOptional({ example: 'jane.doe@example.org' }) email?: string;
  @ApiPropertyOptional({ description: 'ORCID iD', example: '0000-0002-1825-0097' }) orcid?: string;
  @ApiPropertyOptional() institution?: string;
}

/** Where the case comes from; a literature case names its publication. */
export class CaseSourceModel {
  @ApiProperty({ enum: ['literature', 'clinician', 'patient'] }) kind!: string;
  @ApiPropertyOptional({ description: 'Id of the publication record shared by every case of the paper' }) publicationId?: string;
  @ApiPropertyOptional({ example: '10.1038/s41431-020-00771-z' }) doi?: string;
  @ApiPropertyOptional({ example: 33154541 }) pubmedId?: number;
  @ApiPropertyOptional({ type: ContactModel }) correspondingAuthor?: ContactModel;
  @ApiPropertyOptional({ type: ContactModel, description: 'The submitting clinician (clinician source)' }) contact?: ContactModel;
}

export class AncestryModel {
  @ApiProperty({ enum: ALL_ANCESTRY_GROUPS }) group!: string;
  @ApiProperty({ example: 'HANCESTRO:0005' }) hancestroId!: string;
  @ApiProperty({ type: [String], description: 'ISO 3166-1 alpha-2 codes', example: ['DE'] }) countries!: string[];
}

export class DiagnosisModel {
  @ApiProperty({ description: 'OMIM, MONDO or Orphanet id', example: 'OMIM:122470' }) disorderId!: string;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
}

export class GeneModel {
  @ApiProperty({ example: 'NIPBL' }) symbol!: string;
  @ApiProperty({ example: 'HGNC:28862' }) hgncId!: string;
}

export class VariantModel {
  @ApiProperty({ type: String, nullable: true, description: 'Symbol of one of the case genes' }) gene!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'NM_133433.4:c.1234A>G' }) hgvs!: string | null;
  @ApiProperty({ type: String, nullable: true }) iscn!: string | null;
  @ApiProperty({ enum: ALL_TEST_METHODS }) testMethod!: string;
  @ApiProperty({ enum: ALL_ZYGOSITIES, description: 'GENO id' }) zygosity!: string;
}

export class PhenotypeModel {
  @ApiProperty({ example: 'HP:0000664' }) hpoId!: string;
  @ApiProperty({ description: 'true: explicitly ruled out' }) excluded!: boolean;
}
