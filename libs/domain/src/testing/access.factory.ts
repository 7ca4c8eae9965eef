import { CaseAccessLevel, CaseResource, Principal, Role } from '../access';

export function caseResource(overrides: Partial<CaseResource> = {}): CaseResource {
  return {
    caseId: 'case-1',
    accessLevel: CaseAccessLevel.Fair,
    institutionId: 'inst-A',
    responsibleClinicians: ['dr-resp'],
    patients: ['pat-own'],
    releaseIds: [],
    ...overrides,
  };
}

/** A signed-in user with the given roles. */
export function userPrincipal(subject: string, roles: Role[] = [Role.Registered], extra: { institutionId?: string; caseIds?: string[] } = {}): Principal {
  return { kind: 'user', subject, roles, ...extra };
}

export function institutionPrincipal(institutionId = 'inst-A', scopes: string[] = ['cases:write']): Principal {
  return { kind: 'institution', institutionId, keyId: `key-${institutionId}`, scopes };
}

export function researcherPrincipal(releaseIds: string[] = ['rel-1']): Principal {
  return { kind: 'researcher-token', subject: 'researcher-1', tokenId: 'token-1', scopes: ['releases:read'], releaseIds };
}
