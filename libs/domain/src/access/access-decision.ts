/** Why the policy allowed or denied; stable strings, safe to log. */
export enum AccessReason {
  // allowed
  Public = 'public',
  RegisteredFair = 'registered-fair',
  ResponsibleClinician = 'responsible-clinician',
  OwnCase = 'own-case',
  InRelease = 'in-release',
  OwnInstitution = 'own-institution',
  ErasureByAdmin = 'erasure-by-admin',
  // denied
  NotAuthenticated = 'not-authenticated',
  RoleNotAllowed = 'role-not-allowed',
  NotFair = 'not-fair',
  Withdrawn = 'withdrawn',
  NotResponsible = 'not-responsible',
  NotInRelease = 'not-in-release',
  OtherInstitution = 'other-institution',
  NotWithdrawn = 'not-withdrawn',
  NoResource = 'no-resource',
  UnknownAccessLevel = 'unknown-access-level',
}

/**
 * The policy's answer. A denial with `hide: true` must look exactly like a missing resource to
 * the caller (404 / null), so that a private or withdrawn case cannot be told from no case;
 * `hide: false` is an ordinary 401/403.
 */
export type AccessDecision =
  | { allowed: true; reason: AccessReason }
  | { allowed: false; reason: AccessReason; hide: boolean };

export function allow(reason: AccessReason): AccessDecision {
  return { allowed: true, reason };
}

export function deny(reason: AccessReason, hide = false): AccessDecision {
  return { allowed: false, reason, hide };
}
