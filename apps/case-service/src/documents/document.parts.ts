import type { Provider } from '@nestjs/common';
import type { EntityClass, MigrationClass } from '@gmdb/platform';
import { CaseDocumentsCleaner } from './case-documents.cleaner';
import { CreateCaseDocuments1764300300000 } from './create-documents.migration';
import { DocumentController } from './document.controller';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentService } from './document.service';

/** The documents part of case-service, registered through its definition (needs MEDIA_PROVIDERS of images). */
export const DOCUMENT_ENTITIES: EntityClass[] = [DocumentEntity];
export const DOCUMENT_MIGRATIONS: MigrationClass[] = [CreateCaseDocuments1764300300000];
export const DOCUMENT_CONTROLLERS = [DocumentController];
export const DOCUMENT_PROVIDERS: Provider[] = [DocumentRepository, DocumentService, CaseDocumentsCleaner];
