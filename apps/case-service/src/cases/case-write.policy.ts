import { type CaseResource, DataKind, DomainError, ErrorCode, type Principal, Role, decideAccess, hasRole } from '@gmdb/domain';
import { accessDeniedError } from './case-access.service';

/**
 * Who may change or delete a case: the access policy must let them read it, and they must be
 * its institution (API key), a responsible clinician of it, or a curator. Throws like a read:
 * a case the caller may not see is CASE_NOT_FOUND.
 */
export function assertCanEdit(principal: Principal, resource: CaseResource): void {
  const read = decideAccess(principal, DataKind.CaseRecord, resource);
  if (!read.allowed) throw accessDeniedError(principal, read);
  if (principal.kind === 'institution') return;
  if (principal.kind === 'user') {
    const responsible = hasRole(principal, Role.Clinician) && resource.responsibleClinicians.includes(principal.subject);
    if (responsible || hasRole(principal, Role.Curator)) return;
  }
  throw new DomainError(ErrorCode.FORBIDDEN, 'Only the institution, a responsible clinician or a curator may change this case');
}

/** The institution a new case belongs to: the API key's, or the signed-in user's. */
export function owningInstitution(principal: Principal): string {
  if (principal.kind === 'institution') return principal.institutionId;
  if (principal.kind === 'user' && (hasRole(principal, Role.Clinician) || hasRole(principal, Role.Curator))) {
    if (principal.institutionId) return principal.institutionId;
    throw new DomainError(ErrorCode.FORBIDDEN, 'Your account has no institution; a case belongs to one');
  }
  throw new DomainError(ErrorCode.FORBIDDEN, 'Only institutions, clinicians and curators create cases');
}
