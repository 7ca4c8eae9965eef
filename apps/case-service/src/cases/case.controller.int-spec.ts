import { randomUUID } from 'node:crypto';
import { ErrorCode, EventName, Role } from '@gmdb/domain';
import { OpaqueCredentialService, OutboxMessageEntity, httpStatusForCode } from '@gmdb/platform';
import { caseInputJson } from '@gmdb/domain/testing';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import type { CaseModel, CasePageModel } from './models/case.model';
import { type ErrorBody, apiKeyHeader, bearer, httpClient } from './testing/http-client';

describe('REST /api/v1/cases (real app, MariaDB, API keys)', () => {
  let h: CaseServiceHarness;
  let keyA: string;
  let keyB: string;
  let readOnlyA: string;
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    h = await startCaseServiceHarness();
    const credentials = new OpaqueCredentialService(h.dataSource);
    keyA = (await credentials.create({ kind: 'institution-api-key', ownerId: 'inst-a', scopes: ['cases:read', 'cases:write'] })).token;
    keyB = (await credentials.create({ kind: 'institution-api-key', ownerId: 'inst-b', scopes: ['cases:read', 'cases:write'] })).token;
    readOnlyA = (await credentials.create({ kind: 'institution-api-key', ownerId: 'inst-a', scopes: ['cases:read'] })).token;
    api = httpClient(h.url);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The `case.registered` events of a case in case-service's outbox. */
  const registrationsOf = async (caseId: string) =>
    (await h.dataSource.getRepository(OutboxMessageEntity).findBy({ name: EventName.CaseRegistered }))
      .map((row) => JSON.parse(row.payload) as { caseId: string })
      .filter((payload) => payload.caseId === caseId);

  const create = (body: Record<string, unknown>, key = keyA, headers: Record<string, string> = {}) =>
    api.post<CaseModel>('/api/v1/cases', body, { ...apiKeyHeader(key), ...headers });

  it('creates a case (private by default), reads it back, and upserts by external id', async () => {
    const body = caseInputJson({ externalId: 'his-1', accessLevel: undefined });
    const created = await create(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      institutionId: 'inst-a',
      externalId: 'his-1',
      accessLevel: 'private',
      sex: 'female',
      source: { kind: 'literature', doi: '10.1038/s41431-020-00771-z', correspondingAuthor: { name: 'Jane Doe', orcid: '0000-0002-1825-0097' } },
      diagnoses: [{ disorderId: 'OMIM:122470', label: 'Cornelia de Lange syndrome 1' }],
      genes: [{ symbol: 'NIPBL', hgncId: 'HGNC:28862' }],
      variants: [{ gene: 'NIPBL', hgvs: 'NM_133433.4:c.1234A>G', iscn: null, testMethod: 'exome', zygosity: 'GENO:0000135' }],
      phenotypes: [{ hpoId: 'HP:0000664', excluded: false }, { hpoId: 'HP:0001250', excluded: true }],
      ageAtLastExamination: 'P4Y6M',
      distinctiveness: 3,
      solved: true,
      revision: 1,
    });
    const id = created.body.id;
    expect((await api.get<CaseModel>(`/api/v1/cases/${id}`, apiKeyHeader(readOnlyA))).body.id).toBe(id);

    const again = await create({ ...body, sex: 'male', genes: [], variants: [] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id, sex: 'male', genes: [], variants: [], revision: 2 });
    // consent-service learns of the case once, at its creation: pushed with a key, no clinician member.
    expect(await registrationsOf(id)).toEqual([{ caseId: id, institutionId: 'inst-a', clinicians: [] }]);
  });

  it('links cases of one publication to one publication record', async () => {
    const one = await create(caseInputJson({ externalId: 'pub-1', source: { kind: 'literature', pubmedId: 33154541 } }));
    const two = await create(caseInputJson({ externalId: 'pub-2', source: { kind: 'literature', pubmedId: 33154541, doi: '10.1000/XYZ.1' } }));
    expect(one.body.source.publicationId).toBeDefined();
    expect(two.body.source.publicationId).toBe(one.body.source.publicationId);
    expect(two.body.source).toMatchObject({ pubmedId: 33154541, doi: '10.1000/xyz.1' });
  });

  it('patches fields, clears optional ones and replaces lists', async () => {
    const id = (await create(caseInputJson({ externalId: 'patch-1' }))).body.id;
    const patched = await api.patch<CaseModel>(
      `/api/v1/cases/${id}`,
      { distinctiveness: null, phenotypes: [{ hpoId: 'HP:0000252' }], source: { kind: 'clinician', contact: { name: 'Dr A' } } },
      apiKeyHeader(keyA),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ distinctiveness: null, phenotypes: [{ hpoId: 'HP:0000252', excluded: false }], source: { kind: 'clinician', contact: { name: 'Dr A' } } });
    expect(patched.body.genes).toEqual([{ symbol: 'NIPBL', hgncId: 'HGNC:28862' }]);
  });

  it('deletes a case; it is gone afterwards', async () => {
    const id = (await create(caseInputJson({ externalId: 'del-1' }))).body.id;
    expect((await api.delete(`/api/v1/cases/${id}`, apiKeyHeader(keyA))).status).toBe(204);
    const gone = await api.get<ErrorBody>(`/api/v1/cases/${id}`, apiKeyHeader(keyA));
    expect([gone.status, gone.body.error.code]).toEqual([404, ErrorCode.CASE_NOT_FOUND]);
    expect((await api.delete(`/api/v1/cases/${id}`, apiKeyHeader(keyA))).status).toBe(404);
  });

  it('lists the institution’s cases with cursor pagination and a maximum page size', async () => {
    for (let i = 0; i < 5; i += 1) await create(caseInputJson({ externalId: `list-${i}` }), keyB);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `?limit=2&after=${after}` : '?limit=2';
      const page = await api.get<CasePageModel>(`/api/v1/cases${query}`, apiKeyHeader(keyB));
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c) => c.externalId));
      after = page.body.nextCursor;
    } while (after);
    expect([...seen].sort()).toEqual(['list-0', 'list-1', 'list-2', 'list-3', 'list-4']);
    const tooBig = await api.get<ErrorBody>('/api/v1/cases?limit=1000', apiKeyHeader(keyB));
    expect([tooBig.status, tooBig.body.error.issues?.[0]]).toEqual([422, expect.objectContaining({ path: 'limit', code: 'OUT_OF_RANGE' })]);
    const badCursor = await api.get<ErrorBody>('/api/v1/cases?after=nonsense', apiKeyHeader(keyB));
    expect(badCursor.body.error.issues?.[0]?.path).toBe('after');
  });

  it('keeps institutions apart: another institution’s private case is a 404, and scopes are checked', async () => {
    const id = (await create(caseInputJson({ externalId: 'own-1', accessLevel: 'private' }))).body.id;
    const other = await api.get<ErrorBody>(`/api/v1/cases/${id}`, apiKeyHeader(keyB));
    expect([other.status, other.body.error.code]).toEqual([404, ErrorCode.CASE_NOT_FOUND]);
    expect((await api.patch(`/api/v1/cases/${id}`, { sex: 'male' }, apiKeyHeader(keyB))).status).toBe(404);
    expect((await api.delete(`/api/v1/cases/${id}`, apiKeyHeader(keyB))).status).toBe(404);
    const fairId = (await create(caseInputJson({ externalId: 'own-2', accessLevel: 'fair' }))).body.id;
    const fairOther = await api.get<ErrorBody>(`/api/v1/cases/${fairId}`, apiKeyHeader(keyB));
    expect([fairOther.status, fairOther.body.error.code]).toEqual([403, ErrorCode.FORBIDDEN]);
    const readOnly = await create(caseInputJson({ externalId: 'ro-1' }), readOnlyA);
    expect([readOnly.status, (readOnly.body as unknown as ErrorBody).error.code]).toEqual([403, ErrorCode.INSUFFICIENT_SCOPE]);
    expect((await api.get('/api/v1/cases')).status).toBe(401);
    expect((await api.get(`/api/v1/cases/${randomUUID()}`, apiKeyHeader(keyA))).status).toBe(404);
  });

  it('lets a clinician with a JWT create cases of their institution and become responsible', async () => {
    const token = await h.token('dr-jwt', [Role.Clinician], { institutionId: 'inst-c' });
    const created = await api.post<CaseModel>('/api/v1/cases', caseInputJson({ externalId: 'jwt-1', accessLevel: 'private' }), bearer(token));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ institutionId: 'inst-c', responsibleClinicians: ['dr-jwt'] });
    expect(await registrationsOf(created.body.id)).toEqual([{ caseId: created.body.id, institutionId: 'inst-c', clinicians: ['dr-jwt'] }]);
    expect((await api.get(`/api/v1/cases/${created.body.id}`, bearer(token))).status).toBe(200);
    const registered = await h.token('someone', [Role.Registered]);
    expect((await api.get(`/api/v1/cases/${created.body.id}`, bearer(registered))).status).toBe(404);
    expect((await api.post('/api/v1/cases', caseInputJson({ externalId: 'jwt-2' }), bearer(registered))).status).toBe(403);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for the same key and body, refuses the key with another body', async () => {
      const key = randomUUID();
      const body = caseInputJson({ externalId: 'idem-1' });
      const first = await create(body, keyA, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const second = await create(reordered, keyA, { 'idempotency-key': key });
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      const other = await create({ ...body, sex: 'male' }, keyA, { 'idempotency-key': key });
      expect(other.status).toBe(httpStatusForCode(ErrorCode.IDEMPOTENCY_KEY_REUSED));
      expect((other.body as unknown as ErrorBody).error.code).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      // Keys are per caller: the same key of another institution is a new request.
      expect((await create(body, keyB, { 'idempotency-key': key })).status).toBe(201);
    });

    it('creates exactly one case when many retries with one key arrive at once', async () => {
      const key = randomUUID();
      const body = caseInputJson({ externalId: 'idem-concurrent' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => create(body, keyA, { 'idempotency-key': key })));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const rows = await h.dataSource.query('SELECT COUNT(*) AS n FROM cases WHERE external_id = ?', ['idem-concurrent']);
      expect(Number(rows[0].n)).toBe(1);
    });

    it('creates one case for concurrent creations of one external id without keys', async () => {
      const body = caseInputJson({ externalId: 'race-1' });
      const answers = await Promise.all(Array.from({ length: 5 }, () => create(body)));
      expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    });

    it('stores nothing for a failed first request and refuses malformed keys', async () => {
      const key = randomUUID();
      expect((await create({ externalId: '' }, keyA, { 'idempotency-key': key })).status).toBe(422);
      expect((await create(caseInputJson({ externalId: 'idem-after-fail' }), keyA, { 'idempotency-key': key })).status).toBe(201);
      const bad = await create(caseInputJson(), keyA, { 'idempotency-key': 'x'.repeat(201) });
      expect([bad.status, (bad.body as unknown as ErrorBody).error.code]).toEqual([400, ErrorCode.BAD_REQUEST]);
    });
  });
});
