import type { MessageEnvelope, QueueName } from '@gmdb/domain';
import type { DependencyHealth } from '../database/dependency-health';
import { InProcessQueue } from './in-process.queue';
import type { ConsumeOptions, Dispatch, MessageConsumer, MessageTransport, PublishOptions } from './message-transport';
import { type RetryPolicy, resolveRetryPolicy } from './retry-policy';

export interface InProcessTransportOptions {
  /** Separate buses in one process (tests); every app of standalone mode uses the default. */
  namespace?: string;
  retry?: Partial<RetryPolicy>;
}

type Bus = Map<string, InProcessQueue>;
const BUS_KEY = Symbol.for('gmdb.inProcessBus');

/** The process-wide bus: every InProcessTransport of a namespace sees the same queues. */
function bus(): Bus {
  const holder = globalThis as typeof globalThis & { [BUS_KEY]?: Bus };
  holder[BUS_KEY] ??= new Map();
  return holder[BUS_KEY];
}

/**
 * Standalone mode's queues: in memory, in this process. case-service's outbox relay publishes
 * here and the inference worker living in the same process consumes, through the same
 * handlers and with the same retry semantics as BullMQ. Jobs do not survive a restart; the
 * services' database-driven sweeps re-create what was lost.
 */
export class InProcessTransport implements MessageTransport {
  readonly driver = 'in-process' as const;
  private readonly namespace: string;
  private readonly retry: RetryPolicy;
  private readonly consumers = new Set<MessageConsumer>();

  constructor(options: InProcessTransportOptions = {}) {
    this.namespace = options.namespace ?? 'default';
    this.retry = resolveRetryPolicy(options.retry);
  }

  /** The queue as the bus holds it (inspection in tests and the CLI). */
  queue(name: QueueName): InProcessQueue {
    const key = `${this.namespace}/${name}`;
    const queues = bus();
    let queue = queues.get(key);
    if (!queue) {
      queue = new InProcessQueue(name);
      queues.set(key, queue);
    }
    return queue;
  }

  async publish(queue: QueueName, envelope: MessageEnvelope, options: PublishOptions = {}): Promise<void> {
    this.queue(queue).add(
      {
        jobId: options.jobId ?? envelope.id,
        envelope,
        attempt: 1,
        maxAttempts: options.attempts ?? this.retry.attempts,
        backoffMs: this.retry.backoffMs,
      },
      options.delayMs,
    );
  }

  async consume(queue: QueueName, dispatch: Dispatch, options: ConsumeOptions): Promise<MessageConsumer> {
    const registration = this.queue(queue).register(dispatch, options);
    const consumer: MessageConsumer = {
      close: async () => {
        this.consumers.delete(consumer);
        await registration.close();
      },
    };
    this.consumers.add(consumer);
    return consumer;
  }

  async checkHealth(): Promise<DependencyHealth> {
    return { status: 'up', latencyMs: 0 };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.close()));
  }

  /** Forgets every queue of a namespace (tests). */
  static reset(namespace = 'default'): void {
    for (const [key, queue] of bus()) {
      if (key.startsWith(`${namespace}/`)) {
        queue.clear();
        bus().delete(key);
      }
    }
  }
}
