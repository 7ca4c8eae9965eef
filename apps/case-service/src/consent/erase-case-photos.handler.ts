import { Injectable, Logger } from '@nestjs/common';
import { CaseAccessLevel, JobName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { CaseEventEmitter } from '../cases/case-events.emitter';
import { CaseImageDirectory } from '../cases/case-images.port';
import { CaseEntity } from '../cases/entities/case.entity';

/**
 * `erase-case-photos` (queued by consent-service when a withdrawal's grace period ends): deletes
 * the photos and documents of a withdrawn case from S3 and their rows, and announces each
 * deleted image so the worker forgets it. A case that is no longer withdrawn (consent given
 * again) or no longer exists is left alone. Runs in the inbox transaction: a redelivered job
 * erases nothing twice.
 */
@Injectable()
@HandlesMessage(JobName.EraseCasePhotos)
export class EraseCasePhotosHandler implements MessageHandler<JobName.EraseCasePhotos> {
  private readonly logger = new Logger('EraseCasePhotos');

  constructor(
    private readonly events: CaseEventEmitter,
    private readonly images: CaseImageDirectory,
  ) {}

  async handle(payload: PayloadOf<JobName.EraseCasePhotos>, context: MessageContext<JobName.EraseCasePhotos>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('erase-case-photos needs the inbox transaction');
    const found = await manager
      .getRepository(CaseEntity)
      .findOne({ where: { id: payload.caseId }, select: { id: true, accessLevel: true } });
    if (!found) {
      this.logger.warn(`erase-case-photos: case ${payload.caseId} does not exist (already deleted); nothing to erase`);
      return;
    }
    if (found.accessLevel !== CaseAccessLevel.Withdrawn) {
      this.logger.warn(`erase-case-photos: case ${payload.caseId} is ${found.accessLevel} again; its photos are kept`);
      return;
    }
    const erased = await this.images.removeAllOf(manager, payload.caseId);
    for (const imageId of erased) await this.events.imageDeleted(manager, payload.caseId, imageId);
    this.logger.log(
      `erase-case-photos: case ${payload.caseId} (consent ${payload.consentId}): ${erased.length} photo(s) and the case's documents erased`,
    );
  }
}
