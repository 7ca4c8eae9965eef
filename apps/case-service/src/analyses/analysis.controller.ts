import { Controller, Get, Param, Post, UseInterceptors } from '@nestjs/common';
import type { Principal } from '@gmdb/domain';
import { CurrentPrincipal } from '@gmdb/platform';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { FileUploadInterceptor } from '../images/upload/file-upload.interceptor';
import { type ReceivedUpload, Upload } from '../images/upload/received-upload';
import { toAnalysisModel } from './analysis.mapper';
import { AnalysisService } from './analysis.service';
import type { AnalysisModel } from './models/analysis.model';

/**
 * Analyses over REST: `POST /api/v1/analyses` (multipart field `file`, or JSON `contentBase64`;
 * optional `slots` 3 or 12) answers 201 with the id and status `queued`; `GET` by id, owner only.
 */
@Controller('api/v1/analyses')
export class AnalysisController {
  constructor(private readonly analyses: AnalysisService) {}

  @Post()
  @UseInterceptors(FileUploadInterceptor, IdempotencyInterceptor)
  async create(@CurrentPrincipal() principal: Principal, @Upload() upload: ReceivedUpload): Promise<AnalysisModel> {
    return toAnalysisModel(await this.analyses.create(principal, upload), null);
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<AnalysisModel> {
    const { analysis, result } = await this.analyses.get(principal, id);
    return toAnalysisModel(analysis, result);
  }
}
