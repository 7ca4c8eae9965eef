import { type ConsentTestApp, ROUTED, clinicianToken, consentClient, startConsentTestApp } from '../testing/consent-test-app';
import { ConsentCaseEntity } from '../entities/consent-case.entity';

/**
 * Two clinicians invite for the same case at the same instant, before consent-service has any
 * record of it: both transactions lock the missing head and insert it, and MariaDB deadlocks one
 * of them (or a unique key refuses it). The loser must be run again and then refused like any
 * second clinician, never answered with a 500.
 */
describe('consent-service: racing first invitations for one case', () => {
  let t: ConsentTestApp;
  let client: ReturnType<typeof consentClient>;

  beforeAll(async () => {
    t = await startConsentTestApp({ routes: ROUTED });
    client = consentClient(t.url);
  });
  afterAll(() => t?.close());

  const invite = (caseId: string, token: string) =>
    client.graphql('mutation($i: InviteToConsentInput!) { inviteToConsent(input: $i) { invitation { id } } }', { i: { caseId, language: 'en' } }, token);

  it('two clinicians: one becomes responsible, the other is refused with CONSENT_NOT_FOUND, in every round', async () => {
    // Both may claim: the cases were pushed by their hospital's system (no clinician member).
    const [a, b] = [await clinicianToken(t.tokens, 'dr-race-a'), await clinicianToken(t.tokens, 'dr-race-b')];
    for (let round = 0; round < 12; round++) {
      const caseId = `case-race-${round}`;
      await t.registerCase(caseId, { institutionId: 'uni-bonn', clinicians: [] });
      const answers = await Promise.all([invite(caseId, a), invite(caseId, b)]);
      const codes = answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK').sort();
      expect(codes).toEqual(['CONSENT_NOT_FOUND', 'OK']);
      const head = await t.db.dataSource.getRepository(ConsentCaseEntity).findOneByOrFail({ caseId });
      const winner = answers[0].errors ? 'dr-race-b' : 'dr-race-a';
      expect(head.responsibleClinician).toBe(winner);
    }
  });

  it('one clinician twice at once: both invitations are made, for one case head', async () => {
    const a = await clinicianToken(t.tokens, 'dr-race-c');
    for (let round = 0; round < 6; round++) {
      const caseId = `case-race-same-${round}`;
      await t.registerCase(caseId, { clinicians: ['dr-race-c'] });
      const answers = await Promise.all([invite(caseId, a), invite(caseId, a)]);
      expect(answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK')).toEqual(['OK', 'OK']);
      expect(await t.db.dataSource.getRepository(ConsentCaseEntity).countBy({ caseId })).toBe(1);
    }
  });
});
