import type { Provider } from '@nestjs/common';
import { MESSAGE_ROUTES, type Message, type MessageName } from '@gmdb/domain';
import { type MessageRoutes, Outbox, type OutboxAddOptions } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';

/**
 * The outbox, for messages whose consumer may not exist yet. `Outbox.add` throws for a message
 * with no route (MESSAGE_ROUTES says nobody consumes it, so it could never be handled), and
 * the routes of the worker's commands (`encode-image`, `analyze-photo`) and of `image.deleted`
 * are switched on by the worker together with its handlers. Until then case-service stores
 * photos and analyses without the message; a sweep (rows still `pending` / `queued`) can send
 * them once the route is on. `routes` must be the table the injected Outbox uses.
 */
export class RoutedOutbox {
  constructor(
    private readonly outbox: Outbox,
    private readonly routes: MessageRoutes = MESSAGE_ROUTES,
  ) {}

  isRouted(name: MessageName): boolean {
    return (this.routes[name] ?? []).length > 0;
  }

  /** Adds the message in the caller's transaction when it has a route; returns whether it did. */
  async addIfRouted(manager: EntityManager, message: Message, options: OutboxAddOptions = {}): Promise<boolean> {
    if (!this.isRouted(message.name)) return false;
    await this.outbox.add(manager, message, options);
    return true;
  }
}

export const routedOutboxProvider: Provider = {
  provide: RoutedOutbox,
  inject: [Outbox],
  useFactory: (outbox: Outbox) => new RoutedOutbox(outbox),
};
