import { counter, gauge, histogram } from '../metrics/registry';

/** Get-or-create: in standalone mode every app of the process shares these. */
export const messagingMetrics = {
  processed: () => counter('gmdb_jobs_processed_total', 'Messages handled successfully', ['queue', 'name']),
  failed: () => counter('gmdb_jobs_failed_total', 'Messages that failed for good', ['queue', 'name']),
  retried: () => counter('gmdb_jobs_retried_total', 'Failed tries that will be retried', ['queue', 'name']),
  duplicates: () =>
    counter('gmdb_jobs_duplicate_total', 'Deliveries skipped because the event id was processed', ['queue', 'name']),
  duration: () =>
    histogram('gmdb_job_duration_seconds', 'Time spent in a message handler per try', ['queue', 'name'], [
      0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]),
  outboxPending: () => gauge('gmdb_outbox_pending', 'Outbox rows not yet published', ['relay']),
  outboxPublished: () => counter('gmdb_outbox_published_total', 'Outbox rows published', ['relay']),
  outboxFailed: () => counter('gmdb_outbox_publish_failed_total', 'Outbox publish tries that failed', ['relay']),
};
