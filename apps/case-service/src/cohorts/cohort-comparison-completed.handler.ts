import { Injectable } from '@nestjs/common';
import { ErrorCode, EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler, ObjectStorage } from '@gmdb/platform';
import { parseCohortComparisonResult } from './cohort-comparison-result';
import { CohortComparisonEntity } from './cohort-comparison.entity';

/**
 * Records the worker's outcome of a cohort comparison. `done` carries `resultKey`, an S3 JSON
 * object of the CohortComparisonResult shape: read, checked and stored with the comparison. A
 * missing object throws (retried); a malformed one is recorded as `failed` /
 * COHORT_COMPARISON_RESULT_INVALID. Idempotent: the same event writes the same row.
 */
@Injectable()
@HandlesMessage(EventName.CohortComparisonCompleted)
export class CohortComparisonCompletedHandler implements MessageHandler<EventName.CohortComparisonCompleted> {
  constructor(private readonly storage: ObjectStorage) {}

  async handle(payload: PayloadOf<EventName.CohortComparisonCompleted>, context: MessageContext<EventName.CohortComparisonCompleted>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('cohort-comparison.completed needs the inbox transaction');
    // Handlers live in the messaging module: the table is reached through the inbox transaction.
    const comparisons = manager.getRepository(CohortComparisonEntity);
    const comparison = await comparisons.findOneBy({ id: payload.comparisonId });
    if (!comparison) return;
    const completedAt = new Date();
    const invalid = { status: 'failed', errorCode: ErrorCode.COHORT_COMPARISON_RESULT_INVALID, completedAt } as const;
    if (payload.status === 'failed') {
      await comparisons.update({ id: comparison.id }, { status: 'failed', errorCode: payload.errorCode ?? 'COHORT_COMPARISON_FAILED', completedAt });
      return;
    }
    if (!payload.resultKey) {
      await comparisons.update({ id: comparison.id }, invalid);
      return;
    }
    const raw = (await this.storage.getBuffer(payload.resultKey)).toString('utf8');
    let result: string;
    try {
      result = JSON.stringify(parseCohortComparisonResult(raw));
    } catch {
      await comparisons.update({ id: comparison.id }, { ...invalid, resultKey: payload.resultKey });
      return;
    }
    await comparisons.update({ id: comparison.id }, { status: 'done', errorCode: null, resultKey: payload.resultKey, result, completedAt });
  }
}
