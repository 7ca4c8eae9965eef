import { Injectable } from '@nestjs/common';
import { EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { GalleryRemovalService } from '../gallery/gallery-removal.service';
import { GalleryCaseRepository } from '../repositories/gallery-case.repository';

/** case.deleted: every photo of the case leaves the index, its rows and crops go, and so does the case's metadata. */
@Injectable()
@HandlesMessage(EventName.CaseDeleted)
export class CaseDeletedHandler implements MessageHandler<EventName.CaseDeleted> {
  constructor(
    private readonly cases: GalleryCaseRepository,
    private readonly removal: GalleryRemovalService,
  ) {}

  async handle(payload: PayloadOf<EventName.CaseDeleted>, context: MessageContext<EventName.CaseDeleted>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('case.deleted needs the inbox transaction');
    await this.removal.removeCase(manager, payload.caseId);
    await this.cases.delete(manager, payload.caseId);
  }
}
