import { Role } from '@gmdb/domain';
import { InvitationEntity } from './entities/invitation.entity';
import { type ConsentTestApp, ROUTED, SIGNATURE_PNG, clinicianToken, consentClient, startConsentTestApp } from './testing/consent-test-app';

const choices = { dataUse: 'fair', presentations: false, teaching: false, otherJournals: false, matchmakingContact: false };
const signer = { name: 'Max Muster', relation: 'self', signature: SIGNATURE_PNG };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('consent-service refuses bad input with a 4xx and a code', () => {
  let t: ConsentTestApp;
  let client: ReturnType<typeof consentClient>;
  let clinician: string;

  const invite = async (caseId: string, extra: Record<string, unknown> = {}, token = clinician) =>
    client.graphql('mutation($i: InviteToConsentInput!) { inviteToConsent(input: $i) { token invitation { id } } }', { i: { caseId, language: 'en', ...extra } }, token);
  const tokenOf = (r: Awaited<ReturnType<typeof invite>>) => (r.data?.['inviteToConsent'] as { token: string }).token;
  const upload = async (caseId: string, token: string, file: Buffer, consent: unknown) => {
    const form = new FormData();
    form.append('consent', JSON.stringify(consent));
    form.append('scan', new Blob([new Uint8Array(file)]), 'scan.pdf');
    const response = await fetch(`${t.url}/api/v1/cases/${caseId}/paper-consents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
  };

  beforeAll(async () => {
    t = await startConsentTestApp({ routes: ROUTED });
    client = consentClient(t.url);
    clinician = await clinicianToken(t.tokens);
    for (const id of ['case-bad-1', 'case-bad-2', 'case-bad-3', 'case-bad-4', 'case-bad-5', 'case-bad-6', 'case-paper-1', 'case-paper-2', 'case-paper-3']) await t.registerCase(id);
  });
  afterAll(() => t?.close());

  it('answers forged, malformed, expired and reused invitation tokens', async () => {
    expect((await client.get('/api/v1/invitations/gmdb_ci_' + 'A'.repeat(43))).body.error?.code).toBe('INVITATION_INVALID');
    expect((await client.get('/api/v1/invitations/nonsense')).status).toBe(404);

    const expired = tokenOf(await invite('case-bad-1'));
    await t.db.dataSource.getRepository(InvitationEntity).update({ caseId: 'case-bad-1' }, { expiresAt: new Date(Date.now() - 1000) });
    const gone = await client.post(`/api/v1/invitations/${expired}/sign`, undefined, { choices, signer });
    expect([gone.status, gone.body.error?.code]).toEqual([410, 'INVITATION_EXPIRED']);

    const once = tokenOf(await invite('case-bad-2'));
    expect((await client.post(`/api/v1/invitations/${once}/sign`, undefined, { choices, signer })).status).toBe(201);
    const reused = await client.post(`/api/v1/invitations/${once}/sign`, undefined, { choices, signer });
    expect([reused.status, reused.body.error?.code]).toEqual([409, 'INVITATION_USED']);
    expect((await client.get(`/api/v1/invitations/${once}`)).body.error?.code).toBe('INVITATION_USED');
  });

  it('names every missing part of a signature (422 with paths)', async () => {
    const token = tokenOf(await invite('case-bad-3'));
    const r = await client.post(`/api/v1/invitations/${token}/sign`, undefined, { choices: { ...choices, teaching: 'yes' }, signer: { name: '', signature: 'R0lGODlh' } });
    expect(r.status).toBe(422);
    expect(r.body.error?.issues?.map((i) => [i.path, i.code])).toEqual([
      ['choices.teaching', 'INVALID_TYPE'],
      ['signer.name', 'REQUIRED'],
      ['signer.relation', 'REQUIRED'],
      ['signer.signature', 'INVALID_FORMAT'],
    ]);
    expect((await client.get(`/api/v1/invitations/${token}`)).status).toBe(200);
  });

  it('lets only a clinician case-service registered as responsible start a case\u2019s consent', async () => {
    const paperBody = { templateVersion: '1', language: 'de', choices, signer: { name: 'A B', relation: 'self', signedOn: '2026-11-20' } };
    const notFound = ['CASE_NOT_FOUND'];
    const codeOf = (r: Awaited<ReturnType<typeof invite>>) => r.errors?.map((e) => e.extensions.code) ?? ['OK'];
    // A case case-service never registered: nobody can claim it, not even by a paper consent.
    expect(codeOf(await invite('case-unregistered'))).toEqual(notFound);
    const paper = await upload('case-unregistered', clinician, PDF, paperBody);
    expect([paper.status, paper.body.error?.code]).toEqual([404, 'CASE_NOT_FOUND']);
    // Someone else's case: the same answer, so a private case stays unseen.
    await t.registerCase('case-of-dr-koeln', { institutionId: 'uni-koeln', clinicians: ['dr-koeln'] });
    expect(codeOf(await invite('case-of-dr-koeln'))).toEqual(notFound);
    expect(codeOf(await invite('case-of-dr-koeln', {}, await clinicianToken(t.tokens, 'dr-koeln')))).toEqual(['OK']);
    // A case a hospital system pushed (no clinician member): a clinician of its institution claims it.
    await t.registerCase('case-pushed', { institutionId: 'his-bonn', clinicians: [] });
    expect(codeOf(await invite('case-pushed'))).toEqual(notFound);
    const ofHis = await t.tokens.issue({ subject: 'dr-his', roles: [Role.Clinician], institutionId: 'his-bonn', expiresIn: '1h' });
    expect((await upload('case-pushed', ofHis, PDF, paperBody)).status).toBe(201);
    // Nothing was written for the refused claims.
    expect(await t.db.dataSource.getRepository(InvitationEntity).countBy({ caseId: 'case-unregistered' })).toBe(0);
  });

  it('refuses a template version that does not exist', async () => {
    const r = await invite('case-bad-4', { templateVersion: '7' });
    expect(r.errors?.[0].extensions.code).toBe('CONSENT_TEMPLATE_NOT_FOUND');
    const paper = await upload('case-bad-4', clinician, PDF, { templateVersion: '7', language: 'de', choices, signer: { name: 'A B', relation: 'self', signedOn: '2026-11-20' } });
    expect([paper.status, paper.body.error?.code]).toEqual([404, 'CONSENT_TEMPLATE_NOT_FOUND']);
  });

  it('keeps a patient to their own case and other clinicians out', async () => {
    const token = tokenOf(await invite('case-bad-5'));
    const signed = await client.post(`/api/v1/invitations/${token}/sign`, undefined, { choices, signer });
    const patient = (signed.body['account'] as { token: string }).token;
    await invite('case-bad-6');
    const other = await client.post('/api/v1/consents/case-bad-6/withdraw', patient, {});
    expect([other.status, other.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect((await client.get('/api/v1/cases/case-bad-6/consent', patient)).status).toBe(403);
    expect((await client.get('/api/v1/cases/case-bad-5/consent', patient)).body).toMatchObject({ consent: { version: 1 } });

    const colleague = await clinicianToken(t.tokens, 'dr-elsewhere');
    expect((await client.get('/api/v1/cases/case-bad-5/consent', colleague)).body.error?.code).toBe('CONSENT_NOT_FOUND');
    expect((await invite('case-bad-5', {}, colleague)).errors?.[0].extensions.code).toBe('CONSENT_NOT_FOUND');
    const withdrawn = await client.post('/api/v1/consents/case-bad-5/withdraw', colleague, {});
    expect(withdrawn.status).toBe(404);
    expect((await client.post('/api/v1/consents/case-bad-5/withdraw', undefined, {})).status).toBe(401);
  });

  it('records a paper consent with its scan, visible to the responsible clinician only', async () => {
    const body = { templateVersion: '1', language: 'de', choices, signer: { name: 'Erika Muster', relation: 'legal-guardian', signedOn: '2026-11-20' } };
    const refused = await upload('case-paper-1', clinician, Buffer.from('GIF89a....'), body);
    expect([refused.status, refused.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const r = await upload('case-paper-1', clinician, PDF, body);
    expect(r.status).toBe(201);
    const consent = r.body['consent'] as { id: string };
    expect(r.body['consent']).toMatchObject({ method: 'paper', kind: 'paper', accessLevel: 'fair', hasScan: true, signer: { relation: 'legal-guardian' } });
    const scan = await fetch(`${t.url}/api/v1/consents/${consent.id}/scan`, { headers: { authorization: `Bearer ${clinician}` } });
    expect([scan.status, scan.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await scan.arrayBuffer()).equals(PDF)).toBe(true);
    const admin = await t.tokens.issue({ subject: 'root', roles: [Role.Admin], expiresIn: '5m' });
    expect((await client.get(`/api/v1/consents/${consent.id}/scan`, admin)).status).toBe(403);
    expect((await client.get(`/api/v1/consents/${consent.id}`, admin)).status).toBe(200);
    const bad = await upload('case-paper-2', clinician, PDF, { ...body, signer: { relation: 'uncle' } });
    expect(bad.status).toBe(422);
  });

  it('cancels a pending erasure when a new valid consent arrives within the grace period', async () => {
    const body = { templateVersion: '1', language: 'en', choices, signer: { name: 'Erika Muster', relation: 'parent', signedOn: '2026-11-20' } };
    expect((await upload('case-paper-3', clinician, PDF, body)).status).toBe(201);
    const withdrawn = await client.post('/api/v1/consents/case-paper-3/withdraw', clinician, { reason: 'phoned the clinic' });
    expect(withdrawn.body).toMatchObject({ withdrawnNow: true, erasure: { status: 'scheduled' } });
    const again = await upload('case-paper-3', clinician, PDF, { ...body, choices: { ...choices, dataUse: 'ai-training-only' } });
    expect(again.body['consent']).toMatchObject({ version: 3, state: 'active', accessLevel: 'private' });
    const history = await client.graphql(
      'query($id: ID!) { _entities(representations: [{ __typename: "Case", id: $id }]) { ... on Case { consentHistory { version erasure { status } } } } }',
      { id: 'case-paper-3' },
      clinician,
    );
    expect((history.data?.['_entities'] as { consentHistory: unknown[] }[])[0].consentHistory).toEqual([
      { version: 1, erasure: null },
      { version: 2, erasure: { status: 'CANCELLED' } },
      { version: 3, erasure: null },
    ]);
  });
});
