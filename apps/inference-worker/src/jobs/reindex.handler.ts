import { Injectable, Logger } from '@nestjs/common';
import { JobName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageHandler } from '@gmdb/platform';
import { GallerySyncService } from '../gallery/gallery-sync.service';
import { ModelRepository } from '../repositories/model.repository';

/**
 * reindex: rebuilds this process's gallery index from the embedding table (after a restore,
 * or when an operator suspects drift). Other replicas converge through their sweep.
 * Reads only, so it runs without the inbox.
 */
@Injectable()
@HandlesMessage(JobName.Reindex, { inbox: false })
export class ReindexHandler implements MessageHandler<JobName.Reindex> {
  private readonly logger = new Logger('Reindex');

  constructor(
    private readonly models: ModelRepository,
    private readonly sync: GallerySyncService,
  ) {}

  async handle(payload: PayloadOf<JobName.Reindex>): Promise<void> {
    const models = await this.models.models();
    const size = await this.sync.rebuild({ modelVersion: models.version, slots: models.slots });
    this.logger.log(`reindexed (${payload.reason}): ${size} images`);
  }
}
