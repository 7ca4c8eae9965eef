import { Injectable } from '@nestjs/common';
import { EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { GalleryRemovalService } from '../gallery/gallery-removal.service';

/** image.deleted: the photo leaves the index; its rows (every model version) and its crop go. */
@Injectable()
@HandlesMessage(EventName.ImageDeleted)
export class ImageDeletedHandler implements MessageHandler<EventName.ImageDeleted> {
  constructor(private readonly removal: GalleryRemovalService) {}

  async handle(payload: PayloadOf<EventName.ImageDeleted>, context: MessageContext<EventName.ImageDeleted>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('image.deleted needs the inbox transaction');
    await this.removal.removeImages(manager, [payload.imageId]);
  }
}
