import { type MessageName, type QueueName, messagesForQueue } from '@gmdb/domain';
import { type HandledMessage, handledMessages } from './handles-message.decorator';
import type { MessageHandlerClass } from './message-handler';
import type { MessageRoutes } from './message-routes';

export interface HandlerRegistration extends HandledMessage {
  handler: MessageHandlerClass;
}

/** Why a consumer must not start; lists every problem at once. */
export class MessagingConfigurationError extends Error {
  override readonly name = 'MessagingConfigurationError';

  constructor(
    readonly queue: QueueName | undefined,
    readonly problems: string[],
  ) {
    super(`Messaging for ${queue ?? 'this app'} is misconfigured:\n- ${problems.join('\n- ')}`);
  }
}

/**
 * The one place handlers meet routes: every message routed to `queue` must have exactly one
 * handler, and no handler may claim a message that is not routed to it (it would never run).
 * Without a queue (an app that only publishes) there must be no handlers.
 */
export function buildHandlerRegistry(
  queue: QueueName | undefined,
  handlers: readonly MessageHandlerClass[],
  routes?: MessageRoutes,
): Map<MessageName, HandlerRegistration> {
  const problems: string[] = [];
  const byName = new Map<MessageName, HandlerRegistration[]>();
  for (const handler of new Set(handlers)) {
    const handled = handledMessages(handler);
    if (handled.length === 0) problems.push(`${handler.name} has no @HandlesMessage(...)`);
    for (const entry of handled) byName.set(entry.name, [...(byName.get(entry.name) ?? []), { ...entry, handler }]);
  }
  const routed = new Set<MessageName>(queue ? messagesForQueue(queue, routes) : []);
  for (const name of routed) {
    const found = byName.get(name) ?? [];
    if (found.length === 0) problems.push(`${name} is routed to ${queue} but has no handler`);
  }
  const registry = new Map<MessageName, HandlerRegistration>();
  for (const [name, found] of byName) {
    if (found.length > 1) {
      problems.push(`${name} has ${found.length} handlers: ${found.map((f) => f.handler.name).join(', ')}`);
    }
    if (!routed.has(name)) {
      const where = queue ?? 'any queue of this app';
      problems.push(`${found[0].handler.name} handles ${name}, which is not routed to ${where}`);
    }
    registry.set(name, found[0]);
  }
  if (problems.length > 0) throw new MessagingConfigurationError(queue, problems);
  return registry;
}
