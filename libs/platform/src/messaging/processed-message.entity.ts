import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Inbox: a (consumer, message id) pair is written in the handler's transaction, so a message
 * delivered twice (a retry after a lost ack, a republished outbox row) changes state once.
 */
@Entity({ name: 'processed_messages' })
export class ProcessedMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer!: string;

  @PrimaryColumn({ name: 'message_id', type: 'varchar', length: 64 })
  messageId!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt!: Date;
}
