import { PartialType } from '@nestjs/swagger';
import { CaseInputDto } from './case-input.dto';

/** PATCH /api/v1/cases/{id}: any subset; null clears ageAtLastExamination / distinctiveness and empties a list. */
export class CasePatchDto extends PartialType(CaseInputDto) {}
