import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@gmdb/domain';
import { caseInputJson } from '@gmdb/domain/testing';
import { OpaqueCredentialService } from '@gmdb/platform';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import type { CaseModel } from './models/case.model';
import { type ErrorBody, apiKeyHeader, httpClient } from './testing/http-client';

type Issue = { path: string; code: string };

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('hostile JSON bodies on /api/v1/cases: always 4xx with a code, never 500', () => {
  let h: CaseServiceHarness;
  let api: ReturnType<typeof httpClient>;
  let caseId: string;

  beforeAll(async () => {
    h = await startCaseServiceHarness();
    const key = (await new OpaqueCredentialService(h.dataSource).create({ kind: 'institution-api-key', ownerId: 'inst-h', scopes: ['cases:read', 'cases:write'] })).token;
    api = httpClient(h.url, apiKeyHeader(key));
    caseId = (await api.post<CaseModel>('/api/v1/cases', caseInputJson({ externalId: 'hostile-base' }))).body.id;
  });

  afterAll(async () => {
    await h?.close();
  });

  const post = (body: unknown, headers?: Record<string, string>) => api.post<ErrorBody>('/api/v1/cases', body, headers);
  const issues = (b: ErrorBody): [string, string][] => (b.error.issues ?? []).map((i: Issue) => [i.path, i.code]);

  it.each([
    ['wrong types', caseInputJson({ sex: 5, genes: 'NIPBL', solved: 'yes', diagnoses: [1] }), [
      ['sex', 'INVALID_TYPE'],
      ['diagnoses[0]', 'INVALID_TYPE'],
      ['genes', 'INVALID_TYPE'],
      ['solved', 'INVALID_TYPE'],
    ]],
    ['unknown fields at any depth', caseInputJson({ nickname: 'Bob', source: { kind: 'patient', secret: 1 } }), [
      ['source.secret', 'UNKNOWN_FIELD'],
      ['nickname', 'UNKNOWN_FIELD'],
    ]],
    ['invalid identifiers', caseInputJson({
      diagnoses: [{ disorderId: 'OMIM:12' }],
      phenotypes: [{ hpoId: 'HP:12' }],
      variants: [{ gene: 'NIPBL', hgvs: 'NM_133433.4:c.1234A>', testMethod: 'exome', zygosity: 'GENO:0000135' }],
      source: { kind: 'literature', doi: 'not-a-doi', correspondingAuthor: { name: 'A', orcid: '0000-0002-1825-0098' } },
    }), [
      ['source.doi', 'INVALID_FORMAT'],
      ['source.correspondingAuthor.orcid', 'CHECKSUM_MISMATCH'],
      ['diagnoses[0].disorderId', 'INVALID_FORMAT'],
      ['variants[0].hgvs', 'HGVS_SYNTAX'],
      ['phenotypes[0].hpoId', 'INVALID_FORMAT'],
    ]],
  ])('%s -> 422 with every path', async (_name, body, expected) => {
    const answer = await post(body);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(issues(answer.body)).toEqual(expect.arrayContaining(expected));
  });

  it('refuses a huge string by its length and a body over the limit with 413', async () => {
    const long = await post(caseInputJson({ externalId: 'x'.repeat(100_000) }));
    expect([long.status, issues(long.body)]).toEqual([422, [['externalId', 'OUT_OF_RANGE']]]);
    const huge = await post(caseInputJson({ externalId: 'x'.repeat(2_000_000) }));
    expect([huge.status, huge.body.error.code]).toEqual([413, ErrorCode.PAYLOAD_TOO_LARGE]);
  });

  it('refuses deeply nested objects, with and without an Idempotency-Key', async () => {
    const deep = `{"externalId":"deep","sex":"female","source":{"kind":"patient"},"extra":${nested(5000)}}`;
    const plain = await post(deep);
    expect([plain.status, issues(plain.body)]).toEqual([422, [['extra', 'UNKNOWN_FIELD']]]);
    const keyed = await post(deep, { 'idempotency-key': randomUUID() });
    expect(keyed.status).toBeGreaterThanOrEqual(400);
    expect(keyed.status).toBeLessThan(500);
    expect(keyed.body.error.code).toMatch(/^(BAD_REQUEST|VALIDATION_FAILED)$/);
  });

  it('treats __proto__ and constructor keys as unknown fields and pollutes nothing', async () => {
    const body = `{"externalId":"proto","sex":"female","source":{"kind":"patient","__proto__":{"polluted":true}},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`;
    for (const headers of [undefined, { 'idempotency-key': randomUUID() }]) {
      const answer = await post(body, headers);
      expect(answer.status).toBe(422);
      expect(issues(answer.body)).toEqual(
        expect.arrayContaining([
          ['source.__proto__', 'UNKNOWN_FIELD'],
          ['__proto__', 'UNKNOWN_FIELD'],
          ['constructor', 'UNKNOWN_FIELD'],
        ]),
      );
    }
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const patched = await api.patch<ErrorBody>(`/api/v1/cases/${caseId}`, '{"__proto__":{"sex":"male"}}');
    expect([patched.status, issues(patched.body)]).toEqual([422, [['__proto__', 'UNKNOWN_FIELD']]]);
  });

  it.each([
    ['invalid JSON', '{"externalId":', 400, ErrorCode.INVALID_JSON],
    ['an array', '[]', 422, ErrorCode.VALIDATION_FAILED],
    ['a string (strict JSON: objects and arrays only)', '"case"', 400, ErrorCode.INVALID_JSON],
    ['null', 'null', 400, ErrorCode.INVALID_JSON],
  ])('refuses %s as a body', async (_name, body, status, code) => {
    const answer = await post(body);
    expect([answer.status, answer.body.error.code]).toEqual([status, code]);
  });

  it('stores SQL and script injection strings verbatim as data', async () => {
    const evil = `'; DROP TABLE cases; -- <script>alert(1)</script>`;
    const answer = await api.post<CaseModel>('/api/v1/cases', caseInputJson({ externalId: evil, diagnoses: [{ disorderId: 'OMIM:122470', label: evil }] }));
    expect(answer.status).toBe(201);
    expect(answer.body.externalId).toBe(evil);
    expect(answer.body.diagnoses[0]?.label).toBe(evil);
    expect((await api.get(`/api/v1/cases/${answer.body.id}`)).status).toBe(200);
  });

  it('answers odd ids and query strings with 404 / 422', async () => {
    expect((await api.get(`/api/v1/cases/${encodeURIComponent("' OR 1=1 --")}`)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${'x'.repeat(2000)}`)).status).toBe(404);
    const arrayLimit = await api.get<ErrorBody>('/api/v1/cases?limit=1&limit=2');
    expect(arrayLimit.status).toBe(422);
    const unknown = await api.get<ErrorBody>('/api/v1/cases?orderBy=id');
    expect([unknown.status, issues(unknown.body)]).toEqual([422, [['orderBy', 'UNKNOWN_FIELD']]]);
    const badSex = await api.get<ErrorBody>('/api/v1/cases?sex=robot');
    expect([badSex.status, issues(badSex.body)]).toEqual([422, [['sex', 'UNKNOWN_VALUE']]]);
  });
});
