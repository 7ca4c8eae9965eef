import { MESSAGE_ROUTES, type MessageName, type QueueName } from '@gmdb/domain';
import type { MessageRoutes } from '../messaging/message-routes';

/**
 * A routing table for messaging tests that does not depend on the live topology (MESSAGE_ROUTES
 * changes as handlers land): every message unrouted, except the given ones.
 */
export function routesWith(routed: Partial<Record<MessageName, QueueName[]>> = {}): MessageRoutes {
  const table = Object.fromEntries(Object.keys(MESSAGE_ROUTES).map((name) => [name, [] as QueueName[]]));
  return { ...table, ...routed } as MessageRoutes;
}
