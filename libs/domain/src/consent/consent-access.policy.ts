import { Principal, Role } from '../access';

/** What a caller wants to do with a case's consent. */
export type ConsentAction = 'read' | 'read-audit' | 'read-scan' | 'invite' | 'record-paper' | 'change' | 'withdraw';

/**
 * The case as consent-service knows it: the responsible clinician (JWT subject) recorded on its
 * first invitation or paper consent; undefined while consent-service has no record of the case.
 */
export interface ConsentCaseHolder {
  caseId: string;
  responsibleClinician?: string;
  /**
   * Who case-service registered as responsible for the case (`case.registered`): needed only
   * while there is no responsible clinician yet; undefined when consent-service has not heard of
   * the case.
   */
  registration?: CaseRegistration;
}

/** A case as case-service announced it: its clinician members (none for a case a hospital system pushed) and its institution. */
export interface CaseRegistration {
  institutionId: string;
  clinicians: readonly string[];
}

/**
 * Whether a clinician may become the consent steward of a case nobody has claimed yet: one of its
 * clinician members, or, for a case without any, a clinician of the case's institution.
 */
export function mayClaimCase(subject: string, institutionId: string | undefined, registration: CaseRegistration | undefined): boolean {
  if (!registration) return false;
  if (registration.clinicians.length > 0) return registration.clinicians.includes(subject);
  return institutionId !== undefined && institutionId === registration.institutionId;
}

/** `not-found` where saying "forbidden" would reveal that the case has consent records. */
export type ConsentPermission = 'allow' | 'forbidden' | 'not-found';

const CLINICIAN_ACTIONS: readonly ConsentAction[] = ['read', 'read-audit', 'read-scan', 'invite', 'record-paper', 'withdraw'];
const ADMIN_ACTIONS: readonly ConsentAction[] = ['read', 'read-audit', 'invite', 'withdraw'];
const PATIENT_ACTIONS: readonly ConsentAction[] = ['read', 'change', 'withdraw'];

function asClinician(subject: string, institutionId: string | undefined, action: ConsentAction, holder: ConsentCaseHolder): ConsentPermission {
  if (holder.responsibleClinician === undefined) {
    // The first invitation or paper consent of a case makes its author the responsible clinician,
    // if case-service registered them as responsible for it.
    const claims = action === 'invite' || action === 'record-paper';
    return claims && mayClaimCase(subject, institutionId, holder.registration) ? 'allow' : 'not-found';
  }
  if (holder.responsibleClinician !== subject) return 'not-found';
  return CLINICIAN_ACTIONS.includes(action) ? 'allow' : 'forbidden';
}

function asPatient(caseIds: readonly string[], action: ConsentAction, holder: ConsentCaseHolder): ConsentPermission {
  if (!caseIds.includes(holder.caseId)) return 'forbidden';
  if (!PATIENT_ACTIONS.includes(action)) return 'forbidden';
  return holder.responsibleClinician === undefined ? 'not-found' : 'allow';
}

function asAdmin(action: ConsentAction, holder: ConsentCaseHolder): ConsentPermission {
  if (!ADMIN_ACTIONS.includes(action)) return 'forbidden';
  return holder.responsibleClinician === undefined ? 'not-found' : 'allow';
}

/**
 * The one access rule of consent-service. Responsible clinician: everything but changing the
 * patient's choices (the scan of a paper form is theirs alone). Patient (the case in the token's
 * case ids): read, change, withdraw. Admin: read, audit, invite, withdraw. A caller with several
 * roles gets the most permissive answer; anyone else gets `not-found`.
 */
export function consentPermission(principal: Principal, action: ConsentAction, holder: ConsentCaseHolder): ConsentPermission {
  if (principal.kind !== 'user') return 'not-found';
  const answers: ConsentPermission[] = [];
  if (principal.roles.includes(Role.Admin)) answers.push(asAdmin(action, holder));
  if (principal.roles.includes(Role.Clinician)) answers.push(asClinician(principal.subject, principal.institutionId, action, holder));
  if (principal.roles.includes(Role.Patient)) answers.push(asPatient(principal.caseIds ?? [], action, holder));
  if (answers.includes('allow')) return 'allow';
  if (answers.includes('forbidden')) return 'forbidden';
  return 'not-found';
}
