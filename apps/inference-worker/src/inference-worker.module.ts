import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@gmdb/platform';
import type { InferenceWorkerConfig } from './config/inference-worker.config';
import { WORKER_SETTINGS, workerSettings } from './config/worker-settings';
import { GalleryRemovalService } from './gallery/gallery-removal.service';
import { GallerySyncService } from './gallery/gallery-sync.service';
import { ModelsReadinessCheck } from './health/models-readiness.check';
import { EmbeddingRepository } from './repositories/embedding.repository';
import { GalleryCaseRepository } from './repositories/gallery-case.repository';
import { GalleryIndexRepository } from './repositories/gallery-index.repository';
import { ModelRepository } from './repositories/model.repository';
import { WorkerObjectStore } from './repositories/worker-object.store';

const EXPORTED = [ModelRepository, EmbeddingRepository, GalleryCaseRepository, GalleryIndexRepository, WorkerObjectStore, GallerySyncService, GalleryRemovalService];

/**
 * The worker's own parts: settings, the repositories (table, S3, ONNX sessions, index), the index
 * sync and the readiness check. Global, so that the message handlers (registered in the
 * platform's MessagingModule) can inject them.
 */
@Global()
@Module({})
export class InferenceWorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: InferenceWorkerModule,
      providers: [
        { provide: WORKER_SETTINGS, inject: [APP_CONFIG], useFactory: (config: InferenceWorkerConfig) => workerSettings(config) },
        ...EXPORTED,
        ModelsReadinessCheck,
      ],
      exports: [WORKER_SETTINGS, ...EXPORTED],
    };
  }
}
