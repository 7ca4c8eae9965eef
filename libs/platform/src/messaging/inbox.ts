import type { MessageEnvelope } from '@gmdb/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { ProcessedMessageEntity } from './processed-message.entity';

/**
 * Consumer-side dedupe by message id. `runOnce` opens a transaction, records (consumer,
 * message id) and runs the work in it: a second delivery finds the row (or waits for the
 * first delivery's commit and then finds it) and skips; a failed try rolls the row back, so
 * the retry runs the work again.
 */
export class Inbox {
  constructor(
    private readonly dataSource: DataSource,
    readonly consumer: string,
  ) {
    if (!consumer || consumer.length > 100) throw new Error('Inbox consumer name must be 1..100 characters');
  }

  /** True when the work ran (and committed), false when the message had been processed. */
  runOnce(envelope: MessageEnvelope, work: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      try {
        await manager.insert(ProcessedMessageEntity, {
          consumer: this.consumer,
          messageId: envelope.id,
          name: envelope.name,
          processedAt: new Date(),
        });
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
      await work(manager);
      return true;
    });
  }

  /** Whether this consumer has processed the message (tests, diagnostics). */
  async hasProcessed(messageId: string): Promise<boolean> {
    return this.dataSource.getRepository(ProcessedMessageEntity).existsBy({ consumer: this.consumer, messageId });
  }
}
