import { Injectable, Logger } from '@nestjs/common';
import { EventName, JobName, type PayloadOf } from '@gmdb/domain';
import type { PhotoEncoding } from '@gmdb/ml';
import { HandlesMessage, type MessageContext, type MessageHandler, Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { EmbeddingRepository } from '../repositories/embedding.repository';
import { GalleryCaseRepository, metaOf } from '../repositories/gallery-case.repository';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';
import { type LoadedModels, ModelRepository } from '../repositories/model.repository';
import { WorkerObjectStore } from '../repositories/worker-object.store';
import { type CodedFailure, codedFailure, photoMissing } from './coded-failure';

type Payload = PayloadOf<JobName.EncodeImage>;

/**
 * encode-image: photo from S3 -> exactly one face -> aligned crop (stored in S3) -> every slot
 * of the ensemble -> one embedding row per (image, model version) -> gallery index ->
 * image.encoded, row and event in the inbox transaction. No face, several faces, an undecodable
 * photo or unusable models are recorded on the row and announced as `failed` with their code
 * (the job completes: retrying cannot help); anything else throws and is retried with backoff.
 */
@Injectable()
@HandlesMessage(JobName.EncodeImage)
export class EncodeImageHandler implements MessageHandler<JobName.EncodeImage> {
  private readonly logger = new Logger('EncodeImage');

  constructor(
    private readonly models: ModelRepository,
    private readonly embeddings: EmbeddingRepository,
    private readonly cases: GalleryCaseRepository,
    private readonly gallery: GalleryIndexRepository,
    private readonly objects: WorkerObjectStore,
    private readonly outbox: Outbox,
  ) {}

  /** Before the inbox transaction: the models (and the index built from the table) are ready, or failed to load. */
  async beforeTransaction(): Promise<void> {
    if (await this.models.models().then(() => true, () => false)) await this.gallery.ready();
  }

  async handle(payload: Payload, context: MessageContext<JobName.EncodeImage>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('encode-image needs the inbox transaction');
    let models: LoadedModels;
    try {
      models = await this.models.models();
    } catch (e) {
      const failure = codedFailure(e);
      if (!failure) throw e;
      return this.fail(manager, payload, undefined, failure);
    }
    const galleryCase = await this.cases.find(manager, payload.caseId);
    if (galleryCase?.accessLevel === 'withdrawn') {
      this.logger.warn(`image ${payload.imageId}: case ${payload.caseId} is withdrawn; not encoded`);
      return;
    }
    const bytes = await this.objects.getPhoto(payload.objectKey);
    if (!bytes) return this.fail(manager, payload, models, photoMissing(payload.objectKey));
    let encoding: PhotoEncoding;
    try {
      encoding = await models.encoder.encode(bytes);
    } catch (e) {
      const failure = codedFailure(e);
      if (!failure) throw e;
      return this.fail(manager, payload, models, failure);
    }
    if (!encoding.aligned.png) throw new Error('the aligner returned no PNG crop');
    const cropKey = await this.objects.putCrop(payload.imageId, encoding.aligned.png);
    const meta = metaOf(galleryCase);
    const updatedAt = await this.embeddings.saveEncoded(manager, {
      imageId: payload.imageId,
      caseId: payload.caseId,
      modelVersion: models.version,
      slots: encoding.slots,
      embedding: encoding.embedding,
      face: encoding.face.box,
      landmarks: encoding.face.landmarks5,
      quality: {
        detectionScore: encoding.face.box.score,
        residualsPx: encoding.aligned.residualsPx,
        rotationDeg: encoding.aligned.rotationDeg,
        redetected: encoding.aligned.redetected,
        landmarksFrom: encoding.aligned.landmarksFrom,
      },
      cropKey,
      ...meta,
    });
    await this.gallery.ready();
    this.gallery.upsert({ imageId: payload.imageId, caseId: payload.caseId, ...meta, embedding: encoding.embedding }, updatedAt);
    await this.outbox.add(manager, {
      name: EventName.ImageEncoded,
      payload: { imageId: payload.imageId, caseId: payload.caseId, status: 'done', faces: [encoding.face.box], cropKey, modelVersion: models.version },
    });
    const t = encoding.timings;
    this.logger.log(
      `image ${payload.imageId} encoded (${encoding.slots} slots) in ${Math.round(t.decodeMs + t.detectMs + t.alignMs + t.encodeMs)} ms: decode ${Math.round(t.decodeMs)}, detect ${Math.round(t.detectMs)}, align ${Math.round(t.alignMs)}, encode ${Math.round(t.encodeMs)}`,
    );
  }

  private async fail(manager: EntityManager, payload: Payload, models: LoadedModels | undefined, failure: CodedFailure): Promise<void> {
    if (models) {
      const galleryCase = await this.cases.find(manager, payload.caseId);
      const oldCrop = await this.embeddings.saveFailed(manager, {
        imageId: payload.imageId,
        caseId: payload.caseId,
        modelVersion: models.version,
        slots: models.slots,
        errorCode: failure.code,
        faces: failure.faces,
        ...metaOf(galleryCase),
      });
      this.gallery.remove(payload.imageId);
      if (oldCrop) await this.objects.deleteObjects([oldCrop]);
    }
    await this.outbox.add(manager, {
      name: EventName.ImageEncoded,
      payload: {
        imageId: payload.imageId,
        caseId: payload.caseId,
        status: 'failed',
        errorCode: failure.code,
        ...(failure.faces.length > 0 ? { faces: failure.faces } : {}),
        ...(models ? { modelVersion: models.version } : {}),
      },
    });
    this.logger.warn(`image ${payload.imageId} not encoded: ${failure.code}: ${failure.message}`);
  }
}
