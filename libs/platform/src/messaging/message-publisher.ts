import type { Message, MessageEnvelope } from '@gmdb/domain';
import { createEnvelope } from './message-envelope';
import { type MessageRoutes, queuesFor } from './message-routes';
import type { MessageTransport } from './message-transport';

export interface PublishMessageOptions {
  jobId?: string;
  delayMs?: number;
  correlationId?: string;
}

/**
 * Publishes straight to the routed queues, outside any transaction. Only for messages no
 * state change causes (a CLI `reindex`, an operator's re-send); when a write causes the
 * message, use Outbox.add in the write's transaction instead.
 */
export class MessagePublisher {
  constructor(
    private readonly transport: MessageTransport,
    private readonly routes?: MessageRoutes,
  ) {}

  async publish<M extends Message>(message: M, options: PublishMessageOptions = {}): Promise<MessageEnvelope<M>> {
    const queues = queuesFor(message.name, this.routes);
    const envelope = createEnvelope(message, { correlationId: options.correlationId });
    for (const queue of queues) {
      await this.transport.publish(queue, envelope, { jobId: options.jobId, delayMs: options.delayMs });
    }
    return envelope;
  }
}
