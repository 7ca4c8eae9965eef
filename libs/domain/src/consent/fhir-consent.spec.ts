import { IssueCode } from '../validation';
import { consentRecordFactory } from './consent-record.factory';
import { FHIR_SYSTEMS } from './fhir-consent.codes';
import { toFhirConsent } from './fhir-consent.mapper';
import { validateFhirConsent } from './fhir-consent.validator';

const issuesOf = (input: unknown) => {
  const r = validateFhirConsent(input);
  return r.ok ? [] : r.issues.map((i) => [i.path, i.code]);
};
const nestedTypes = (resource: ReturnType<typeof toFhirConsent>) =>
  Object.fromEntries((resource.provision.provision ?? []).map((p) => [p.code?.[0].coding[0].code, p.type]));

describe('FHIR R4 Consent export', () => {
  it('exports an active FAIR consent with a permit per granted choice', () => {
    const fhir = toFhirConsent(consentRecordFactory(), { source: { contentType: 'image/png', title: 'Drawn signature' } });
    expect(issuesOf(fhir)).toEqual([]);
    expect(fhir.status).toBe('active');
    expect(fhir.scope.coding[0]).toMatchObject({ system: FHIR_SYSTEMS.consentScope, code: 'research' });
    expect(fhir.category[0].coding[0]).toMatchObject({ system: 'http://loinc.org', code: '59284-0' });
    expect(fhir.patient.reference).toBe('Patient/case-1');
    expect(fhir.policy[0].uri).toBe('https://db.gestaltmatcher.org/consent/templates/1/en');
    expect(fhir.provision.type).toBe('permit');
    expect(nestedTypes(fhir)).toEqual({
      'ai-training': 'permit',
      'fair-sharing': 'permit',
      presentations: 'permit',
      teaching: 'deny',
      'other-journals': 'deny',
      'matchmaking-contact': 'permit',
    });
  });

  it('exports AI-training-only, withdrawn (inactive, closed period) and refused consents', () => {
    const aiOnly = toFhirConsent(consentRecordFactory({ choices: { ...consentRecordFactory().choices, dataUse: 'ai-training-only' } }));
    expect(nestedTypes(aiOnly)['fair-sharing']).toBe('deny');
    expect(nestedTypes(aiOnly)['ai-training']).toBe('permit');
    const withdrawn = toFhirConsent(consentRecordFactory({ state: 'withdrawn', version: 3, withdrawnAt: '2026-03-01T00:00:00.000Z' }));
    expect(withdrawn.status).toBe('inactive');
    expect(withdrawn.provision).toMatchObject({ type: 'deny', period: { start: '2026-01-31T12:00:00.000Z', end: '2026-03-01T00:00:00.000Z' } });
    expect(Object.values(nestedTypes(withdrawn))).toEqual(Array(6).fill('deny'));
    const rejected = toFhirConsent(consentRecordFactory({ state: 'rejected', method: 'paper', hasScan: true }));
    expect(rejected.status).toBe('rejected');
    expect(rejected.verification?.[0].verified).toBe(true);
    for (const resource of [aiOnly, withdrawn, rejected]) expect(issuesOf(resource)).toEqual([]);
  });

  it('names missing required elements and wrong code systems', () => {
    const fhir = toFhirConsent(consentRecordFactory()) as unknown as Record<string, unknown>;
    const { status: _s, patient: _p, category: _c, ...rest } = fhir;
    expect(issuesOf(rest)).toEqual([
      ['status', IssueCode.REQUIRED],
      ['category', IssueCode.REQUIRED],
      ['patient', IssueCode.REQUIRED],
    ]);
    const provision = fhir['provision'] as { action: { coding: { system: string; code: string }[] }[]; period: object; code: unknown[] };
    expect(
      issuesOf({
        ...fhir,
        status: 'unknown',
        decision: 'permit',
        scope: { coding: [{ system: 'http://example.org/scope', code: 'research' }] },
        provision: { ...provision, type: 'maybe', action: [{ coding: [{ system: FHIR_SYSTEMS.consentAction, code: 'sell' }] }], period: { start: '2026-02-01', end: '2026-01-01' }, code: [], provision: [] },
        policy: [],
      }),
    ).toEqual([
      ['decision', IssueCode.UNKNOWN_FIELD],
      ['status', IssueCode.UNKNOWN_VALUE],
      ['scope.coding[0].system', IssueCode.UNKNOWN_VALUE],
      ['policy', IssueCode.REQUIRED],
      ['provision.type', IssueCode.UNKNOWN_VALUE],
      ['provision.period', IssueCode.CONFLICT],
      ['provision.action[0].coding[0].code', IssueCode.UNKNOWN_VALUE],
      ['provision.code', IssueCode.REQUIRED],
    ]);
  });
});
