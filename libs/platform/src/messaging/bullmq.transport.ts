import type { MessageEnvelope, QueueName } from '@gmdb/domain';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import { type DependencyHealth, probeDependency } from '../database/dependency-health';
import { runAttempt } from './attempt-runner';
import type { ConsumeOptions, Dispatch, MessageConsumer, MessageTransport, PublishOptions } from './message-transport';
import { describeError } from './permanent-message.error';
import { type RetryPolicy, resolveRetryPolicy } from './retry-policy';

export interface BullMqTransportOptions {
  redisUrl: string;
  /** Redis key prefix (default `gmdb`); tests use a unique one. */
  prefix?: string;
  retry?: Partial<RetryPolicy>;
  /** How long / how many finished jobs stay in Redis (and keep deduping their job id). */
  keepCompleted?: { ageSeconds: number; count: number };
  keepFailed?: { ageSeconds: number; count: number };
  /** Reports Redis errors of the workers (they reconnect by themselves). */
  onError?: (error: Error) => void;
}

/** BullMQ forbids `:` and integer-looking custom ids; dedupe keys like `encode-image:<id>` are mapped. */
export function toBullJobId(key: string): string {
  const id = key.replace(/:/g, '.');
  return `${parseInt(id, 10)}` === id ? `id-${id}` : id;
}

/** Distributed mode's queues: BullMQ on Redis. One BullMQ queue per QueueName. */
export class BullMqTransport implements MessageTransport {
  readonly driver = 'bullmq' as const;
  private readonly prefix: string;
  private readonly retry: RetryPolicy;
  private readonly producer: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly consumers = new Set<MessageConsumer>();

  constructor(private readonly options: BullMqTransportOptions) {
    this.prefix = options.prefix ?? 'gmdb';
    this.retry = resolveRetryPolicy(options.retry);
    // Producers fail fast (the outbox keeps the row and retries); workers wait (see consume).
    this.producer = new IORedis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
    this.producer.on('error', (e: Error) => options.onError?.(e));
  }

  async publish(queue: QueueName, envelope: MessageEnvelope, options: PublishOptions = {}): Promise<void> {
    const keepCompleted = this.options.keepCompleted ?? { ageSeconds: 24 * 3600, count: 1000 };
    const keepFailed = this.options.keepFailed ?? { ageSeconds: 14 * 24 * 3600, count: 5000 };
    await this.queue(queue).add(envelope.name, envelope, {
      jobId: toBullJobId(options.jobId ?? envelope.id),
      delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
      attempts: options.attempts ?? this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      removeOnComplete: { age: keepCompleted.ageSeconds, count: keepCompleted.count },
      removeOnFail: { age: keepFailed.ageSeconds, count: keepFailed.count },
    });
  }

  async consume(queue: QueueName, dispatch: Dispatch, options: ConsumeOptions): Promise<MessageConsumer> {
    // Blocking worker commands must never time out on their own (BullMQ requirement).
    const connection = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: null });
    const worker = new Worker<MessageEnvelope>(
      queue,
      async (job: Job<MessageEnvelope>) => {
        const attempt = job.attemptsMade + 1;
        const maxAttempts = job.opts.attempts ?? 1;
        const outcome = await runAttempt(queue, job.data, attempt, maxAttempts, dispatch, options.onFailed);
        if (outcome.status === 'completed') return;
        if (outcome.status === 'failed' && outcome.permanent) {
          throw new UnrecoverableError(describeError(outcome.error));
        }
        throw outcome.error instanceof Error ? outcome.error : new Error(describeError(outcome.error));
      },
      { connection, prefix: this.prefix, concurrency: Math.max(1, options.concurrency) },
    );
    worker.on('error', (e: Error) => this.options.onError?.(e));
    await worker.waitUntilReady();
    const consumer: MessageConsumer = {
      close: async () => {
        this.consumers.delete(consumer);
        await worker.close();
        await connection.quit().catch(() => connection.disconnect());
      },
    };
    this.consumers.add(consumer);
    return consumer;
  }

  /** Counts of a queue's jobs (tests, queue-depth metrics for autoscaling). */
  async jobCounts(queue: QueueName): Promise<Record<string, number>> {
    return this.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  }

  /** The BullMQ queue, for inspection (tests, admin tools). */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer, prefix: this.prefix });
      queue.on('error', (e: Error) => this.options.onError?.(e));
      this.queues.set(name, queue);
    }
    return queue;
  }

  checkHealth(timeoutMs = 2000): Promise<DependencyHealth> {
    return probeDependency(() => this.producer.ping(), timeoutMs);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await this.producer.quit().catch(() => this.producer.disconnect());
  }
}
