import { EventName, JobName, MessageName, QueueName } from './names';

/**
 * Which queues receive each message. A job has one consumer; an event any number.
 * A route is switched on in the same change that adds the handler consuming it: every app
 * refuses to start when a message routed to its queue has no handler, so this table is the
 * live topology, not a wish list. A message with no route cannot be published.
 */
export const MESSAGE_ROUTES: Readonly<Record<MessageName, readonly QueueName[]>> = {
  [JobName.EncodeImage]: [QueueName.Inference],
  [JobName.AnalyzePhoto]: [QueueName.Inference],
  [JobName.RemoveEmbeddings]: [QueueName.Inference],
  [JobName.Reindex]: [QueueName.Inference],
  [JobName.EraseCasePhotos]: [QueueName.Case],
  [JobName.CompareCohorts]: [QueueName.Inference],
  [EventName.ImageEncoded]: [QueueName.Case],
  [EventName.ImageDeleted]: [QueueName.Inference],
  [EventName.CaseGalleryChanged]: [QueueName.Inference],
  [EventName.CaseDeleted]: [QueueName.Inference],
  [EventName.CaseRegistered]: [QueueName.Consent],
  [EventName.ConsentChanged]: [QueueName.Case],
  [EventName.AnalysisCompleted]: [QueueName.Case],
  [EventName.PublicationChanged]: [],
  [EventName.CohortComparisonCompleted]: [QueueName.Case],
};

/** The message names a queue's consumer must handle (each exactly once). */
export function messagesForQueue(queue: QueueName, routes = MESSAGE_ROUTES): MessageName[] {
  return (Object.keys(routes) as MessageName[]).filter((n) => routes[n].includes(queue));
}
