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
}

/** `not-found` where saying "forbidden" would reveal that the case has consent records. */
export type ConsentPermission = 'allow' | 'forbidden' | 'not-found';

const CLINICIAN_ACTIONS: readonly ConsentAction[] = ['read', 'read-audit', 'read-scan', 'invite', 'record-paper', 'withdraw'];
const ADMIN_ACTIONS: readonly ConsentAction[] = ['read', 'read-audit', 'invite', 'withdraw'];
const PATIENT_ACTIONS: readonly ConsentAction[] = ['read', 'change', 'withdraw'];

function asClinician(subject: string, action: ConsentAction, holder: ConsentCaseHolder): ConsentPermission {
  if (holder.responsibleClinician === undefined) {
    // The first invitation or paper consent of a case makes its author the responsible clinician.
    return action === 'invite' || action === 'record-paper' ? 'allow' : 'not-found';
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
  if (principal.roles.includes(Role.Clinician)) answers.push(asClinician(principal.subject, action, holder));
  if (principal.roles.includes(Role.Patient)) answers.push(asPatient(principal.caseIds ?? [], action, holder));
  if (answers.includes('allow')) return 'allow';
  if (answers.includes('forbidden')) return 'forbidden';
  return 'not-found';
}
