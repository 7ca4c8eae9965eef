import { MESSAGE_ROUTES, type Message, type MessageEnvelope, type MessageName } from '@gmdb/domain';
import type { EntityManager } from 'typeorm';
import { createEnvelope } from './message-envelope';
import { type MessageRoutes, queuesFor } from './message-routes';
import { noteOutboxWrite } from './outbox-commit.signal';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxAddOptions {
  /** Queue-level dedupe key (one encode job per image: `encode-image:<imageId>`). */
  jobId?: string;
  /** Defaults to the current request's correlation id. */
  correlationId?: string;
  /** The envelope id (default: a new UUID). */
  id?: string;
}

/**
 * Writes messages in the caller's transaction: the state change and the message commit or
 * roll back together. The OutboxRelay publishes committed rows (and is kicked at the commit).
 */
export class Outbox {
  constructor(private readonly routes?: MessageRoutes) {}

  /** Whether some queue consumes `name` (an unrouted message cannot be added). */
  isRouted(name: MessageName): boolean {
    return ((this.routes ?? MESSAGE_ROUTES)[name] ?? []).length > 0;
  }

  /**
   * Adds the message when a queue consumes it, else does nothing: for messages whose consumer is
   * switched on in a later release. Returns the envelope, or undefined when it was not routed.
   */
  async addIfRouted<M extends Message>(
    manager: EntityManager,
    message: M,
    options: OutboxAddOptions = {},
  ): Promise<MessageEnvelope<M> | undefined> {
    return this.isRouted(message.name) ? this.add(manager, message, options) : undefined;
  }

  async add<M extends Message>(
    manager: EntityManager,
    message: M,
    options: OutboxAddOptions = {},
  ): Promise<MessageEnvelope<M>> {
    queuesFor(message.name, this.routes);
    const envelope = createEnvelope(message, { id: options.id, correlationId: options.correlationId });
    await manager.insert(OutboxMessageEntity, {
      messageId: envelope.id,
      name: envelope.name,
      payload: JSON.stringify(envelope.payload),
      correlationId: envelope.correlationId ?? null,
      jobId: options.jobId ?? null,
      occurredAt: new Date(envelope.occurredAt),
      publishedAt: null,
      attempts: 0,
      lastError: null,
    });
    noteOutboxWrite(manager);
    return envelope;
  }
}
