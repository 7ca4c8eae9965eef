import type { Provider } from '@nestjs/common';
import type { EntityClass, MessageHandlerClass, MigrationClass } from '@gmdb/platform';
import { CaseImageDirectory } from '../cases/case-images.port';
import { CaseImageTableDirectory } from './case-image.directory';
import { CreateCaseImages1764300200000 } from './create-images.migration';
import { CaseMediaAccess } from './image-access';
import { ImageController } from './image.controller';
import { ImageResolver } from './graphql/image.resolver';
import { ImageEncodedHandler } from './image-encoded.handler';
import { ImageEntity } from './image.entity';
import { ImageIntakeService } from './image-intake.service';
import { ImageRepository } from './image.repository';
import { ImageService } from './image.service';
import { FileUploadInterceptor } from './upload/file-upload.interceptor';
import { uploadLimitsProvider } from './upload/upload-limits';

/** The images part of case-service, registered through its definition. */
export const IMAGE_ENTITIES: EntityClass[] = [ImageEntity];
export const IMAGE_MIGRATIONS: MigrationClass[] = [CreateCaseImages1764300200000];
export const IMAGE_CONTROLLERS = [ImageController];
export const IMAGE_HANDLERS: MessageHandlerClass[] = [ImageEncodedHandler];

/** Shared upload plumbing (limits, the upload interceptor, the routed outbox, media access). */
export const MEDIA_PROVIDERS: Provider[] = [uploadLimitsProvider, FileUploadInterceptor, CaseMediaAccess];

export const IMAGE_PROVIDERS: Provider[] = [
  ImageRepository,
  ImageIntakeService,
  ImageService,
  ImageResolver,
  { provide: CaseImageDirectory, useClass: CaseImageTableDirectory },
];
