import { Controller, Delete, Get, Header, HttpCode, Param, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { Principal } from '@gmdb/domain';
import { AllowAnonymous, CurrentPrincipal, RequireRoles, RequireScopes } from '@gmdb/platform';
import { CASES_WRITE_SCOPE, CASE_EDITOR_ROLES } from '../cases/case-api.roles';
import type { PresignedUrl } from '../images/image.service';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { FileUploadInterceptor } from '../images/upload/file-upload.interceptor';
import { type ReceivedUpload, Upload } from '../images/upload/received-upload';
import { toDocumentModel } from './document.mapper';
import { DocumentService } from './document.service';
import type { DocumentModel } from './models/document.model';

/**
 * Case documents over REST. Upload: multipart (field `file`, text fields `kind`, `title`) or JSON
 * `{ contentBase64, kind, title }`. Reads: the responsible clinician only; others 404.
 */
@Controller('api/v1')
export class DocumentController {
  constructor(private readonly documents: DocumentService) {}

  @Post('cases/:caseId/documents')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @UseInterceptors(FileUploadInterceptor, IdempotencyInterceptor)
  async upload(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Upload() upload: ReceivedUpload): Promise<DocumentModel> {
    return toDocumentModel(await this.documents.upload(principal, caseId, upload));
  }

  @Get('cases/:caseId/documents')
  @AllowAnonymous()
  async list(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<{ items: DocumentModel[] }> {
    return { items: (await this.documents.listForCase(principal, caseId)).map(toDocumentModel) };
  }

  @Get('documents/:id')
  @AllowAnonymous()
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DocumentModel> {
    return toDocumentModel(await this.documents.get(principal, id));
  }

  @Get('documents/:id/content')
  @AllowAnonymous()
  @Header('cache-control', 'private, no-store')
  async content(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<StreamableFile> {
    const { document, stream } = await this.documents.content(principal, id);
    return new StreamableFile(stream, { type: document.contentType, disposition: `attachment; filename="document-${document.id}"` });
  }

  @Get('documents/:id/url')
  @AllowAnonymous()
  @Header('cache-control', 'private, no-store')
  url(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PresignedUrl> {
    return this.documents.url(principal, id);
  }

  @Delete('documents/:id')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @HttpCode(204)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.documents.delete(principal, id);
  }
}
