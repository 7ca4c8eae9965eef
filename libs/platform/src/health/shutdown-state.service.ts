import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * Whether the app is draining. Readiness answers 503 from the moment shutdown begins, so the load
 * balancer stops sending traffic while in-flight requests finish. The bootstrap flips it on
 * SIGTERM (`app.get(ShutdownState).begin()`) before closing; Nest's shutdown hook flips it too.
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private since: Date | undefined;

  get isShuttingDown(): boolean {
    return this.since !== undefined;
  }

  get shuttingDownSince(): Date | undefined {
    return this.since;
  }

  begin(): void {
    this.since ??= new Date();
  }

  beforeApplicationShutdown(): void {
    this.begin();
  }
}
