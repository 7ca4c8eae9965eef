import { EventName, JobName, MessageName, QueueName } from './names';

/** Which queues receive each message. A job has one consumer; an event any number. */
export const MESSAGE_ROUTES: Readonly<Record<MessageName, readonly QueueName[]>> = {
  [JobName.EncodeImage]: [QueueName.Inference],
  [JobName.AnalyzePhoto]: [QueueName.Inference],
  [JobName.RemoveEmbeddings]: [QueueName.Inference],
  [JobName.Reindex]: [QueueName.Inference],
  [JobName.EraseCasePhotos]: [QueueName.Case],
  [EventName.ImageEncoded]: [QueueName.Case],
  [EventName.ImageDeleted]: [QueueName.Inference],
  [EventName.CaseGalleryChanged]: [QueueName.Inference],
  [EventName.CaseDeleted]: [QueueName.Inference, QueueName.Consent],
  [EventName.ConsentChanged]: [QueueName.Case, QueueName.Inference, QueueName.Doi],
  [EventName.AnalysisCompleted]: [QueueName.Case],
  [EventName.PublicationChanged]: [QueueName.Case],
};

/** The message names a queue's consumer must handle (each exactly once). */
export function messagesForQueue(queue: QueueName): MessageName[] {
  return (Object.keys(MESSAGE_ROUTES) as MessageName[]).filter((n) => MESSAGE_ROUTES[n].includes(queue));
}
