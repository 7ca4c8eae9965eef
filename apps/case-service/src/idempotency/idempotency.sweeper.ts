import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** How often expired Idempotency-Keys are dropped. */
export const IDEMPOTENCY_SWEEP_MS = 60 * 60 * 1000;

/** Drops expired Idempotency-Keys hourly (a key is replayed for 24 hours; see IDEMPOTENCY_TTL_MS). */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencySweeper');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly idempotency: IdempotencyService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), IDEMPOTENCY_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      return await this.idempotency.purgeExpired();
    } catch (e) {
      this.logger.warn(`sweeping expired idempotency keys failed: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }
}
