import { CaseAccessLevel } from '../access';
import { ErrorCode } from '../errors';
import { consentRecordFactory } from './consent-record.factory';
import { accessLevelFor, assertChangeable, decideWithdrawal, erasureDueAt, isValidlySigned, stateAfterSigning } from './consent-state';

describe('consent state and access level', () => {
  it('is FAIR only for a valid signed consent choosing FAIR sharing', () => {
    expect(accessLevelFor(consentRecordFactory())).toBe(CaseAccessLevel.Fair);
    const unsigned = consentRecordFactory({ hasSignatureImage: false });
    expect(isValidlySigned(unsigned)).toBe(false);
    expect(accessLevelFor(unsigned)).toBe(CaseAccessLevel.Private);
    expect(accessLevelFor(consentRecordFactory({ signer: undefined }))).toBe(CaseAccessLevel.Private);
    expect(accessLevelFor(consentRecordFactory({ method: 'paper', hasSignatureImage: false, hasScan: true }))).toBe(CaseAccessLevel.Fair);
    expect(accessLevelFor(consentRecordFactory({ method: 'paper', hasScan: false }))).toBe(CaseAccessLevel.Private);
  });

  it('maps AI-training-only to private, withdrawn and refused to withdrawn, none to private', () => {
    const aiOnly = consentRecordFactory({ choices: { ...consentRecordFactory().choices, dataUse: 'ai-training-only' } });
    expect(accessLevelFor(aiOnly)).toBe(CaseAccessLevel.Private);
    expect(accessLevelFor(consentRecordFactory({ state: 'withdrawn' }))).toBe(CaseAccessLevel.Withdrawn);
    expect(accessLevelFor(consentRecordFactory({ state: 'rejected' }))).toBe(CaseAccessLevel.Withdrawn);
    expect(accessLevelFor(undefined)).toBe(CaseAccessLevel.Private);
    expect(stateAfterSigning('declined')).toBe('rejected');
    expect(stateAfterSigning('fair')).toBe('active');
  });

  it('allows changes of an active consent only', () => {
    expect(() => assertChangeable(undefined)).toThrow(expect.objectContaining({ code: ErrorCode.CONSENT_NOT_FOUND }));
    expect(() => assertChangeable(consentRecordFactory({ state: 'withdrawn' }))).toThrow(
      expect.objectContaining({ code: ErrorCode.CONSENT_ALREADY_WITHDRAWN }),
    );
    expect(() => assertChangeable(consentRecordFactory({ state: 'rejected' }))).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT }));
    expect(assertChangeable(consentRecordFactory()).version).toBe(1);
  });

  it('makes withdrawal idempotent and computes the erasure due time', () => {
    expect(decideWithdrawal(consentRecordFactory()).kind).toBe('withdraw');
    expect(decideWithdrawal(consentRecordFactory({ state: 'withdrawn' })).kind).toBe('already-ended');
    expect(decideWithdrawal(consentRecordFactory({ state: 'rejected' })).kind).toBe('already-ended');
    expect(() => decideWithdrawal(undefined)).toThrow(expect.objectContaining({ code: ErrorCode.CONSENT_NOT_FOUND }));
    expect(erasureDueAt(new Date('2026-01-01T00:00:00Z'), 720).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
});
