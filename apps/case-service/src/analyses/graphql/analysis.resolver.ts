import { Args, Query, Resolver } from '@nestjs/graphql';
import { DomainError, ErrorCode, type Principal } from '@gmdb/domain';
import { CurrentPrincipal } from '@gmdb/platform';
import { toAnalysisModel } from '../analysis.mapper';
import { AnalysisService } from '../analysis.service';
import type { AnalysisModel } from '../models/analysis.model';

/** `Query.analysis`: the owner's analysis, null for anyone else (like a missing one). */
@Resolver('Analysis')
export class AnalysisResolver {
  constructor(private readonly analyses: AnalysisService) {}

  @Query('analysis')
  async analysis(@CurrentPrincipal() principal: Principal, @Args('id') id: string): Promise<AnalysisModel | null> {
    try {
      const { analysis, result } = await this.analyses.get(principal, id);
      return toAnalysisModel(analysis, result);
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.ANALYSIS_NOT_FOUND) return null;
      throw e;
    }
  }
}
