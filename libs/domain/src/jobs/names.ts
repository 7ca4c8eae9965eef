/**
 * Every service consumes exactly one queue, named after it. Commands (jobs) and events
 * addressed to a service travel on its queue; `MESSAGE_ROUTES` says which queues get what.
 */
export enum QueueName {
  Case = 'gmdb-case',
  Consent = 'gmdb-consent',
  Doi = 'gmdb-doi',
  Inference = 'gmdb-inference',
}

/** Commands: one handler does the work. */
export enum JobName {
  EncodeImage = 'encode-image',
  AnalyzePhoto = 'analyze-photo',
  RemoveEmbeddings = 'remove-embeddings',
  Reindex = 'reindex',
  EraseCasePhotos = 'erase-case-photos',
  CompareCohorts = 'compare-cohorts',
}

/** Facts: something happened; every subscribed service reacts. */
export enum EventName {
  ImageEncoded = 'image.encoded',
  ImageDeleted = 'image.deleted',
  CaseGalleryChanged = 'case.gallery-changed',
  CaseDeleted = 'case.deleted',
  CaseRegistered = 'case.registered',
  ConsentChanged = 'consent.changed',
  AnalysisCompleted = 'analysis.completed',
  PublicationChanged = 'publication.changed',
  CohortComparisonCompleted = 'cohort-comparison.completed',
}

export type MessageName = JobName | EventName;

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
export const ALL_EVENT_NAMES: readonly EventName[] = Object.values(EventName);
