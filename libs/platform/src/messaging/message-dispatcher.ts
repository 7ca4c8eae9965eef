import { ErrorCode, type MessageEnvelope, type MessageName, type QueueName } from '@gmdb/domain';
import { RequestContext } from '../context/request-context';
import type { HandlerRegistration } from './handler-registry';
import type { Inbox } from './inbox';
import type { MessageContext, MessageHandler } from './message-handler';
import type { Dispatch } from './message-transport';
import { messagingMetrics } from './messaging.metrics';
import { PermanentMessageError } from './permanent-message.error';

export interface DispatcherOptions {
  queue: QueueName;
  registry: ReadonlyMap<MessageName, HandlerRegistration>;
  /** The handler instance for a registered class (Nest's container, or `new` in tests). */
  resolve: (registration: HandlerRegistration) => MessageHandler<never>;
  /** Without one, every handler runs without the inbox (an app with no database). */
  inbox?: Inbox;
}

/**
 * The Dispatch both transports call: finds the message's handler, restores the correlation
 * id into RequestContext, and runs the handler inside the inbox transaction when it uses one.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  return async (envelope: MessageEnvelope, attempt: number) => {
    const registration = options.registry.get(envelope.name);
    if (!registration) {
      throw new PermanentMessageError(ErrorCode.INTERNAL, `No handler for ${envelope.name} on ${options.queue}`);
    }
    const handler = options.resolve(registration) as unknown as MessageHandler;
    const correlationId = envelope.correlationId ?? RequestContext.newCorrelationId();
    const context: MessageContext = { envelope, attempt, correlationId };
    await RequestContext.run({ correlationId }, async () => {
      if (!registration.inbox || !options.inbox) return handler.handle(envelope.payload as never, context);
      await handler.beforeTransaction?.(envelope.payload as never, context);
      const ran = await options.inbox.runOnce(envelope, (manager) =>
        handler.handle(envelope.payload as never, { ...context, manager }),
      );
      if (!ran) messagingMetrics.duplicates().inc({ queue: options.queue, name: envelope.name });
    });
  };
}
