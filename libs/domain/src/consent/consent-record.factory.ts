import { ConsentRecord } from './consent-record.types';

/** A 1x1 PNG, base64: the smallest drawn signature tests use. */
export const TINY_SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A signed, active, FAIR online consent (test records; override what the test is about). */
export function consentRecordFactory(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: 'c0nsent-0001',
    caseId: 'case-1',
    seriesId: 'series-0001',
    version: 1,
    state: 'active',
    method: 'online',
    kind: 'signed',
    templateVersion: '1',
    language: 'en',
    choices: { dataUse: 'fair', presentations: true, teaching: false, otherJournals: false, matchmakingContact: true },
    signer: { name: 'Maria Muster', relation: 'parent', signedAt: '2026-01-31T12:00:00.000Z' },
    hasSignatureImage: true,
    hasScan: false,
    effectiveFrom: '2026-01-31T12:00:00.000Z',
    createdAt: '2026-01-31T12:00:00.000Z',
    responsibleClinician: 'dr-bonn',
    ...overrides,
  };
}
