import { EventName, type MessageEnvelope, QueueName, Role, validateFhirConsent } from '@gmdb/domain';
import { OutboxMessageEntity } from '@gmdb/platform';
import { ConsentErasureEntity } from './entities/consent-erasure.entity';
import { ConsentSweep } from './erasure/consent.sweep';
import { type ConsentTestApp, ROUTED, SIGNATURE_PNG, clinicianToken, consentClient, startConsentTestApp } from './testing/consent-test-app';

const CASE = 'case-flow-1';
const choices = { dataUse: 'fair', presentations: true, teaching: true, otherJournals: false, matchmakingContact: true };
const signer = { name: 'Maria Muster', relation: 'parent', signature: `data:image/png;base64,${SIGNATURE_PNG}` };
const HISTORY = `query($id: ID!) { _entities(representations: [{ __typename: "Case", id: $id }]) {
  ... on Case { id consent { version state accessLevel } consentHistory { version state kind accessLevel choices { dataUse } erasure { status dueAt } } } } }`;

describe('consent flow: invite, sign, change, withdraw (MariaDB, BullMQ, outbox routed to case-service)', () => {
  let t: ConsentTestApp;
  let client: ReturnType<typeof consentClient>;
  let clinician: string;
  let patient: string;
  const consentIds: string[] = [];
  let seriesId = '';
  const received: { envelope: MessageEnvelope; at: number }[] = [];
  const outboxRows = () => t.db.dataSource.getRepository(OutboxMessageEntity).find({ order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await startConsentTestApp({ routes: ROUTED });
    client = consentClient(t.url);
    clinician = await clinicianToken(t.tokens);
    await t.registerCase(CASE);
    // Stands in for case-service's consumer: records when each message reached its queue's worker.
    await t.transport.consume(QueueName.Case, async (envelope) => void received.push({ envelope, at: Date.now() }), { concurrency: 1 });
  });
  afterAll(() => t?.close());

  it('serves the published templates in both languages', async () => {
    const r = await client.graphql('{ consentTemplates { version language choices { key exclusiveGroup } } }');
    expect(r.data?.['consentTemplates']).toEqual([
      expect.objectContaining({ version: '1', language: 'de' }),
      expect.objectContaining({ version: '1', language: 'en' }),
    ]);
    const unknown = await client.graphql('{ consentTemplate(version: "9", language: en) { title } }');
    expect(unknown.errors?.[0].extensions.code).toBe('CONSENT_TEMPLATE_NOT_FOUND');
  });

  it('invite -> open -> sign: version 1 is FAIR, consent.changed fair is in the outbox and published', async () => {
    const invited = await client.graphql(
      'mutation($input: InviteToConsentInput!) { inviteToConsent(input: $input) { token link emailSent invitation { caseId language templateVersion expiresAt } } }',
      { input: { caseId: CASE, language: 'de', email: 'eltern@example.org' } },
      clinician,
    );
    const link = invited.data?.['inviteToConsent'] as { token: string; link: string; emailSent: boolean; invitation: { expiresAt: string } };
    expect(link.link).toBe(`${t.config.CONSENT_SIGNING_URL}/${link.token}`);
    expect(link.emailSent).toBe(false);
    expect(Date.parse(link.invitation.expiresAt) - Date.now()).toBeGreaterThan(167 * 3600_000);

    const form = await client.get(`/api/v1/invitations/${link.token}?language=en`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ invitation: { language: 'de', templateVersion: '1' }, languages: ['de', 'en'], template: { language: 'en' } });

    const signed = await client.post(`/api/v1/invitations/${link.token}/sign`, undefined, { language: 'de', choices, signer });
    expect(signed.status).toBe(201);
    const consent = signed.body['consent'] as { id: string; seriesId: string; version: number; state: string; accessLevel: string; language: string };
    seriesId = consent.seriesId;
    expect(consent).toMatchObject({ version: 1, state: 'active', accessLevel: 'fair', language: 'de' });
    consentIds.push(consent.id);
    const account = signed.body['account'] as { token: string; caseIds: string[]; provisioning: string };
    expect(account).toMatchObject({ caseIds: [CASE], provisioning: 'jwt' });
    patient = account.token;

    const rows = await outboxRows();
    expect(rows.map((r) => [r.name, JSON.parse(r.payload)])).toEqual([
      [EventName.ConsentChanged, { caseId: CASE, consentId: seriesId, version: 1, accessLevel: 'fair', steward: 'dr-bonn', stewardInstitution: 'uni-bonn' }],
    ]);
    await waitFor(() => received.length === 1);
    expect(received[0].envelope.payload).toMatchObject({ version: 1, accessLevel: 'fair' });
  });

  it('the patient changes to AI-training-only: version 2, private', async () => {
    const changed = await client.graphql(
      'mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { id version state accessLevel choices { dataUse } } }',
      { input: { caseId: CASE, choices: { ...choices, dataUse: 'AI_TRAINING_ONLY' }, signer: { ...signer, relation: 'PARENT' } } },
      patient,
    );
    expect(changed.errors).toBeUndefined();
    const consent = changed.data?.['changeConsent'] as { id: string };
    expect(consent).toMatchObject({ version: 2, state: 'ACTIVE', accessLevel: 'PRIVATE', choices: { dataUse: 'AI_TRAINING_ONLY' } });
    consentIds.push(consent.id);
    await waitFor(() => received.length === 2);
    expect(received[1].envelope.payload).toMatchObject({ version: 2, accessLevel: 'private' });
  });

  it('withdraws: version 3 withdrawn, erasure scheduled after the grace period; a second withdrawal changes nothing', async () => {
    const before = Date.now();
    const first = await client.post(`/api/v1/consents/${CASE}/withdraw`, patient, { reason: 'changed our mind' });
    const answeredAt = Date.now();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ withdrawnNow: true, consent: { version: 3, state: 'withdrawn', accessLevel: 'withdrawn' }, erasure: { status: 'scheduled' } });
    const consent = first.body['consent'] as { id: string };
    consentIds.push(consent.id);
    const dueAt = Date.parse((first.body['erasure'] as { dueAt: string }).dueAt);
    expect(dueAt - before).toBeGreaterThanOrEqual(720 * 3600_000 - 1000);
    expect(dueAt - answeredAt).toBeLessThanOrEqual(720 * 3600_000 + 1000);

    const published = await waitFor(async () => (await outboxRows()).find((r) => JSON.parse(r.payload).version === 3 && r.publishedAt !== null));
    await waitFor(() => received.length === 3);
    const toPublished = new Date(published.publishedAt as Date).getTime() - before;
    const toConsumer = received[2].at - before;
    process.stdout.write(`withdrawal: HTTP answer ${answeredAt - before} ms, outbox row published ${toPublished} ms, on the case queue's consumer ${toConsumer} ms after the call\n`);
    expect(received[2].envelope.payload).toEqual({ caseId: CASE, consentId: seriesId, version: 3, accessLevel: 'withdrawn', steward: 'dr-bonn', stewardInstitution: 'uni-bonn' });

    const second = await client.post(`/api/v1/consents/${CASE}/withdraw`, patient, {});
    expect(second.body).toMatchObject({ withdrawnNow: false, consent: { id: consent.id, version: 3 } });
    expect(await t.db.dataSource.getRepository(ConsentErasureEntity).countBy({ caseId: CASE })).toBe(1);
    expect((await outboxRows()).filter((r) => r.name === EventName.ConsentChanged)).toHaveLength(3);

    const change = await client.post(`/api/v1/consents/${CASE}/change`, patient, { choices, signer });
    expect([change.status, change.body.error?.code]).toEqual([409, 'CONSENT_ALREADY_WITHDRAWN']);
  });

  it('keeps every version (federated Case.consentHistory) and each FHIR export is a valid R4 Consent', async () => {
    const r = await client.graphql(HISTORY, { id: CASE }, clinician);
    expect(r.errors).toBeUndefined();
    const entity = (r.data?.['_entities'] as Record<string, unknown>[])[0];
    expect(entity['consent']).toEqual({ version: 3, state: 'WITHDRAWN', accessLevel: 'WITHDRAWN' });
    expect((entity['consentHistory'] as Record<string, unknown>[]).map((v) => [v['version'], v['state'], v['kind'], v['accessLevel']])).toEqual([
      [1, 'ACTIVE', 'SIGNED', 'FAIR'],
      [2, 'ACTIVE', 'CHANGED', 'PRIVATE'],
      [3, 'WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN'],
    ]);
    const stranger = await t.tokens.issue({ subject: 'someone', roles: [Role.Registered], expiresIn: '5m' });
    const hidden = await client.graphql(HISTORY, { id: CASE }, stranger);
    expect((hidden.data?.['_entities'] as Record<string, unknown>[])[0]).toMatchObject({ consent: null, consentHistory: [] });

    const exported: unknown[] = [];
    for (const id of consentIds) {
      const fhir = await client.get(`/api/v1/consents/${id}/fhir`, clinician);
      expect(fhir.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      expect(validateFhirConsent(fhir.body)).toMatchObject({ ok: true });
      exported.push([fhir.body['id'], (fhir.body['meta'] as { versionId: string }).versionId, fhir.body['status']]);
    }
    expect(exported).toEqual([
      [seriesId, '1', 'active'],
      [seriesId, '2', 'active'],
      [seriesId, '3', 'inactive'],
    ]);
    const current = await client.get(`/api/v1/cases/${CASE}/consent/fhir`, patient);
    expect(current.body).toMatchObject({ id: seriesId, meta: { versionId: '3' }, status: 'inactive', provision: { type: 'deny' } });
  });

  it('keeps an append-only audit trail for the clinician (not the patient)', async () => {
    const r = await client.graphql('query($c: ID!) { consentAudit(caseId: $c) { action actorKind ip correlationId } }', { c: CASE }, clinician);
    const actions = (r.data?.['consentAudit'] as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['invitation.created', 'invitation.opened', 'consent.signed', 'patient-account.created', 'consent.changed', 'consent.withdrawn', 'erasure.scheduled', 'consent.withdrawal-repeated', 'consent.fhir-exported']),
    );
    const denied = await client.graphql('query($c: ID!) { consentAudit(caseId: $c) { action } }', { c: CASE }, patient);
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('queues erase-case-photos through the outbox once the erasure is due', async () => {
    const sweep = t.app.app.get(ConsentSweep, { strict: false });
    expect(await sweep.runOnce(new Date())).toEqual({ announced: 0, erasuresQueued: 0 });
    expect(await sweep.runOnce(new Date(Date.now() + 721 * 3600_000))).toEqual({ announced: 0, erasuresQueued: 1 });
    const erasure = await t.db.dataSource.getRepository(ConsentErasureEntity).findOneByOrFail({ caseId: CASE });
    expect(erasure.status).toBe('queued');
    await waitFor(() => received.some((m) => m.envelope.name === 'erase-case-photos'));
    expect(received.find((m) => m.envelope.name === 'erase-case-photos')?.envelope.payload).toEqual({ caseId: CASE, consentId: seriesId });
  });
});

async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
