import type { MessageEnvelope, QueueName } from '@gmdb/domain';
import type { DependencyHealth } from '../database/dependency-health';

export interface PublishOptions {
  /** Queue-level dedupe: a second publish with the same id is dropped while the first is kept. */
  jobId?: string;
  delayMs?: number;
  /** Overrides the transport's retry policy for this message. */
  attempts?: number;
}

/** Runs one try of one message; throws to fail the try. `attempt` starts at 1. */
export type Dispatch = (envelope: MessageEnvelope, attempt: number) => Promise<void>;

export interface FailureInfo {
  attempt: number;
  /** True when the message will be tried again. */
  willRetry: boolean;
  permanent: boolean;
}

export interface ConsumeOptions {
  concurrency: number;
  /** Called after every failed try (logging, tests). Must not throw. */
  onFailed?: (envelope: MessageEnvelope, error: unknown, info: FailureInfo) => void;
}

export interface MessageConsumer {
  /** Stops taking messages and waits for the running handlers to finish. */
  close(): Promise<void>;
}

/**
 * The port between the outbox/consumers and a queue system. Drivers: BullMqTransport
 * (distributed) and InProcessTransport (standalone); both retry with the same exponential
 * backoff and never retry a PermanentMessageError.
 */
export interface MessageTransport {
  readonly driver: 'bullmq' | 'in-process';
  publish(queue: QueueName, envelope: MessageEnvelope, options?: PublishOptions): Promise<void>;
  consume(queue: QueueName, dispatch: Dispatch, options: ConsumeOptions): Promise<MessageConsumer>;
  checkHealth(timeoutMs?: number): Promise<DependencyHealth>;
  /** Closes consumers started through this transport, then connections. */
  close(): Promise<void>;
}
