import { EventName, JobName } from '@gmdb/domain';
import { EMBEDDING_SIZE, GENERATED_WEIGHTS_NOTICE } from '@gmdb/ml';
import type { CohortComparisonDocument } from '../cohort/cohort-comparison.document';
import { encodeEmbedding } from '../embedding/embedding.codec';
import { ImageEmbeddingEntity } from '../entities/image-embedding.entity';
import { type LoadedModels, ModelRepository } from '../repositories/model.repository';
import { type WorkerHarness, startWorkerHarness } from '../testing/worker.harness';

jest.setTimeout(60_000);

interface CompletedEvent {
  comparisonId: string;
  status: 'done' | 'failed';
  errorCode?: string;
  resultKey?: string;
}

/** A unit vector per slot near `centre` (a direction index), spread by `jitter`: deterministic. */
function embedding(slots: number, centre: number, seed: number, jitter = 0.3): Float32Array {
  const out = new Float32Array(slots * EMBEDDING_SIZE);
  for (let s = 0; s < slots; s++) {
    let norm = 0;
    for (let k = 0; k < EMBEDDING_SIZE; k++) {
      const v = (k % 8 === centre ? 1 : 0) + jitter * Math.sin(seed * 12.9898 + k * 78.233 + s * 37.719);
      out[s * EMBEDDING_SIZE + k] = v;
      norm += v * v;
    }
    const n = Math.sqrt(norm);
    for (let k = 0; k < EMBEDDING_SIZE; k++) out[s * EMBEDDING_SIZE + k] /= n;
  }
  return out;
}

describe('compare-cohorts (MariaDB, S3, in-process queue, generated test ensemble)', () => {
  let w: WorkerHarness;
  let models: LoadedModels;

  const insert = async (imageId: string, vector: Float32Array | null) => {
    const now = new Date();
    await w.dataSource.getRepository(ImageEmbeddingEntity).insert({
      imageId,
      modelVersion: models.version,
      caseId: `case-${imageId}`,
      status: vector ? 'done' : 'failed',
      errorCode: vector ? null : 'IMAGE_NO_FACE',
      slots: models.slots,
      embedding: vector ? encodeEmbedding(vector) : null,
      faceBoxes: '[]',
      landmarks: null,
      quality: null,
      cropKey: null,
      accessLevel: 'fair',
      disorderIds: '[]',
      geneSymbols: '[]',
      createdAt: now,
      updatedAt: now,
    });
  };
  const completed = async (comparisonId: string) => (await w.outbox<CompletedEvent>(EventName.CohortComparisonCompleted)).filter((e) => e.comparisonId === comparisonId);
  const compare = (comparisonId: string, imageIdsA: string[], imageIdsB: string[], permutations = 500) =>
    w.send({ name: JobName.CompareCohorts, payload: { comparisonId, imageIdsA, imageIdsB, permutations } });
  const documentOf = async (event: CompletedEvent) => JSON.parse((await w.storage.getBuffer(event.resultKey ?? '')).toString('utf8')) as CohortComparisonDocument;

  const setA = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  const setB = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];

  beforeAll(async () => {
    w = await startWorkerHarness();
    models = await w.app.get(ModelRepository).models();
    for (const [i, id] of setA.entries()) await insert(id, embedding(models.slots, 0, i + 1));
    for (const [i, id] of setB.entries()) await insert(id, embedding(models.slots, 3, i + 101));
    await insert('c1', embedding(models.slots, 5, 201));
    await insert('f1', null);
  });

  afterAll(() => w?.close());

  it('two separated sets: within < between, a small p-value, missing photos listed, the generated-weights notice', async () => {
    await compare('cmp-1', [...setA, 'not-encoded'], [...setB, 'f1']);
    const [event] = await completed('cmp-1');
    expect(event).toMatchObject({ status: 'done' });
    const doc = await documentOf(event);
    expect(doc).toMatchObject({
      comparisonId: 'cmp-1',
      permutations: 500,
      sizes: { a: 6, b: 6 },
      missing: { a: ['not-encoded'], b: ['f1'] },
      modelVersion: models.version,
      slots: models.slots,
      generatedWeights: true,
      notice: GENERATED_WEIGHTS_NOTICE,
    });
    expect(doc.withinA).toBeGreaterThan(0);
    expect(doc.withinA).toBeLessThan(doc.between);
    expect(doc.withinB).toBeLessThan(doc.between);
    expect(doc.between).toBeLessThanOrEqual(2);
    expect(doc.statistic).toBeCloseTo(doc.between - (doc.withinA + doc.withinB) / 2, 5);
    // 12 photos split 6/6: 924 labellings, 1 of which (and its mirror) is as far apart as observed.
    expect(doc.pValue).toBeLessThan(0.02);
  });

  it('one population split in two: a large p-value', async () => {
    await compare('cmp-mixed', ['a1', 'b1', 'a2', 'b2'], ['a3', 'b3', 'a4', 'b4']);
    const [event] = await completed('cmp-mixed');
    expect(event.status).toBe('done');
    expect((await documentOf(event)).pValue).toBeGreaterThan(0.2);
  });

  it('is idempotent: the job again writes the same object with the same numbers', async () => {
    const before = await documentOf((await completed('cmp-1'))[0]);
    await compare('cmp-1', [...setA, 'not-encoded'], [...setB, 'f1']);
    const events = await completed('cmp-1');
    expect(events).toHaveLength(2);
    expect(events[1].resultKey).toBe(events[0].resultKey);
    const after = await documentOf(events[1]);
    expect({ ...after, completedAt: '' }).toEqual({ ...before, completedAt: '' });
  });

  it('fewer than 2 photos with embeddings in a set: failed with COHORT_TOO_SMALL, nothing written', async () => {
    await compare('cmp-small', ['c1', 'f1', 'nope'], setB);
    expect(await completed('cmp-small')).toEqual([{ comparisonId: 'cmp-small', status: 'failed', errorCode: 'COHORT_TOO_SMALL' }]);
  });
});
