import { setTimeout as sleep } from 'node:timers/promises';
import { CaseAccessLevel, EventName, QueueName } from '@gmdb/domain';
import { messageEnvelope } from '@gmdb/domain/testing';
import { Inbox } from '@gmdb/platform';
import { CaseEntity } from '../cases/entities/case.entity';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';

describe('consent.changed on the case queue (real app, in-process queue, MariaDB)', () => {
  let h: CaseServiceHarness;

  beforeAll(async () => {
    h = await startCaseServiceHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  const caseRow = (id: string) => h.dataSource.getRepository(CaseEntity).findOneByOrFail({ id });
  const processed = (messageId: string) => new Inbox(h.dataSource, 'case-service').hasProcessed(messageId);

  type ConsentChange = { caseId: string; consentId: string; version: number; accessLevel: 'private' | 'fair' | 'withdrawn'; steward?: string; stewardInstitution?: string };

  /** Delivers consent.changed; the steward is the seeded cases' clinician (dr-a) unless given (null: none). */
  async function deliver(id: string, change: Omit<ConsentChange, 'steward'> & { steward?: string | null }) {
    const { steward = 'dr-a', ...rest } = change;
    const payload: ConsentChange = steward === null ? rest : { ...rest, steward };
    await h.transport.publish(QueueName.Case, messageEnvelope({ name: EventName.ConsentChanged, payload }, { id }));
    for (let i = 0; i < 200 && !(await processed(id)); i += 1) await sleep(25);
    expect(await processed(id)).toBe(true);
  }

  it('sets the access level once, even when the message arrives twice', async () => {
    const caseId = await h.seedCase({ accessLevel: CaseAccessLevel.Private });
    await deliver('consent-msg-1', { caseId, consentId: 'k1', version: 1, accessLevel: 'fair' });
    const after = await caseRow(caseId);
    expect([after.accessLevel, after.consentId, after.consentVersion, after.revision]).toEqual(['fair', 'k1', 1, 2]);
    await deliver('consent-msg-1', { caseId, consentId: 'k1', version: 1, accessLevel: 'fair' });
    expect((await caseRow(caseId)).revision).toBe(2);
  });

  it('ignores an older or equal version of the same consent, applies a newer one', async () => {
    const caseId = await h.seedCase({ accessLevel: CaseAccessLevel.Private });
    await deliver('consent-msg-2', { caseId, consentId: 'k2', version: 3, accessLevel: 'withdrawn' });
    await deliver('consent-msg-3', { caseId, consentId: 'k2', version: 2, accessLevel: 'fair' });
    await deliver('consent-msg-4', { caseId, consentId: 'k2', version: 3, accessLevel: 'fair' });
    expect((await caseRow(caseId)).accessLevel).toBe('withdrawn');
    await deliver('consent-msg-5', { caseId, consentId: 'k2', version: 4, accessLevel: 'private' });
    expect([(await caseRow(caseId)).accessLevel, (await caseRow(caseId)).consentVersion]).toEqual(['private', 4]);
  });

  it("opens a case wider only for a steward among its responsible clinicians; narrowing always applies", async () => {
    const caseId = await h.seedCase({ accessLevel: CaseAccessLevel.Private, clinicians: ['dr-a', 'dr-b'] });
    await deliver('consent-msg-s1', { caseId, consentId: 'ks', version: 1, accessLevel: 'fair', steward: 'dr-intruder' });
    expect([(await caseRow(caseId)).accessLevel, (await caseRow(caseId)).consentId]).toEqual(['private', null]);
    await deliver('consent-msg-s2', { caseId, consentId: 'ks', version: 2, accessLevel: 'fair', steward: null });
    expect((await caseRow(caseId)).accessLevel).toBe('private');
    await deliver('consent-msg-s3', { caseId, consentId: 'ks', version: 3, accessLevel: 'fair', steward: 'dr-b' });
    expect((await caseRow(caseId)).accessLevel).toBe('fair');
    // A withdrawal applies whoever stewards it.
    await deliver('consent-msg-s4', { caseId, consentId: 'ks', version: 4, accessLevel: 'withdrawn', steward: 'dr-intruder' });
    expect((await caseRow(caseId)).accessLevel).toBe('withdrawn');
    await deliver('consent-msg-s5', { caseId, consentId: 'ks', version: 5, accessLevel: 'private', steward: 'dr-intruder' });
    expect((await caseRow(caseId)).accessLevel).toBe('withdrawn');
  });

  it('opens a case without clinician members (pushed with an API key) only for a steward of its institution', async () => {
    const caseId = await h.seedCase({ accessLevel: CaseAccessLevel.Private, clinicians: [], institutionId: 'inst-his' });
    await deliver('consent-msg-s6', { caseId, consentId: 'kn', version: 1, accessLevel: 'fair', steward: 'dr-elsewhere', stewardInstitution: 'inst-other' });
    expect((await caseRow(caseId)).accessLevel).toBe('private');
    await deliver('consent-msg-s7', { caseId, consentId: 'kn', version: 2, accessLevel: 'fair', steward: 'dr-his' });
    expect((await caseRow(caseId)).accessLevel).toBe('private');
    await deliver('consent-msg-s8', { caseId, consentId: 'kn', version: 3, accessLevel: 'fair', steward: 'dr-his', stewardInstitution: 'inst-his' });
    expect((await caseRow(caseId)).accessLevel).toBe('fair');
  });

  it('ignores a consent of an unknown case without failing the message', async () => {
    await deliver('consent-msg-6', { caseId: 'no-such-case', consentId: 'k3', version: 1, accessLevel: 'fair' });
  });

  it('announces the new access level to the gallery (case.gallery-changed) once per change', async () => {
    const caseId = await h.seedCase({ accessLevel: CaseAccessLevel.Private });
    await deliver('consent-msg-7', { caseId, consentId: 'k4', version: 1, accessLevel: 'fair' });
    await deliver('consent-msg-7', { caseId, consentId: 'k4', version: 1, accessLevel: 'fair' });
    const rows: { payload: string }[] = await h.dataSource.query('SELECT payload FROM outbox_messages WHERE name = ?', [
      EventName.CaseGalleryChanged,
    ]);
    const mine = rows.map((r) => JSON.parse(r.payload) as { caseId: string; accessLevel: string }).filter((p) => p.caseId === caseId);
    expect(mine).toEqual([expect.objectContaining({ caseId, accessLevel: 'fair' })]);
  });
});
