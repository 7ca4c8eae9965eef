import type { MessageEnvelope, QueueName } from '@gmdb/domain';
import type { ConsumeOptions, Dispatch } from './message-transport';
import { messagingMetrics } from './messaging.metrics';
import { isPermanentMessageError } from './permanent-message.error';

export type AttemptOutcome =
  | { status: 'completed' }
  | { status: 'retry'; error: unknown }
  | { status: 'failed'; error: unknown; permanent: boolean };

/**
 * One try of one message, shared by both drivers so that they count, time and classify
 * failures the same way. The driver then retries (or not) as the outcome says.
 */
export async function runAttempt(
  queue: QueueName,
  envelope: MessageEnvelope,
  attempt: number,
  maxAttempts: number,
  dispatch: Dispatch,
  onFailed?: ConsumeOptions['onFailed'],
): Promise<AttemptOutcome> {
  const labels = { queue, name: envelope.name };
  const stopTimer = messagingMetrics.duration().startTimer(labels);
  try {
    await dispatch(envelope, attempt);
    messagingMetrics.processed().inc(labels);
    return { status: 'completed' };
  } catch (error) {
    const permanent = isPermanentMessageError(error);
    const willRetry = !permanent && attempt < maxAttempts;
    (willRetry ? messagingMetrics.retried() : messagingMetrics.failed()).inc(labels);
    try {
      onFailed?.(envelope, error, { attempt, willRetry, permanent });
    } catch {
      // a failing observer must not change the message's fate
    }
    return willRetry ? { status: 'retry', error } : { status: 'failed', error, permanent };
  } finally {
    stopTimer();
  }
}
