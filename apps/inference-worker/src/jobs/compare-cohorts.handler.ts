import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, EventName, JobName, MAX_COHORT_PERMUTATIONS, type PayloadOf } from '@gmdb/domain';
import { EMBEDDING_SIZE, compareCohorts } from '@gmdb/ml';
import { HandlesMessage, type MessageContext, type MessageHandler, Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { buildCohortComparisonDocument } from '../cohort/cohort-comparison.document';
import { decodeEmbedding } from '../embedding/embedding.codec';
import { EmbeddingRepository, type IndexScope } from '../repositories/embedding.repository';
import { type LoadedModels, ModelRepository } from '../repositories/model.repository';
import { WorkerObjectStore } from '../repositories/worker-object.store';
import { type CodedFailure, codedFailure } from './coded-failure';

type Payload = PayloadOf<JobName.CompareCohorts>;

/** The embeddings of one set that exist for the scope, and the ids that had none. */
interface LoadedSet {
  embeddings: Float32Array[];
  missing: string[];
}

/**
 * compare-cohorts: the embeddings of both photo sets under the current model version (photos
 * without one are listed as missing), mean pairwise distances within and between the sets and
 * a permutation p-value, seeded by the comparison id (running it twice gives the same numbers
 * and the same S3 object). Fewer than 2 photos with embeddings in a set completes as `failed`
 * with COHORT_TOO_SMALL; a model load failure with its code; anything else throws and is retried.
 */
@Injectable()
@HandlesMessage(JobName.CompareCohorts)
export class CompareCohortsHandler implements MessageHandler<JobName.CompareCohorts> {
  private readonly logger = new Logger('CompareCohorts');

  constructor(
    private readonly models: ModelRepository,
    private readonly embeddings: EmbeddingRepository,
    private readonly objects: WorkerObjectStore,
    private readonly outbox: Outbox,
  ) {}

  /** Before the inbox transaction: the models are loaded, or failed to (handle records that). */
  async beforeTransaction(): Promise<void> {
    await this.models.models().catch(() => undefined);
  }

  async handle(payload: Payload, context: MessageContext<JobName.CompareCohorts>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('compare-cohorts needs the inbox transaction');
    let models: LoadedModels;
    try {
      models = await this.models.models();
    } catch (e) {
      const failure = codedFailure(e);
      if (!failure) throw e;
      return this.fail(manager, payload, failure);
    }
    const scope: IndexScope = { modelVersion: models.version, slots: models.slots };
    const a = await this.load(manager, scope, payload.imageIdsA);
    const b = await this.load(manager, scope, payload.imageIdsB);
    if (a.embeddings.length < 2 || b.embeddings.length < 2) {
      const message = `each set needs 2 photos with embeddings of ${scope.modelVersion}; A has ${a.embeddings.length}, B has ${b.embeddings.length}`;
      return this.fail(manager, payload, { code: ErrorCode.COHORT_TOO_SMALL, message, faces: [] });
    }
    const permutations = Math.min(Math.max(1, payload.permutations), MAX_COHORT_PERMUTATIONS);
    const t0 = performance.now();
    const comparison = compareCohorts(a.embeddings, b.embeddings, { slots: scope.slots, permutations, seed: seedOf(payload.comparisonId) });
    const ms = performance.now() - t0;
    const document = buildCohortComparisonDocument({
      comparisonId: payload.comparisonId,
      comparison,
      sizes: { a: a.embeddings.length, b: b.embeddings.length },
      missing: { a: a.missing, b: b.missing },
      modelVersion: scope.modelVersion,
      slots: scope.slots,
      weightsAreGenerated: models.weightsAreGenerated,
    });
    const resultKey = await this.objects.putCohortComparison(payload.comparisonId, document);
    await this.outbox.add(manager, {
      name: EventName.CohortComparisonCompleted,
      payload: { comparisonId: payload.comparisonId, status: 'done', resultKey },
    });
    this.logger.log(`cohort comparison ${payload.comparisonId}: ${a.embeddings.length} vs ${b.embeddings.length} photos, ${permutations} permutations in ${Math.round(ms)} ms`);
  }

  /** The embeddings of `imageIds` in the order asked (duplicates once), and the ids without one. */
  private async load(manager: EntityManager, scope: IndexScope, imageIds: readonly string[]): Promise<LoadedSet> {
    const unique = [...new Set(imageIds)];
    const rows = await this.embeddings.encodedRows(scope, unique, manager);
    const byId = new Map(rows.filter((r) => r.embedding !== null).map((r) => [r.imageId, r]));
    const embeddings: Float32Array[] = [];
    const missing: string[] = [];
    for (const id of unique) {
      const row = byId.get(id);
      if (row?.embedding) embeddings.push(decodeEmbedding(row.embedding, scope.slots * EMBEDDING_SIZE));
      else missing.push(id);
    }
    return { embeddings, missing };
  }

  private async fail(manager: EntityManager, payload: Payload, failure: CodedFailure): Promise<void> {
    await this.outbox.add(manager, {
      name: EventName.CohortComparisonCompleted,
      payload: { comparisonId: payload.comparisonId, status: 'failed', errorCode: failure.code },
    });
    this.logger.warn(`cohort comparison ${payload.comparisonId} failed: ${failure.code}: ${failure.message}`);
  }
}

/** A 32-bit seed from the comparison id: the same comparison always draws the same permutations. */
function seedOf(comparisonId: string): number {
  return createHash('sha256').update(`cohort:${comparisonId}`).digest().readUInt32LE(0);
}
