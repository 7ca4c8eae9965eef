import { Injectable } from '@nestjs/common';
import { JobName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { GalleryRemovalService } from '../gallery/gallery-removal.service';

/** remove-embeddings: by image ids and/or a whole case; index entries, rows and crops go. */
@Injectable()
@HandlesMessage(JobName.RemoveEmbeddings)
export class RemoveEmbeddingsHandler implements MessageHandler<JobName.RemoveEmbeddings> {
  constructor(private readonly removal: GalleryRemovalService) {}

  async handle(payload: PayloadOf<JobName.RemoveEmbeddings>, context: MessageContext<JobName.RemoveEmbeddings>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('remove-embeddings needs the inbox transaction');
    if (payload.imageIds) await this.removal.removeImages(manager, payload.imageIds);
    if (payload.caseId) await this.removal.removeCase(manager, payload.caseId);
  }
}
