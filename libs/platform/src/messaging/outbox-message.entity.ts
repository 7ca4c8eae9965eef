import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message waiting to be (or already) published: written in the same transaction as the
 * state change that caused it, published by the OutboxRelay in `id` order.
 */
@Entity({ name: 'outbox_messages' })
@Index('IDX_outbox_messages_unpublished', ['publishedAt', 'id'])
export class OutboxMessageEntity {
  /** Insertion order. BIGINT on MySQL, INTEGER on SQLite (see the migration); read as a number. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The envelope id: what consumers dedupe on. */
  @Column({ name: 'message_id', type: 'varchar', length: 64, unique: true })
  messageId!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** The payload as JSON text. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  /** Queue-level dedupe key (`encode-image:<imageId>`); the envelope id when null. */
  @Column({ name: 'job_id', type: 'varchar', length: 255, nullable: true })
  jobId!: string | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  /** Failed publish tries (the relay keeps the row and tries again later). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;
}
