import { Body, Controller, Get, Param, Post, UseInterceptors } from '@nestjs/common';
import type { Principal } from '@gmdb/domain';
import { CurrentPrincipal } from '@gmdb/platform';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { toCohortComparisonModel } from './cohort-comparison.mapper';
import { CohortComparisonService } from './cohort-comparison.service';
import { CohortComparisonRequestDto } from './dto/cohort-comparison-request.dto';
import { CohortComparisonModel } from './models/cohort-comparison.model';

/**
 * Cohort comparisons over REST for signed-in registered users: `POST` two sets of FAIR case ids,
 * answered 201 with status `queued`; `GET` by id, owner only.
 */
@ApiTags('cohort-comparisons')
@ApiBearerAuth()
@Controller('api/v1/cohort-comparisons')
export class CohortComparisonController {
  constructor(private readonly comparisons: CohortComparisonService) {}

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Compare the portrait photos of two sets of FAIR cases: mean distances within and between, permutation p-value' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key and body get the first answer' })
  @ApiBody({ type: CohortComparisonRequestDto })
  @ApiResponse({ status: 201, type: CohortComparisonModel, description: 'Queued' })
  @ApiResponse({ status: 401, description: 'Not authenticated' })
  @ApiResponse({ status: 403, description: 'Not a registered user' })
  @ApiResponse({
    status: 422,
    description:
      'VALIDATION_FAILED with issues [{ path, code, message }]: COHORT_CASE_UNAVAILABLE at caseIdsA[i] / caseIdsB[i] (missing, not FAIR or not readable), COHORT_TOO_SMALL (fewer than 2 portraits), DUPLICATE, CONFLICT',
  })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<CohortComparisonModel> {
    return toCohortComparisonModel(await this.comparisons.create(principal, body), null);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cohort comparison (its owner only)' })
  @ApiParam({ name: 'id' })
  @ApiResponse({ status: 200, type: CohortComparisonModel })
  @ApiResponse({ status: 404, description: 'COHORT_COMPARISON_NOT_FOUND (also for another user’s comparison)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CohortComparisonModel> {
    const { comparison, result } = await this.comparisons.get(principal, id);
    return toCohortComparisonModel(comparison, result);
  }
}
