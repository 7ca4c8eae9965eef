import { Injectable } from '@nestjs/common';
import { EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { GalleryRemovalService } from '../gallery/gallery-removal.service';
import { EmbeddingRepository } from '../repositories/embedding.repository';
import { GalleryCaseRepository, metaOf } from '../repositories/gallery-case.repository';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';

/**
 * case.gallery-changed: the case's access level or labels changed. The worker keeps them (for
 * photos encoded later), updates its rows and the index; `withdrawn` takes every photo of the
 * case out of the index at once and deletes its embeddings and crops.
 */
@Injectable()
@HandlesMessage(EventName.CaseGalleryChanged)
export class CaseGalleryChangedHandler implements MessageHandler<EventName.CaseGalleryChanged> {
  constructor(
    private readonly cases: GalleryCaseRepository,
    private readonly embeddings: EmbeddingRepository,
    private readonly gallery: GalleryIndexRepository,
    private readonly removal: GalleryRemovalService,
  ) {}

  async handle(payload: PayloadOf<EventName.CaseGalleryChanged>, context: MessageContext<EventName.CaseGalleryChanged>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('case.gallery-changed needs the inbox transaction');
    const value = { caseId: payload.caseId, accessLevel: payload.accessLevel, disorderIds: [...payload.disorderIds], geneSymbols: [...payload.geneSymbols] };
    await this.cases.save(manager, value);
    if (payload.accessLevel === 'withdrawn') {
      await this.removal.removeCase(manager, payload.caseId);
      return;
    }
    const meta = metaOf(value);
    const updatedAt = await this.embeddings.updateCaseMeta(manager, payload.caseId, meta);
    this.gallery.updateCase(payload.caseId, meta, updatedAt);
  }
}
