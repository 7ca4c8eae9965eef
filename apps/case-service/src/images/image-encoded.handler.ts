import { Injectable, Logger } from '@nestjs/common';
import { EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { ImageEntity } from './image.entity';

/**
 * Records the worker's outcome on the photo: status, error code (IMAGE_NO_FACE...), faces, crop
 * key and model version. Idempotent: the inbox drops a redelivered event, and applying the same
 * event twice writes the same values. An event for a deleted photo is ignored.
 */
@Injectable()
@HandlesMessage(EventName.ImageEncoded)
export class ImageEncodedHandler implements MessageHandler<EventName.ImageEncoded> {
  private readonly logger = new Logger('ImageEncoded');

  async handle(payload: PayloadOf<EventName.ImageEncoded>, context: MessageContext<EventName.ImageEncoded>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('image.encoded needs the inbox transaction');
    const images = manager.getRepository(ImageEntity);
    const image = await images.findOneBy({ id: payload.imageId });
    if (!image || image.caseId !== payload.caseId) {
      this.logger.warn(`image.encoded for unknown image ${payload.imageId}: ignored`);
      return;
    }
    await images.update(
      { id: image.id },
      {
        encodeStatus: payload.status,
        encodeErrorCode: payload.status === 'failed' ? (payload.errorCode ?? 'ENCODE_FAILED') : null,
        faces: payload.faces ?? [],
        cropKey: payload.cropKey ?? null,
        modelVersion: payload.modelVersion ?? null,
        encodedAt: new Date(),
      },
    );
  }
}
