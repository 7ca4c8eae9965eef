import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import type { CaseInput, CasePatch, Principal } from '@gmdb/domain';
import { CurrentPrincipal, RequireRoles, RequireScopes } from '@gmdb/platform';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { CASE_EDITOR_ROLES, CASE_READER_ROLES, CASES_READ_SCOPE, CASES_WRITE_SCOPE } from './case-api.roles';
import { CaseInputPipe, CasePatchPipe } from './case-input.pipes';
import { CaseQueryService } from './case-query.service';
import { parseCaseSearch } from './case-search.query';
import { CaseWriteService } from './case-write.service';
import { CaseInputDto } from './dto/case-input.dto';
import { CasePatchDto } from './dto/case-patch.dto';
import { CaseModel, CasePageModel } from './models/case.model';

const ERRORS = { 401: 'Not authenticated', 403: 'Missing role or scope', 404: 'No such case (or one you may not see)' } as const;

/** Cases over REST for hospital systems (institution API keys) and signed-in clinicians and curators. */
@ApiTags('cases')
@ApiSecurity('ApiKey')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseController {
  constructor(
    private readonly writes: CaseWriteService,
    private readonly reads: CaseQueryService,
  ) {}

  @Post()
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Create a case, or replace the one of your institution with the same externalId' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key and body get the first answer' })
  @ApiBody({ type: CaseInputDto })
  @ApiResponse({ status: 201, type: CaseModel, description: 'Created' })
  @ApiResponse({ status: 200, type: CaseModel, description: 'Replaced (same institution and externalId)' })
  @ApiResponse({ status: 409, description: 'IDEMPOTENCY_KEY_REUSED (same key, other body), IDEMPOTENCY_KEY_IN_PROGRESS, or a withdrawn case' })
  @ApiResponse({ status: 422, description: 'VALIDATION_FAILED with issues [{ path, code, message }]' })
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Body(CaseInputPipe) input: CaseInput,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseModel> {
    const result = await this.writes.upsert(principal, input);
    res.status(result.created ? 201 : 200);
    return result.case;
  }

  @Get()
  @RequireRoles(...CASE_READER_ROLES)
  @RequireScopes(CASES_READ_SCOPE)
  @ApiOperation({ summary: 'Cases you may read, newest first (an API key: its institution’s)' })
  @ApiQuery({ name: 'after', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: 'Page size, 1 to 100 (default 20)' })
  @ApiQuery({ name: 'disorderId', required: false })
  @ApiQuery({ name: 'geneSymbol', required: false })
  @ApiQuery({ name: 'ancestry', required: false })
  @ApiQuery({ name: 'sex', required: false })
  @ApiQuery({ name: 'ageMin', required: false, description: 'Years, at last examination' })
  @ApiQuery({ name: 'ageMax', required: false, description: 'Years, at last examination' })
  @ApiQuery({ name: 'modality', required: false, description: 'Cases with a photo of this modality' })
  @ApiResponse({ status: 200, type: CasePageModel })
  list(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>): Promise<CasePageModel> {
    return this.reads.search(principal, parseCaseSearch(query));
  }

  @Get(':id')
  @RequireRoles(...CASE_READER_ROLES)
  @RequireScopes(CASES_READ_SCOPE)
  @ApiOperation({ summary: 'One case' })
  @ApiParam({ name: 'id' })
  @ApiResponse({ status: 200, type: CaseModel })
  @ApiResponse({ status: 404, description: ERRORS[404] })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CaseModel> {
    return this.reads.get(principal, id);
  }

  @Patch(':id')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @ApiOperation({ summary: 'Change some fields of a case (lists are replaced whole)' })
  @ApiParam({ name: 'id' })
  @ApiBody({ type: CasePatchDto })
  @ApiResponse({ status: 200, type: CaseModel })
  @ApiResponse({ status: 404, description: ERRORS[404] })
  @ApiResponse({ status: 422, description: 'VALIDATION_FAILED with issues' })
  patch(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body(CasePatchPipe) patch: CasePatch): Promise<CaseModel> {
    return this.writes.patch(principal, id, patch);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @ApiOperation({ summary: 'Delete a case (emits case.deleted)' })
  @ApiParam({ name: 'id' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 404, description: ERRORS[404] })
  async delete(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.writes.delete(principal, id);
  }
}
