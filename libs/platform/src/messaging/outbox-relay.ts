import { MESSAGE_ROUTES, type MessageEnvelope, type MessageName, type QueueName } from '@gmdb/domain';
import { type DataSource, type EntityManager, IsNull, LessThan } from 'typeorm';
import type { PlatformLogger } from '../database/database-connection';
import type { MessageRoutes } from './message-routes';
import type { MessageTransport } from './message-transport';
import { messagingMetrics } from './messaging.metrics';
import { onOutboxCommitted } from './outbox-commit.signal';
import { OutboxMessageEntity } from './outbox-message.entity';
import { describeError } from './permanent-message.error';
import { backoffDelayMs } from './retry-policy';

export interface OutboxRelayOptions {
  /** Metrics label and log name (default `outbox`). */
  name?: string;
  routes?: MessageRoutes;
  /** Poll for rows committed elsewhere (another replica, a missed kick); default 1000 ms. */
  pollIntervalMs?: number;
  /** Rows per transaction (default 100). */
  batchSize?: number;
  /** After a failed publish the relay waits pollIntervalMs * 2^(n-1), at most this (default 30 s). */
  maxBackoffMs?: number;
  /** Published rows are deleted after this long (default 7 days). */
  retainPublishedMs?: number;
  logger?: PlatformLogger;
}

interface BatchResult {
  /** Rows claimed and settled (published, or dropped as unrouted). */
  settled: number;
  published: number;
  /** The publish error that ended the batch early. */
  error?: unknown;
}

const PURGE_EVERY_MS = 3600_000;

/**
 * Publishes committed outbox rows in id order and marks them published. MySQL: each batch is
 * claimed with SELECT ... FOR UPDATE SKIP LOCKED, so replicas share the work without
 * publishing a row twice at once. SQLite: one process owns the file. A failed publish keeps
 * the row (attempts, last error) and the relay tries again after a backoff; the queue's jobId
 * dedupe and the consumers' inbox absorb a row published twice after a crash.
 */
export class OutboxRelay {
  private readonly name: string;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private started = false;
  private failures = 0;
  private lastPurge = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.name = options.name ?? 'outbox';
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  /** Starts polling and listens for commits that wrote outbox rows. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = onOutboxCommitted(this.dataSource, () => this.kick());
    this.kick();
  }

  /** Publish soon (right after a commit). Safe to call any time; passes never overlap. */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.started = false;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One full pass: batches until nothing is left or a publish fails. Returns the number of
   * rows published. Used by the loop, and directly by tests and the CLI.
   */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const { settled, published, error } = await this.publishBatch();
      total += published;
      if (error !== undefined) {
        throw new Error(`${this.name}: publish failed after ${total} rows (${describeError(error)}); the rest waits`);
      }
      if (settled < this.batchSize) return total;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.loop(), delayMs);
    this.timer.unref();
  }

  private loop(): void {
    if (!this.started || this.running) return;
    this.rerun = false;
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (!this.started) return;
      if (this.failures > 0) {
        this.schedule(Math.min(this.maxBackoffMs, backoffDelayMs(this.failures, this.pollIntervalMs)));
      } else this.schedule(this.rerun ? 0 : this.pollIntervalMs);
    });
  }

  private async pass(): Promise<void> {
    try {
      await this.publishPending();
      this.failures = 0;
      await this.purgeIfDue();
      const pending = await this.dataSource.getRepository(OutboxMessageEntity).countBy({ publishedAt: IsNull() });
      messagingMetrics.outboxPending().set({ relay: this.name }, pending);
    } catch (e) {
      this.failures++;
      this.options.logger?.warn(`${this.name}: ${describeError(e)} (try ${this.failures}, will retry)`);
    }
  }

  private async publishBatch(): Promise<BatchResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.claim(manager);
      let published = 0;
      let settled = 0;
      for (const row of rows) {
        const queues = (this.options.routes ?? MESSAGE_ROUTES)[row.name as MessageName] ?? [];
        if (queues.length === 0) {
          // Its route was switched off after the row was written: nobody would ever consume it.
          this.options.logger?.warn(`${this.name}: dropped ${row.name} ${row.messageId}: not routed to any queue`);
          const dropped = { publishedAt: new Date(), lastError: 'not routed' };
          await manager.update(OutboxMessageEntity, { id: row.id }, dropped);
          settled++;
          continue;
        }
        try {
          await this.publishRow(row, queues);
        } catch (e) {
          const lastError = describeError(e).slice(0, 1000);
          await manager.update(OutboxMessageEntity, { id: row.id }, { attempts: row.attempts + 1, lastError });
          messagingMetrics.outboxFailed().inc({ relay: this.name });
          return { settled, published, error: e };
        }
        await manager.update(OutboxMessageEntity, { id: row.id }, { publishedAt: new Date() });
        messagingMetrics.outboxPublished().inc({ relay: this.name });
        published++;
        settled++;
      }
      return { settled, published };
    });
  }

  private claim(manager: EntityManager): Promise<OutboxMessageEntity[]> {
    const query = manager
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('o')
      .where('o.publishedAt IS NULL')
      .orderBy('o.id', 'ASC')
      .limit(this.batchSize);
    const type = this.dataSource.options.type;
    if (type === 'mysql' || type === 'mariadb') query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getMany();
  }

  private async publishRow(row: OutboxMessageEntity, queues: readonly QueueName[]): Promise<void> {
    const envelope: MessageEnvelope = {
      id: row.messageId,
      name: row.name as MessageName,
      payload: JSON.parse(row.payload) as MessageEnvelope['payload'],
      ...(row.correlationId ? { correlationId: row.correlationId } : {}),
      occurredAt: new Date(row.occurredAt).toISOString(),
    };
    // Several queues: a retry republishes to all, and the jobId dedupe drops the repeats.
    for (const queue of queues) await this.transport.publish(queue, envelope, { jobId: row.jobId ?? undefined });
  }

  private async purgeIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    const before = new Date(now - (this.options.retainPublishedMs ?? 7 * 24 * 3600_000));
    await this.dataSource.getRepository(OutboxMessageEntity).delete({ publishedAt: LessThan(before) });
  }
}
