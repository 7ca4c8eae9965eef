import { randomUUID } from 'node:crypto';
import { CaseAccessLevel, ErrorCode } from '@gmdb/domain';
import { caseInputJson } from '@gmdb/domain/testing';
import { OpaqueCredentialService } from '@gmdb/platform';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import type { CaseModel } from './models/case.model';
import type { CaseLandingModel, PublicStatisticsModel } from './models/public.model';
import { type ErrorBody, apiKeyHeader, httpClient } from './testing/http-client';

describe('public endpoints without login (real app, MariaDB)', () => {
  let h: CaseServiceHarness;
  let anonymous: ReturnType<typeof httpClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startCaseServiceHarness();
    const key = (await new OpaqueCredentialService(h.dataSource).create({ kind: 'institution-api-key', ownerId: 'inst-p', scopes: ['cases:write'] })).token;
    const api = httpClient(h.url, apiKeyHeader(key));
    const seeds: [string, Record<string, unknown>][] = [
      ['fair-1', { accessLevel: 'fair', ancestry: [{ group: 'european' }, { group: 'african' }] }],
      ['fair-2', { accessLevel: 'fair', ancestry: [{ group: 'european' }], diagnoses: [{ disorderId: 'OMIM:148050' }], genes: [{ symbol: 'ANKRD11', hgncId: 'HGNC:21316' }], variants: [] }],
      ['private-1', { accessLevel: 'private', ancestry: [{ group: 'south-asian' }], genes: [{ symbol: 'KMT2D', hgncId: 'HGNC:7133' }], variants: [] }],
    ];
    for (const [externalId, overrides] of seeds) ids[externalId] = (await api.post<CaseModel>('/api/v1/cases', caseInputJson({ externalId, ...overrides }))).body.id;
    ids['withdrawn'] = await h.seedCase({ accessLevel: CaseAccessLevel.Withdrawn });
    anonymous = httpClient(h.url);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('counts FAIR cases only: patients, images, disorders, genes, by ancestry group', async () => {
    const stats = await anonymous.get<PublicStatisticsModel>('/api/v1/public/statistics');
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({
      patients: 2,
      images: 0,
      disorders: 2,
      genes: 2,
      byAncestry: [
        { group: 'african', hancestroId: 'HANCESTRO:0010', label: 'African', patients: 1 },
        { group: 'european', hancestroId: 'HANCESTRO:0005', label: 'European', patients: 2 },
      ],
    });
  });

  it('gives the landing data of a FAIR case and nothing else', async () => {
    const landing = await anonymous.get<CaseLandingModel>(`/api/v1/public/cases/${ids['fair-2']}/landing`);
    expect(landing.status).toBe(200);
    expect(landing.body).toEqual({
      caseId: ids['fair-2'],
      imageCount: 0,
      sex: 'female',
      ancestry: ['european'],
      genes: ['ANKRD11'],
      title: null,
      abstract: null,
      citation: null,
    });
  });

  it('answers private, withdrawn and missing cases with the same 404', async () => {
    const answers = await Promise.all(
      [ids['private-1'], ids['withdrawn'], randomUUID(), 'not-an-id'].map((id) => anonymous.get<ErrorBody>(`/api/v1/public/cases/${id}/landing`)),
    );
    const shapes = answers.map((a) => [a.status, a.body.error.code, a.body.error.message]);
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(shapes[0]).toEqual([404, ErrorCode.CASE_NOT_FOUND, 'No such case']);
  });

  it('ignores credentials on public routes (even a bad one)', async () => {
    expect((await anonymous.get('/api/v1/public/statistics', { authorization: 'Bearer nonsense' })).status).toBe(200);
  });
});
