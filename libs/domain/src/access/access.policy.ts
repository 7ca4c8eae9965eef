import { AccessDecision, AccessReason, allow, deny } from './access-decision';
import { ALL_CASE_ACCESS_LEVELS, CaseAccessLevel } from './case-access-level';
import { CaseResource } from './case-resource';
import { DataKind } from './data-kind';
import { Principal, hasRole } from './principal';
import { Role } from './role';

/**
 * THE access policy of GMDB (DESIGN.md, "Who may see what"). Every read path calls it; nothing
 * filters visibility on its own. Pure: it looks only at its arguments.
 *
 * Actors and the choices the design table leaves open:
 * - anonymous: public statistics and the landing data of FAIR cases.
 * - registered user: any user with a professional role (registered, clinician, curator,
 *   board-member, admin, researcher). A patient account alone is not a registered user.
 * - responsible clinician: role `clinician` and listed in `responsibleClinicians` of the case.
 *   Sees the case at any level but withdrawn, its documents, and it among nearest cases.
 * - patient: role `patient` and listed in `patients` of the case (or the case is in the token's
 *   `caseIds`). Sees their own case (FAIR or private), nothing else beyond public data.
 * - approved researcher: a researcher token; sees FAIR cases contained in one of its releases.
 *   Scope checks of the token belong to the guard at the edge, not here.
 * - curator and board-member: registered-user rights only (curation and voting need FAIR data;
 *   private cases stay with their clinician and patient).
 * - admin: registered-user rights, plus erasing withdrawn cases. An admin manages the system
 *   but does NOT see private cases, photos or documents unless also their responsible clinician.
 * - institution API key: hospital systems push cases and must read back what they pushed
 *   (reconciliation after a retried POST), so a key reads the records of its own institution
 *   (FAIR or private); it never reads documents, analyses or other institutions' cases.
 * - withdrawn cases are hidden from everyone (as missing); only erasure is allowed, to admins.
 * - a denial of a private or withdrawn case is `hide: true` (answer as if missing) unless the
 *   caller already knows the case (its patient, its institution); a landing page of a private
 *   case is hidden for everyone.
 */
export function decideAccess(principal: Principal, kind: DataKind, resource?: CaseResource): AccessDecision {
  switch (kind) {
    case DataKind.PublicStatistics:
      return allow(AccessReason.Public);
    case DataKind.AnalysisRanking:
      if (principal.kind === 'anonymous') return deny(AccessReason.NotAuthenticated);
      return isRegistered(principal) ? allow(AccessReason.RegisteredFair) : deny(AccessReason.RoleNotAllowed);
  }
  if (!resource) return deny(AccessReason.NoResource, true);
  const level = resource.accessLevel as CaseAccessLevel;
  // Fail closed on a level this code does not know (a bad row, a newer writer).
  if (!ALL_CASE_ACCESS_LEVELS.includes(level)) return deny(AccessReason.UnknownAccessLevel, true);
  if (kind === DataKind.CaseErasure) {
    if (!hasRole(principal, Role.Admin)) return denyUnrelated(principal, resource, AccessReason.RoleNotAllowed);
    return level === CaseAccessLevel.Withdrawn ? allow(AccessReason.ErasureByAdmin) : deny(AccessReason.NotWithdrawn);
  }
  if (level === CaseAccessLevel.Withdrawn) return deny(AccessReason.Withdrawn, true);
  switch (kind) {
    case DataKind.CaseLanding:
      return level === CaseAccessLevel.Fair ? allow(AccessReason.Public) : deny(AccessReason.NotFair, true);
    case DataKind.CaseRecord:
      return decideRecord(principal, level, resource);
    case DataKind.CaseDocuments:
      if (isResponsibleClinician(principal, resource)) return allow(AccessReason.ResponsibleClinician);
      return denyUnrelated(principal, resource, AccessReason.NotResponsible);
    case DataKind.AnalysisNearestCase:
      if (isResponsibleClinician(principal, resource)) return allow(AccessReason.ResponsibleClinician);
      if (level === CaseAccessLevel.Fair && isRegistered(principal)) return allow(AccessReason.RegisteredFair);
      return denyUnrelated(principal, resource, AccessReason.RoleNotAllowed);
  }
  return deny(AccessReason.RoleNotAllowed, true);
}

function decideRecord(principal: Principal, level: CaseAccessLevel, resource: CaseResource): AccessDecision {
  if (isResponsibleClinician(principal, resource)) return allow(AccessReason.ResponsibleClinician);
  if (isOwnPatient(principal, resource)) return allow(AccessReason.OwnCase);
  if (principal.kind === 'institution') {
    return principal.institutionId === resource.institutionId
      ? allow(AccessReason.OwnInstitution)
      : denyUnrelated(principal, resource, AccessReason.OtherInstitution);
  }
  if (level !== CaseAccessLevel.Fair) return deny(AccessReason.NotFair, true);
  if (principal.kind === 'researcher-token') {
    return principal.releaseIds.some((id) => resource.releaseIds.includes(id))
      ? allow(AccessReason.InRelease)
      : deny(AccessReason.NotInRelease);
  }
  if (principal.kind === 'anonymous') return deny(AccessReason.NotAuthenticated);
  return isRegistered(principal) ? allow(AccessReason.RegisteredFair) : deny(AccessReason.RoleNotAllowed);
}

/**
 * A denial. A caller who cannot know that a non-FAIR case exists gets it hidden as missing; one
 * who knows it (its patient, its institution) gets a plain refusal. A withdrawn case is always hidden.
 */
function denyUnrelated(principal: Principal, resource: CaseResource, reason: AccessReason): AccessDecision {
  const level = resource.accessLevel as CaseAccessLevel;
  if (level === CaseAccessLevel.Withdrawn) return deny(AccessReason.Withdrawn, true);
  if (level !== CaseAccessLevel.Fair && !knowsCase(principal, resource)) return deny(AccessReason.NotFair, true);
  return deny(principal.kind === 'anonymous' ? AccessReason.NotAuthenticated : reason);
}

function knowsCase(p: Principal, resource: CaseResource): boolean {
  return isOwnPatient(p, resource) || (p.kind === 'institution' && p.institutionId === resource.institutionId);
}

const REGISTERED_ROLES: readonly Role[] = [
  Role.Registered,
  Role.Clinician,
  Role.Curator,
  Role.BoardMember,
  Role.Admin,
  Role.Researcher,
];

function isRegistered(p: Principal): boolean {
  return p.kind === 'user' && p.roles.some((r) => REGISTERED_ROLES.includes(r));
}

function isResponsibleClinician(p: Principal, resource: CaseResource): boolean {
  return p.kind === 'user' && p.roles.includes(Role.Clinician) && resource.responsibleClinicians.includes(p.subject);
}

function isOwnPatient(p: Principal, resource: CaseResource): boolean {
  if (p.kind !== 'user' || !p.roles.includes(Role.Patient)) return false;
  return resource.patients.includes(p.subject) || (p.caseIds ?? []).includes(resource.caseId);
}
