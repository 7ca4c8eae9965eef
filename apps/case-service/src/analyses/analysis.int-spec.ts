import { CaseAccessLevel, EventName, QueueName, Role } from '@gmdb/domain';
import { createEnvelope } from '@gmdb/platform';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import { fixturePhoto, impostors } from '../images/testing/hostile-photos.fixture';
import { type ErrorBody, get, postJson, postMultipart } from '../images/testing/http-client';
import { GENERATED_WEIGHTS_NOTICE } from './analysis-result';
import { AnalysisEntity } from './analysis.entity';
import type { AnalysisModel } from './models/analysis.model';

describe('analyses over REST (real app, MariaDB, S3)', () => {
  let app: CaseServiceHarness;
  let owner: string;
  let clinician: string;
  let url: string;

  beforeAll(async () => {
    app = await startCaseServiceHarness();
    owner = await app.token('reg-1', [Role.Registered]);
    clinician = await app.token('dr-a', [Role.Clinician]);
    url = `${app.url}/api/v1/analyses`;
  }, 60_000);

  afterAll(() => app?.close());

  async function waitFor(id: string, token: string, status: string): Promise<AnalysisModel> {
    let body: AnalysisModel | undefined;
    for (let i = 0; i < 60 && body?.status !== status; i++) {
      await new Promise((r) => setTimeout(r, 50));
      body = (await get<AnalysisModel>(`${url}/${id}`, token)).body;
    }
    return body as AnalysisModel;
  }

  it('takes a photo (multipart or base64), stores it apart from cases, answers queued; only the owner reads it', async () => {
    const created = await postMultipart<AnalysisModel>(url, owner, fixturePhoto('astronaut.png'), { slots: '12' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'queued', slots: 12, result: null, errorCode: null });
    const row = await app.dataSource.getRepository(AnalysisEntity).findOneByOrFail({ id: created.body.id });
    expect(row.objectKey).toMatch(/^analyses\/[0-9a-f-]{36}$/);
    expect(await app.storage.head(row.objectKey)).not.toBeNull();
    const json = await postJson<AnalysisModel>(url, owner, { contentBase64: fixturePhoto('coffee.png').toString('base64') });
    expect(json.body).toMatchObject({ status: 'queued', slots: 3 });

    expect((await get(`${url}/${created.body.id}`, owner)).status).toBe(200);
    const other = await get<ErrorBody>(`${url}/${created.body.id}`, clinician);
    expect({ status: other.status, code: other.body.error.code }).toEqual({ status: 404, code: 'ANALYSIS_NOT_FOUND' });
    expect((await get(`${url}/${created.body.id}`)).status).toBe(401);
  });

  it('refuses anonymous callers, patients, bad fields and impostor files', async () => {
    const photo = fixturePhoto('chelsea.png');
    expect((await postMultipart(url, undefined, photo, {})).status).toBe(401);
    expect((await postMultipart(url, await app.token('pat-1', [Role.Patient]), photo, {})).status).toBe(403);
    const badSlots = await postMultipart<ErrorBody>(url, owner, photo, { slots: '5' });
    expect({ status: badSlots.status, path: badSlots.body.error.issues?.[0]?.path }).toEqual({ status: 422, path: 'slots' });
    expect((await postMultipart<ErrorBody>(url, owner, photo, { caseId: 'x' })).body.error.issues?.[0]).toMatchObject({ path: 'caseId', code: 'UNKNOWN_FIELD' });
    expect((await postMultipart<ErrorBody>(url, owner, (await impostors()).pdf, {})).body.error.code).toBe('IMAGE_UNSUPPORTED_FORMAT');
  });

  it('stores the worker result of analysis.completed, hides private nearest cases, and flags generated weights', async () => {
    const fairCase = await app.seedCase({ accessLevel: CaseAccessLevel.Fair });
    const privateCase = await app.seedCase({ accessLevel: CaseAccessLevel.Private, clinicians: ['dr-a'] });
    const mine = (await postMultipart<AnalysisModel>(url, clinician, fixturePhoto('chelsea.png'), {})).body.id;
    const resultKey = `analysis-results/${mine}.json`;
    const scored = { distance: 0.4, gestaltScore: 0.6 };
    await app.storage.put(
      resultKey,
      JSON.stringify({
        modelVersion: 'gm@generated',
        slots: 3,
        generatedWeights: true,
        disorders: [{ rank: 1, disorderId: 'OMIM:194050', ...scored }],
        genes: [{ rank: 1, symbol: 'ELN', ...scored }],
        patients: [
          { rank: 1, caseId: privateCase, imageId: 'i1', ...scored },
          { rank: 2, caseId: fairCase, imageId: 'i2', ...scored },
          { rank: 3, caseId: 'gone', imageId: 'i3', ...scored },
        ],
      }),
      { contentType: 'application/json' },
    );
    await app.transport.publish(QueueName.Case, createEnvelope({ name: EventName.AnalysisCompleted, payload: { analysisId: mine, status: 'done', resultKey } }));
    const done = await waitFor(mine, clinician, 'done');
    expect(done.notice).toBe(GENERATED_WEIGHTS_NOTICE);
    expect(done.result?.disorders).toEqual([{ rank: 1, disorderId: 'OMIM:194050', ...scored }]);
    // The responsible clinician of the private case sees it; the FAIR case is shown to any registered user.
    expect(done.result?.patients.map((p) => p.caseId)).toEqual([privateCase, fairCase]);

    const theirs = (await postMultipart<AnalysisModel>(url, owner, fixturePhoto('coffee.png'), {})).body.id;
    await app.transport.publish(QueueName.Case, createEnvelope({ name: EventName.AnalysisCompleted, payload: { analysisId: theirs, status: 'done', resultKey } }));
    expect((await waitFor(theirs, owner, 'done')).result?.patients.map((p) => p.caseId)).toEqual([fairCase]);
  });

  it('records failures: the worker error code, or ANALYSIS_RESULT_INVALID for a malformed result', async () => {
    const a = (await postMultipart<AnalysisModel>(url, owner, fixturePhoto('astronaut.png'), {})).body.id;
    await app.transport.publish(
      QueueName.Case,
      createEnvelope({ name: EventName.AnalysisCompleted, payload: { analysisId: a, status: 'failed', errorCode: 'IMAGE_NO_FACE' } }),
    );
    expect((await waitFor(a, owner, 'failed')).errorCode).toBe('IMAGE_NO_FACE');

    const b = (await postJson<AnalysisModel>(url, owner, { contentBase64: fixturePhoto('chelsea.png').toString('base64'), slots: 3 })).body.id;
    await app.storage.put('analysis-results/bad.json', '{"modelVersion": 1}', { contentType: 'application/json' });
    await app.transport.publish(
      QueueName.Case,
      createEnvelope({ name: EventName.AnalysisCompleted, payload: { analysisId: b, status: 'done', resultKey: 'analysis-results/bad.json' } }),
    );
    expect((await waitFor(b, owner, 'failed')).errorCode).toBe('ANALYSIS_RESULT_INVALID');
  });

  it('answers GraphQL analysis(id) to the owner, null to others', async () => {
    const id = (await postMultipart<AnalysisModel>(url, owner, fixturePhoto('astronaut.png'), {})).body.id;
    const ask = async (token: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query($id: ID!) { analysis(id: $id) { id status slots notice result { disorders { disorderId } } } }', variables: { id } }),
      });
      return (await response.json()) as { data?: { analysis: Record<string, unknown> | null }; errors?: unknown[] };
    };
    expect((await ask(owner)).data?.analysis).toEqual({ id, status: 'queued', slots: 3, notice: null, result: null });
    expect((await ask(clinician)).data?.analysis).toBeNull();
  });
});
