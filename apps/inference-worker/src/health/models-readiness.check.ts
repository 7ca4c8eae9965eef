import { Injectable } from '@nestjs/common';
import { DomainError } from '@gmdb/domain';
import { type HealthCheck, ReadinessCheck } from '@gmdb/platform';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';
import { ModelRepository } from '../repositories/model.repository';

/**
 * The worker's `models` readiness check: up once the encoders and the detector are loaded and
 * the gallery index is built; down while they load, and down with the coded reason when loading
 * failed. It reads state only: health never runs the model.
 */
@Injectable()
@ReadinessCheck()
export class ModelsReadinessCheck implements HealthCheck {
  readonly name = 'models';

  constructor(
    private readonly models: ModelRepository,
    private readonly gallery: GalleryIndexRepository,
  ) {}

  async check(): Promise<void> {
    const state = this.models.current;
    if (state.status === 'failed') {
      const code = state.error instanceof DomainError ? `${state.error.code}: ` : '';
      throw new Error(`${code}${state.error.message}`);
    }
    if (state.status === 'loading') throw new Error('models are loading');
    if (!this.gallery.isReady) throw new Error('the gallery index is being built');
  }
}
