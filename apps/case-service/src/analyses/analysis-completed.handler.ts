import { Injectable } from '@nestjs/common';
import { ErrorCode, EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler, ObjectStorage } from '@gmdb/platform';
import { AnalysisEntity } from './analysis.entity';
import { parseAnalysisResult } from './analysis-result';

/**
 * Records the worker's outcome of an analysis. `done` carries `resultKey`, an S3 JSON object of
 * the AnalysisResult shape: it is read, checked and stored with the analysis. A missing object
 * throws (retried: the worker may still be writing); a malformed one is a permanent failure,
 * recorded as `failed` / ANALYSIS_RESULT_INVALID. Idempotent: the same event writes the same row.
 */
@Injectable()
@HandlesMessage(EventName.AnalysisCompleted)
export class AnalysisCompletedHandler implements MessageHandler<EventName.AnalysisCompleted> {
  constructor(private readonly storage: ObjectStorage) {}

  async handle(payload: PayloadOf<EventName.AnalysisCompleted>, context: MessageContext<EventName.AnalysisCompleted>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('analysis.completed needs the inbox transaction');
    const analyses = manager.getRepository(AnalysisEntity);
    const analysis = await analyses.findOneBy({ id: payload.analysisId });
    if (!analysis) return;
    const completedAt = new Date();
    if (payload.status === 'failed') {
      await analyses.update({ id: analysis.id }, { status: 'failed', errorCode: payload.errorCode ?? 'ANALYSIS_FAILED', completedAt });
      return;
    }
    if (!payload.resultKey) {
      await analyses.update({ id: analysis.id }, { status: 'failed', errorCode: ErrorCode.ANALYSIS_RESULT_INVALID, completedAt });
      return;
    }
    const raw = (await this.storage.getBuffer(payload.resultKey)).toString('utf8');
    let result: string;
    try {
      result = JSON.stringify(parseAnalysisResult(raw));
    } catch {
      await analyses.update(
        { id: analysis.id },
        { status: 'failed', errorCode: ErrorCode.ANALYSIS_RESULT_INVALID, resultKey: payload.resultKey, completedAt },
      );
      return;
    }
    await analyses.update({ id: analysis.id }, { status: 'done', errorCode: null, resultKey: payload.resultKey, result, completedAt });
  }
}
