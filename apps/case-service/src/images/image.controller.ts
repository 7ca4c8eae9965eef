import { Controller, Delete, Get, Header, HttpCode, Param, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { Principal } from '@gmdb/domain';
import { AllowAnonymous, CurrentPrincipal, RequireRoles, RequireScopes } from '@gmdb/platform';
import { CASES_WRITE_SCOPE, CASE_EDITOR_ROLES } from '../cases/case-api.roles';
import { ImageIntakeService } from './image-intake.service';
import { toImageModel } from './image.mapper';
import { ImageService, type ImageVariant, type PresignedUrl } from './image.service';
import type { ImageModel } from './models/image.model';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { FileUploadInterceptor } from './upload/file-upload.interceptor';
import { type ReceivedUpload, Upload } from './upload/received-upload';

/**
 * Case photos over REST. Upload: `multipart/form-data` (field `file`, text fields `modality`,
 * `ageAtCapture`) or JSON `{ contentBase64, modality, ageAtCapture }`. Reads answer through the
 * access policy of the photo's case; a photo the caller may not know of is 404 IMAGE_NOT_FOUND.
 */
@Controller('api/v1')
export class ImageController {
  constructor(
    private readonly intake: ImageIntakeService,
    private readonly images: ImageService,
  ) {}

  @Post('cases/:caseId/images')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @UseInterceptors(FileUploadInterceptor, IdempotencyInterceptor)
  async upload(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Upload() upload: ReceivedUpload): Promise<ImageModel> {
    return toImageModel(await this.intake.upload(principal, caseId, upload));
  }

  @Get('cases/:caseId/images')
  @AllowAnonymous()
  async list(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<{ items: ImageModel[] }> {
    return { items: (await this.images.listForCase(principal, caseId)).map(toImageModel) };
  }

  @Get('images/:id')
  @AllowAnonymous()
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ImageModel> {
    return toImageModel(await this.images.get(principal, id));
  }

  @Get('images/:id/content')
  @AllowAnonymous()
  @Header('cache-control', 'private, no-store')
  content(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<StreamableFile> {
    return this.stream(principal, id, 'original');
  }

  @Get('images/:id/url')
  @AllowAnonymous()
  @Header('cache-control', 'private, no-store')
  url(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PresignedUrl> {
    return this.images.url(principal, id, 'original');
  }

  @Get('images/:id/thumbnail')
  @AllowAnonymous()
  @Header('cache-control', 'private, no-store')
  thumbnail(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<StreamableFile> {
    return this.stream(principal, id, 'thumbnail');
  }

  @Get('images/:id/thumbnail/url')
  @AllowAnonymous()
  @Header('cache-control', 'private, no-store')
  thumbnailUrl(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PresignedUrl> {
    return this.images.url(principal, id, 'thumbnail');
  }

  @Delete('images/:id')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  @HttpCode(204)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.images.delete(principal, id);
  }

  private async stream(principal: Principal, id: string, variant: ImageVariant): Promise<StreamableFile> {
    const { stream, contentType } = await this.images.content(principal, id, variant);
    return new StreamableFile(stream, { type: contentType, disposition: 'inline' });
  }
}
