import { Injectable, Logger } from '@nestjs/common';
import { EventName, JobName, type PayloadOf } from '@gmdb/domain';
import type { PhotoEncoding } from '@gmdb/ml';
import { HandlesMessage, type MessageContext, type MessageHandler, Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { buildAnalysisResult } from '../analysis/analysis-result.builder';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';
import { type LoadedModels, ModelRepository } from '../repositories/model.repository';
import { WorkerObjectStore } from '../repositories/worker-object.store';
import { type CodedFailure, codedFailure, photoMissing } from './coded-failure';

type Payload = PayloadOf<JobName.AnalyzePhoto>;

/**
 * analyze-photo: the encode path for a photo that is not a case (nothing stored in the gallery),
 * ranked against the index (private cases count for disorders and genes, never as patients;
 * withdrawn ones are not in the index), the result JSON written to S3 and announced with
 * analysis.completed. A coded refusal (no face, several faces...) completes as `failed` with its
 * code; anything else throws and is retried.
 */
@Injectable()
@HandlesMessage(JobName.AnalyzePhoto)
export class AnalyzePhotoHandler implements MessageHandler<JobName.AnalyzePhoto> {
  private readonly logger = new Logger('AnalyzePhoto');

  constructor(
    private readonly models: ModelRepository,
    private readonly gallery: GalleryIndexRepository,
    private readonly objects: WorkerObjectStore,
    private readonly outbox: Outbox,
  ) {}

  /** Before the inbox transaction: the models (and the index built from the table) are ready, or failed to load. */
  async beforeTransaction(): Promise<void> {
    if (await this.models.models().then(() => true, () => false)) await this.gallery.ready();
  }

  async handle(payload: Payload, context: MessageContext<JobName.AnalyzePhoto>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('analyze-photo needs the inbox transaction');
    let models: LoadedModels;
    try {
      models = await this.models.models();
    } catch (e) {
      const failure = codedFailure(e);
      if (!failure) throw e;
      return this.fail(manager, payload, failure);
    }
    const bytes = await this.objects.getPhoto(payload.objectKey);
    if (!bytes) return this.fail(manager, payload, photoMissing(payload.objectKey));
    const t0 = performance.now();
    let encoding: PhotoEncoding;
    try {
      encoding = await models.encoder.encode(bytes);
    } catch (e) {
      const failure = codedFailure(e);
      if (!failure) throw e;
      return this.fail(manager, payload, failure);
    }
    await this.gallery.ready();
    const t1 = performance.now();
    const ranking = await this.gallery.rank(encoding.embedding);
    const t2 = performance.now();
    const result = buildAnalysisResult({
      analysisId: payload.analysisId,
      ranking,
      modelVersion: models.version,
      models: models.models,
      slots: encoding.slots,
      requestedSlots: payload.slots,
      weightsAreGenerated: models.weightsAreGenerated,
      face: encoding.face.box,
    });
    const resultKey = await this.objects.putResult(payload.analysisId, result);
    await this.outbox.add(manager, { name: EventName.AnalysisCompleted, payload: { analysisId: payload.analysisId, status: 'done', resultKey } });
    this.logger.log(
      `analysis ${payload.analysisId}: encoded in ${Math.round(t1 - t0)} ms, ranked ${ranking.galleryImages} gallery images in ${Math.round(t2 - t1)} ms`,
    );
  }

  private async fail(manager: EntityManager, payload: Payload, failure: CodedFailure): Promise<void> {
    await this.outbox.add(manager, { name: EventName.AnalysisCompleted, payload: { analysisId: payload.analysisId, status: 'failed', errorCode: failure.code } });
    this.logger.warn(`analysis ${payload.analysisId} failed: ${failure.code}: ${failure.message}`);
  }
}
