import { ALL_ANCESTRY_GROUPS, ALL_SEXES } from '@gmdb/domain';
import { ApiProperty } from '@nestjs/swagger';

export class AncestryCountModel {
  @ApiProperty({ enum: ALL_ANCESTRY_GROUPS }) group!: string;
  @ApiProperty({ example: 'HANCESTRO:0005' }) hancestroId!: string;
  @ApiProperty({ example: 'European' }) label!: string;
  @ApiProperty({ description: 'FAIR patients with this ancestry (a mixed-ancestry patient counts in each group)' }) patients!: number;
}

/** Public counts over FAIR cases only. */
export class PublicStatisticsModel {
  @ApiProperty() patients!: number;
  @ApiProperty() images!: number;
  @ApiProperty() disorders!: number;
  @ApiProperty() genes!: number;
  @ApiProperty({ type: [AncestryCountModel] }) byAncestry!: AncestryCountModel[];
}

/** The public landing data of a FAIR case: nothing beyond these fields. */
export class CaseLandingModel {
  @ApiProperty() caseId!: string;
  @ApiProperty() imageCount!: number;
  @ApiProperty({ enum: ALL_SEXES }) sex!: string;
  @ApiProperty({ type: [String], enum: ALL_ANCESTRY_GROUPS, isArray: true }) ancestry!: string[];
  @ApiProperty({ type: [String], description: 'HGNC symbols of the disease genes', example: ['NIPBL'] }) genes!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Title of the micro-publication (null until it has a DOI)' }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) abstract!: string | null;
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
}
