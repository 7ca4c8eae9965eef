import type { MessageHandlerClass } from '@gmdb/platform';
import { AnalyzePhotoHandler } from './analyze-photo.handler';
import { CaseDeletedHandler } from './case-deleted.handler';
import { CaseGalleryChangedHandler } from './case-gallery-changed.handler';
import { CompareCohortsHandler } from './compare-cohorts.handler';
import { EncodeImageHandler } from './encode-image.handler';
import { ImageDeletedHandler } from './image-deleted.handler';
import { ReindexHandler } from './reindex.handler';
import { RemoveEmbeddingsHandler } from './remove-embeddings.handler';

/** Every message routed to gmdb-inference, one handler each (the platform refuses to start otherwise). */
export const WORKER_HANDLERS: MessageHandlerClass[] = [
  EncodeImageHandler,
  AnalyzePhotoHandler,
  RemoveEmbeddingsHandler,
  ReindexHandler,
  ImageDeletedHandler,
  CaseGalleryChangedHandler,
  CaseDeletedHandler,
  CompareCohortsHandler,
];
