import { MESSAGE_ROUTES, type MessageName, type QueueName } from '@gmdb/domain';

/** The routing table (MESSAGE_ROUTES by default; tests and staged roll-outs pass their own). */
export type MessageRoutes = Readonly<Record<MessageName, readonly QueueName[]>>;

/** The queues a message goes to; throws for a message nobody consumes (it could never be handled). */
export function queuesFor(name: MessageName, routes: MessageRoutes = MESSAGE_ROUTES): readonly QueueName[] {
  const queues = routes[name] ?? [];
  if (queues.length === 0) {
    throw new Error(
      `Message ${name} is not routed to any queue (MESSAGE_ROUTES): switch its route on with its handler`,
    );
  }
  return queues;
}
