import { CaseAccessLevel, Role } from '@gmdb/domain';
import { caseInputJson } from '@gmdb/domain/testing';
import { OpaqueCredentialService } from '@gmdb/platform';
import { type CaseServiceHarness, startCaseServiceHarness } from '../../images/testing/case-service.harness';
import type { CaseModel } from '../models/case.model';
import { graphql } from '../testing/graphql-client';
import { apiKeyHeader, bearer, httpClient } from '../testing/http-client';

const GALLERY = `query($filter: GalleryFilter, $first: Int, $after: String) {
  gallery(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id externalId accessLevel genes { symbol } diagnoses { disorderId disorder { id } } images { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Gallery = { gallery: { edges: { node: { externalId: string; accessLevel: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('case subgraph: case, gallery, statistics, mutations (real app, MariaDB)', () => {
  let h: CaseServiceHarness;
  let registered: string;
  let clinician: string;
  let otherClinician: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startCaseServiceHarness();
    const key = (await new OpaqueCredentialService(h.dataSource).create({ kind: 'institution-api-key', ownerId: 'inst-g', scopes: ['cases:read', 'cases:write'] })).token;
    const api = httpClient(h.url, apiKeyHeader(key));
    registered = await h.token('reg-1', [Role.Registered]);
    clinician = await h.token('dr-g', [Role.Clinician], { institutionId: 'inst-g' });
    otherClinician = await h.token('dr-other', [Role.Clinician], { institutionId: 'inst-g' });
    const seeds: [string, Record<string, unknown>][] = [
      ['fair-cdls-f', { accessLevel: 'fair' }],
      ['fair-kbg-m', { accessLevel: 'fair', sex: 'male', ancestry: [{ group: 'east-asian' }], ageAtLastExamination: 'P12Y', diagnoses: [{ disorderId: 'OMIM:148050', label: 'KBG syndrome' }], genes: [{ symbol: 'ANKRD11', hgncId: 'HGNC:21316' }], variants: [], solved: true }],
      ['fair-cdls-m', { accessLevel: 'fair', sex: 'male', ageAtLastExamination: 'P2Y' }],
      ['private-cdls', { accessLevel: 'private' }],
    ];
    for (const [externalId, overrides] of seeds) {
      ids[externalId] = (await api.post<CaseModel>('/api/v1/cases', caseInputJson({ externalId, ...overrides }))).body.id;
    }
    const mine = await httpClient(h.url, bearer(clinician)).post<CaseModel>('/api/v1/cases', caseInputJson({ externalId: 'private-mine', accessLevel: 'private' }));
    ids['private-mine'] = mine.body.id;
    ids['withdrawn'] = await h.seedCase({ accessLevel: CaseAccessLevel.Withdrawn, institutionId: 'inst-g', clinicians: ['dr-g'] });
    ids['patient-own'] = await h.seedCase({ accessLevel: CaseAccessLevel.Private, institutionId: 'inst-g', clinicians: [], patients: ['pat-1'] });
  });

  afterAll(async () => {
    await h?.close();
  });

  const caseQuery = (id: string, token: string) => graphql<{ case: { id: string } | null }>(h.url, 'query($id: ID!) { case(id: $id) { id } }', { id }, bearer(token));

  it('shows a FAIR case to registered users and hides private and withdrawn ones as null', async () => {
    expect((await caseQuery(ids['fair-cdls-f'] ?? '', registered)).data?.case?.id).toBe(ids['fair-cdls-f']);
    expect((await caseQuery(ids['private-cdls'] ?? '', registered)).data).toEqual({ case: null });
    expect((await caseQuery(ids['withdrawn'] ?? '', registered)).data).toEqual({ case: null });
    expect((await caseQuery(ids['withdrawn'] ?? '', clinician)).data).toEqual({ case: null });
  });

  it('shows a private case to its responsible clinician and its patient only', async () => {
    expect((await caseQuery(ids['private-mine'] ?? '', clinician)).data?.case?.id).toBe(ids['private-mine']);
    expect((await caseQuery(ids['private-mine'] ?? '', otherClinician)).data).toEqual({ case: null });
    const patient = await h.token('pat-1', [Role.Patient]);
    expect((await caseQuery(ids['patient-own'] ?? '', patient)).data?.case?.id).toBe(ids['patient-own']);
    expect((await caseQuery(ids['private-mine'] ?? '', patient)).data).toEqual({ case: null });
  });

  it('lists only what the policy allows in the gallery, with filters and cursor pagination', async () => {
    const all = await graphql<Gallery>(h.url, GALLERY, { first: 50 }, bearer(registered));
    expect(all.errors).toBeUndefined();
    expect(all.data?.gallery.edges.map((e) => e.node.externalId).sort()).toEqual(['fair-cdls-f', 'fair-cdls-m', 'fair-kbg-m']);
    const own = await graphql<Gallery>(h.url, GALLERY, { first: 50 }, bearer(clinician));
    expect(own.data?.gallery.edges.map((e) => e.node.externalId).sort()).toEqual(['fair-cdls-f', 'fair-cdls-m', 'fair-kbg-m', 'private-mine']);

    const filtered = async (filter: Record<string, unknown>) =>
      (await graphql<Gallery>(h.url, GALLERY, { filter, first: 50 }, bearer(registered))).data?.gallery.edges.map((e) => e.node.externalId).sort();
    expect(await filtered({ geneSymbol: 'ANKRD11' })).toEqual(['fair-kbg-m']);
    expect(await filtered({ disorderId: 'OMIM:122470' })).toEqual(['fair-cdls-f', 'fair-cdls-m']);
    expect(await filtered({ sex: 'male' })).toEqual(['fair-cdls-m', 'fair-kbg-m']);
    expect(await filtered({ ancestry: 'east-asian' })).toEqual(['fair-kbg-m']);
    expect(await filtered({ ageMin: 3, ageMax: 12 })).toEqual(['fair-cdls-f', 'fair-kbg-m']);
    expect(await filtered({ modality: 'portrait' })).toEqual([]);

    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const page: Gallery | null | undefined = (await graphql<Gallery>(h.url, GALLERY, { first: 2, after }, bearer(registered))).data;
      seen.push(...(page?.gallery.edges.map((e) => e.node.externalId) ?? []));
      after = page?.gallery.pageInfo.hasNextPage ? page.gallery.pageInfo.endCursor : null;
      if (!after) break;
    }
    expect(seen.sort()).toEqual(['fair-cdls-f', 'fair-cdls-m', 'fair-kbg-m']);

    const bad = await graphql(h.url, GALLERY, { first: 500, filter: { sex: 'robot' } }, bearer(registered));
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(bad.errors?.[0]?.extensions?.issues?.map((i) => i.path).sort()).toEqual(['sex']);
    const anonymous = await graphql(h.url, GALLERY, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers public statistics over FAIR cases only', async () => {
    const stats = await graphql<{ statistics: Record<string, unknown> }>(h.url, '{ statistics { patients images disorders genes byAncestry { group patients } } }');
    expect(stats.data?.statistics).toEqual({
      patients: 3,
      images: 0,
      disorders: 2,
      genes: 2,
      byAncestry: [
        { group: 'east-asian', patients: 1 },
        { group: 'european', patients: 2 },
      ],
    });
  });

  it('lets a clinician create and update a case; validation errors carry paths; registered users may not', async () => {
    const create = `mutation($input: CaseInput!) { createCase(input: $input) { created case { id accessLevel responsibleClinicians sex } } }`;
    const input = { externalId: 'gql-1', sex: 'female', source: { kind: 'patient' }, genes: [{ symbol: 'NIPBL', hgncId: 'HGNC:28862' }] };
    const created = await graphql<{ createCase: { created: boolean; case: { id: string; accessLevel: string; responsibleClinicians: string[] } } }>(h.url, create, { input }, bearer(clinician));
    expect(created.errors).toBeUndefined();
    expect(created.data?.createCase).toMatchObject({ created: true, case: { accessLevel: 'private', responsibleClinicians: ['dr-g'] } });
    const id = created.data?.createCase.case.id;

    const update = `mutation($id: ID!, $patch: CasePatchInput!) { updateCase(id: $id, patch: $patch) { id sex distinctiveness } }`;
    const updated = await graphql<{ updateCase: { sex: string } }>(h.url, update, { id, patch: { sex: 'male', distinctiveness: null } }, bearer(clinician));
    expect(updated.data?.updateCase).toEqual({ id, sex: 'male', distinctiveness: null });

    const invalid = await graphql(h.url, update, { id, patch: { sex: 'robot', genes: [{ symbol: 'x', hgncId: 'y' }] } }, bearer(clinician));
    expect(invalid.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(invalid.errors?.[0]?.extensions?.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['sex', 'genes[0].hgncId']));

    const hidden = await graphql(h.url, update, { id, patch: { sex: 'female' } }, bearer(otherClinician));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('CASE_NOT_FOUND');
    const refused = await graphql(h.url, create, { input: { ...input, externalId: 'gql-2' } }, bearer(registered));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves Case, Disorder and Gene references through the policy (federation _entities)', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { id } ... on Disorder { id label } ... on Gene { symbol hgncId } } }`;
    const reps = [
      { __typename: 'Case', id: ids['fair-kbg-m'] },
      { __typename: 'Case', id: ids['private-cdls'] },
      { __typename: 'Disorder', id: 'OMIM:148050' },
      { __typename: 'Gene', symbol: 'ANKRD11' },
    ];
    const answer = await graphql<{ _entities: unknown[] }>(h.url, query, { reps }, bearer(registered));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([
      { id: ids['fair-kbg-m'] },
      null,
      { id: 'OMIM:148050', label: 'KBG syndrome' },
      { symbol: 'ANKRD11', hgncId: 'HGNC:21316' },
    ]);
  });
});
