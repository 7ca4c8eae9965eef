import { randomUUID } from 'node:crypto';
import { CaseAccessLevel, EventName, JobName, QueueName, Role } from '@gmdb/domain';
import { OutboxMessageEntity, createEnvelope } from '@gmdb/platform';
import { ImageEntity } from '../images/image.entity';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import { type ErrorBody, get, postJson } from '../images/testing/http-client';
import { COHORT_GENERATED_WEIGHTS_NOTICE } from './cohort-comparison-result';
import type { CohortComparisonModel } from './models/cohort-comparison.model';

jest.setTimeout(60_000);

describe('cohort comparisons over REST (real app, MariaDB, S3)', () => {
  let app: CaseServiceHarness;
  let owner: string;
  let url: string;

  /** A case with `portraits` portrait photos (and one X-ray, which never counts); returns its id and photo ids. */
  async function caseWithPhotos(portraits: number, accessLevel = CaseAccessLevel.Fair, clinicians = ['dr-a']): Promise<{ caseId: string; imageIds: string[] }> {
    const caseId = await app.seedCase({ accessLevel, clinicians });
    const imageIds: string[] = [];
    for (let i = 0; i <= portraits; i++) {
      const id = randomUUID();
      const modality = i < portraits ? 'portrait' : 'x-ray';
      if (modality === 'portrait') imageIds.push(id);
      await app.dataSource.getRepository(ImageEntity).insert({
        id,
        caseId,
        modality,
        ageAtCapture: null,
        ageAtCaptureDays: null,
        objectKey: `images/${id}`,
        thumbnailKey: `thumbnails/${id}`,
        contentType: 'image/jpeg',
        byteSize: 100,
        sha256: id.replace(/-/g, '').padEnd(64, '0'),
        width: 100,
        height: 100,
        encodeStatus: 'done',
        encodeErrorCode: null,
        faces: null,
        cropKey: null,
        modelVersion: null,
        encodedAt: null,
        createdAt: new Date(),
      });
    }
    return { caseId, imageIds };
  }

  async function waitFor(id: string, status: string): Promise<CohortComparisonModel> {
    let body: CohortComparisonModel | undefined;
    for (let i = 0; i < 100 && body?.status !== status; i++) {
      await new Promise((r) => setTimeout(r, 50));
      body = (await get<CohortComparisonModel>(`${url}/${id}`, owner)).body;
    }
    return body as CohortComparisonModel;
  }

  const issuesOf = (body: ErrorBody) => (body.error.issues ?? []).map((i) => [i.path, i.code]);

  beforeAll(async () => {
    app = await startCaseServiceHarness();
    owner = await app.token('reg-1', [Role.Registered]);
    url = `${app.url}/api/v1/cohort-comparisons`;
  });

  afterAll(() => app?.close());

  it('queues a comparison of the portraits of two FAIR sets; only the owner reads it', async () => {
    const a1 = await caseWithPhotos(2);
    const a2 = await caseWithPhotos(1);
    const b1 = await caseWithPhotos(1);
    const b2 = await caseWithPhotos(2);
    const created = await postJson<CohortComparisonModel>(url, owner, { caseIdsA: [a1.caseId, a2.caseId], caseIdsB: [b1.caseId, b2.caseId], permutations: 200 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'queued', permutations: 200, cases: { a: 2, b: 2 }, images: { a: 3, b: 3 }, result: null, errorCode: null });
    const rows = await app.dataSource.getRepository(OutboxMessageEntity).find({ where: { name: JobName.CompareCohorts } });
    const job = rows.map((r) => JSON.parse(r.payload) as { comparisonId: string; imageIdsA: string[]; imageIdsB: string[]; permutations: number }).find((p) => p.comparisonId === created.body.id);
    expect(job).toEqual({
      comparisonId: created.body.id,
      imageIdsA: [...a1.imageIds, ...a2.imageIds].sort(),
      imageIdsB: [...b1.imageIds, ...b2.imageIds].sort(),
      permutations: 200,
    });
    const defaults = await postJson<CohortComparisonModel>(url, owner, { caseIdsA: [a1.caseId, a2.caseId], caseIdsB: [b2.caseId] });
    expect(defaults.body).toMatchObject({ status: 'queued', permutations: 1000 });

    expect((await get(`${url}/${created.body.id}`, owner)).status).toBe(200);
    const other = await get<ErrorBody>(`${url}/${created.body.id}`, await app.token('reg-2', [Role.Registered]));
    expect({ status: other.status, code: other.body.error.code }).toEqual({ status: 404, code: 'COHORT_COMPARISON_NOT_FOUND' });
    expect((await get(`${url}/${created.body.id}`)).status).toBe(401);
  });

  it('answers a retry with the same Idempotency-Key with the first comparison', async () => {
    const a = await caseWithPhotos(2);
    const b = await caseWithPhotos(2);
    const send = () =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json', 'idempotency-key': `cohort-${a.caseId}` },
        body: JSON.stringify({ caseIdsA: [a.caseId], caseIdsB: [b.caseId] }),
      });
    const first = (await (await send()).json()) as CohortComparisonModel;
    const second = await send();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as CohortComparisonModel).id).toBe(first.id);
  });

  it('refuses private, withdrawn and missing cases with one code at their path, even for the private case’s clinician', async () => {
    const fair = await caseWithPhotos(2);
    const fair2 = await caseWithPhotos(2);
    const priv = await caseWithPhotos(2, CaseAccessLevel.Private, ['dr-a']);
    const gone = await caseWithPhotos(2, CaseAccessLevel.Withdrawn, ['dr-a']);
    const body = { caseIdsA: [fair.caseId, priv.caseId, randomUUID()], caseIdsB: [gone.caseId, fair2.caseId] };
    for (const token of [owner, await app.token('dr-a', [Role.Clinician])]) {
      const refused = await postJson<ErrorBody>(url, token, body);
      expect(refused.status).toBe(422);
      expect(issuesOf(refused.body)).toEqual([
        ['caseIdsA[1]', 'COHORT_CASE_UNAVAILABLE'],
        ['caseIdsA[2]', 'COHORT_CASE_UNAVAILABLE'],
        ['caseIdsB[0]', 'COHORT_CASE_UNAVAILABLE'],
      ]);
      expect(new Set(refused.body.error.issues?.map((i) => i.message)).size).toBe(1);
    }
    expect(await app.dataSource.getRepository(OutboxMessageEntity).countBy({ name: JobName.CompareCohorts })).toBe(3);
  });

  it('refuses anonymous callers, patients, bad bodies and sets with fewer than 2 portraits', async () => {
    const one = await caseWithPhotos(1);
    const two = await caseWithPhotos(2);
    const body = { caseIdsA: [two.caseId], caseIdsB: [one.caseId] };
    expect((await postJson(url, undefined, body)).status).toBe(401);
    expect((await postJson(url, await app.token('pat-1', [Role.Patient]), body)).status).toBe(403);
    const small = await postJson<ErrorBody>(url, owner, body);
    expect({ status: small.status, issues: issuesOf(small.body) }).toEqual({ status: 422, issues: [['caseIdsB', 'COHORT_TOO_SMALL']] });
    const bad = await postJson<ErrorBody>(url, owner, { caseIdsA: [], caseIdsB: [two.caseId, two.caseId, one.caseId], permutations: 10_001, extra: 1 });
    expect(issuesOf(bad.body)).toEqual([
      ['caseIdsA', 'REQUIRED'],
      ['permutations', 'OUT_OF_RANGE'],
      ['extra', 'UNKNOWN_FIELD'],
    ]);
    const overlap = await postJson<ErrorBody>(url, owner, { caseIdsA: [two.caseId], caseIdsB: [one.caseId, one.caseId, two.caseId] });
    expect(issuesOf(overlap.body)).toEqual([
      ['caseIdsB[1]', 'DUPLICATE'],
      ['caseIdsB[2]', 'CONFLICT'],
    ]);
    const tooMany = await postJson<ErrorBody>(url, owner, { caseIdsA: Array.from({ length: 501 }, (_, i) => `c${i}`), caseIdsB: [one.caseId] });
    expect(issuesOf(tooMany.body)).toEqual([['caseIdsA', 'OUT_OF_RANGE']]);
  });

  it('stores the worker result of cohort-comparison.completed; records failures and malformed results', async () => {
    const a = await caseWithPhotos(2);
    const b = await caseWithPhotos(2);
    const create = async () => (await postJson<CohortComparisonModel>(url, owner, { caseIdsA: [a.caseId], caseIdsB: [b.caseId] })).body.id;
    const publish = (payload: { comparisonId: string; status: 'done' | 'failed'; errorCode?: string; resultKey?: string }) =>
      app.transport.publish(QueueName.Case, createEnvelope({ name: EventName.CohortComparisonCompleted, payload }));
    const result = {
      withinA: 0.2,
      withinB: 0.25,
      between: 0.6,
      statistic: 0.375,
      pValue: 0.003,
      permutations: 1000,
      sizes: { a: 2, b: 1 },
      missing: { a: [], b: [b.imageIds[1]] },
      modelVersion: 'gm@generated',
      slots: 3,
      generatedWeights: true,
    };
    await app.storage.put('cohort-comparisons/ok.json', JSON.stringify({ ...result, comparisonId: 'x', completedAt: 'now' }), { contentType: 'application/json' });
    const ok = await create();
    await publish({ comparisonId: ok, status: 'done', resultKey: 'cohort-comparisons/ok.json' });
    const done = await waitFor(ok, 'done');
    expect(done).toMatchObject({ status: 'done', errorCode: null, notice: COHORT_GENERATED_WEIGHTS_NOTICE, result });
    expect(done.completedAt).not.toBeNull();

    const failed = await create();
    await publish({ comparisonId: failed, status: 'failed', errorCode: 'COHORT_TOO_SMALL' });
    expect((await waitFor(failed, 'failed')).errorCode).toBe('COHORT_TOO_SMALL');

    await app.storage.put('cohort-comparisons/bad.json', JSON.stringify({ ...result, pValue: 'small' }), { contentType: 'application/json' });
    const bad = await create();
    await publish({ comparisonId: bad, status: 'done', resultKey: 'cohort-comparisons/bad.json' });
    expect(await waitFor(bad, 'failed')).toMatchObject({ errorCode: 'COHORT_COMPARISON_RESULT_INVALID', result: null });
  });
});
