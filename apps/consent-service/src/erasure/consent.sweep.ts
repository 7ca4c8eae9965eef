import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventName } from '@gmdb/domain';
import { InjectConfig } from '@gmdb/platform';
import type { ConsentServiceConfig } from '../config/consent-service.config';
import { ConsentEvents } from '../consents/consent-events';
import { ConsentRepository } from '../repositories/consent.repository';
import { ErasurePlanner } from './erasure.planner';

/**
 * The sweep driven by database state: queues photo erasures that fell due, and announces
 * consent versions whose `consent.changed` could not be written (unrouted at the time, or a
 * crash between steps). Runs at boot and every CONSENT_SWEEP_INTERVAL_SECONDS.
 */
@Injectable()
export class ConsentSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ConsentSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @InjectConfig() private readonly config: ConsentServiceConfig,
    private readonly consents: ConsentRepository,
    private readonly events: ConsentEvents,
    private readonly erasures: ErasurePlanner,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.CONSENT_SWEEP_INTERVAL_SECONDS * 1000);
    this.timer.unref();
    void this.runOnce();
  }

  /** Stops before the database closes; a pass in flight finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; passes never overlap. Returns what it did (tests call it directly). */
  async runOnce(now = new Date()): Promise<{ announced: number; erasuresQueued: number }> {
    if (this.running) await this.running;
    let result = { announced: 0, erasuresQueued: 0 };
    this.running = (async () => {
      try {
        result = { announced: await this.announcePending(), erasuresQueued: await this.erasures.queueDue(now) };
      } catch (e) {
        this.logger.warn(`sweep failed, will retry: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    await this.running;
    this.running = undefined;
    return result;
  }

  private async announcePending(): Promise<number> {
    if (!this.events.isRouted(EventName.ConsentChanged)) return 0;
    let announced = 0;
    for (const version of await this.consents.unannounced(100)) {
      if (await this.consents.transaction((manager) => this.events.announce(manager, version))) announced++;
    }
    return announced;
  }
}
