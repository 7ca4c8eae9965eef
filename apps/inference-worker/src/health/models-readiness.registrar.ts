import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@gmdb/domain';
import { type HealthCheck, READINESS_CHECKS } from '@gmdb/platform';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';
import { ModelRepository } from '../repositories/model.repository';

/**
 * Adds a `models` readiness check to the platform's list: up once the encoders and the detector
 * are loaded and the gallery index is built; down while they load, and down with the coded
 * reason when loading failed. It reads state only: health never runs the model.
 */
@Injectable()
export class ModelsReadinessRegistrar implements OnModuleInit {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: HealthCheck[],
    private readonly models: ModelRepository,
    private readonly gallery: GalleryIndexRepository,
  ) {}

  onModuleInit(): void {
    if (this.checks.some((c) => c.name === 'models')) return;
    this.checks.push({ name: 'models', check: () => this.check() });
  }

  private async check(): Promise<void> {
    const state = this.models.current;
    if (state.status === 'failed') {
      const code = state.error instanceof DomainError ? `${state.error.code}: ` : '';
      throw new Error(`${code}${state.error.message}`);
    }
    if (state.status === 'loading') throw new Error('models are loading');
    if (!this.gallery.isReady) throw new Error('the gallery index is being built');
  }
}
