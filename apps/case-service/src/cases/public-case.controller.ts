import { Controller, Get, Param } from '@nestjs/common';
import { ANONYMOUS } from '@gmdb/domain';
import { Public } from '@gmdb/platform';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CaseQueryService } from './case-query.service';
import { CaseLandingModel, PublicStatisticsModel } from './models/public.model';

/** What anyone may read without signing in. */
@ApiTags('public')
@Controller('api/v1/public')
export class PublicCaseController {
  constructor(private readonly reads: CaseQueryService) {}

  @Get('statistics')
  @Public()
  @ApiOperation({ summary: 'Counts over FAIR cases: patients, images, disorders, genes, by ancestry group' })
  @ApiResponse({ status: 200, type: PublicStatisticsModel })
  statistics(): Promise<PublicStatisticsModel> {
    return this.reads.statistics();
  }

  @Get('cases/:id/landing')
  @Public()
  @ApiOperation({ summary: 'Landing data of a FAIR case; any other case answers 404 like a missing one' })
  @ApiParam({ name: 'id' })
  @ApiResponse({ status: 200, type: CaseLandingModel })
  @ApiResponse({ status: 404, description: 'CASE_NOT_FOUND' })
  landing(@Param('id') id: string): Promise<CaseLandingModel> {
    return this.reads.landing(ANONYMOUS, id);
  }
}
