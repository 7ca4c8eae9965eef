import { CaseAccessLevel } from '../access';
import { DomainError, ErrorCode } from '../errors';
import { ConsentRecord, ConsentState } from './consent-record.types';

/** A consent that rests on a complete signature: typed name, relation, time, and the drawn image or the paper scan. */
export function isValidlySigned(consent: ConsentRecord): boolean {
  const signer = consent.signer;
  if (!signer || signer.name.trim() === '' || !signer.relation || !signer.signedAt) return false;
  return consent.method === 'online' ? consent.hasSignatureImage : consent.hasScan;
}

/**
 * The case access level a consent allows. `fair` only with a valid signed consent choosing FAIR
 * sharing; AI-training-only is `private`; withdrawn or refused is `withdrawn`; a case without a
 * (valid) consent is never FAIR.
 */
export function accessLevelFor(consent: ConsentRecord | undefined): CaseAccessLevel {
  if (!consent) return CaseAccessLevel.Private;
  if (consent.state === 'withdrawn' || consent.state === 'rejected') return CaseAccessLevel.Withdrawn;
  if (consent.choices.dataUse === 'fair' && isValidlySigned(consent)) return CaseAccessLevel.Fair;
  return CaseAccessLevel.Private;
}

/** The state a newly signed consent starts in. */
export function stateAfterSigning(dataUse: ConsentRecord['choices']['dataUse']): ConsentState {
  return dataUse === 'declined' ? 'rejected' : 'active';
}

/** Whether a state ends every use of the data (erasure follows). */
export function endsDataUse(state: ConsentState): boolean {
  return state === 'withdrawn' || state === 'rejected';
}

/** A change of choices needs an active current consent. Throws the error the caller gets otherwise. */
export function assertChangeable(current: ConsentRecord | undefined): ConsentRecord {
  if (!current) throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'This case has no consent to change');
  if (current.state === 'withdrawn') {
    throw new DomainError(ErrorCode.CONSENT_ALREADY_WITHDRAWN, 'The consent was withdrawn; a new consent needs a new invitation');
  }
  if (current.state === 'rejected') {
    throw new DomainError(ErrorCode.CONFLICT, 'The consent was refused; a new consent needs a new invitation');
  }
  return current;
}

export type WithdrawalDecision = { kind: 'withdraw'; current: ConsentRecord } | { kind: 'already-ended'; current: ConsentRecord };

/**
 * Withdrawal is idempotent: an active consent gets a new `withdrawn` version; one that is
 * already withdrawn or refused is answered as it is (no new version, no second erasure).
 */
export function decideWithdrawal(current: ConsentRecord | undefined): WithdrawalDecision {
  if (!current) throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'This case has no consent to withdraw');
  return endsDataUse(current.state) ? { kind: 'already-ended', current } : { kind: 'withdraw', current };
}

/** When the photos of a withdrawn case are erased: the withdrawal time plus the grace period. */
export function erasureDueAt(withdrawnAt: Date, graceHours: number): Date {
  return new Date(withdrawnAt.getTime() + graceHours * 3600_000);
}
