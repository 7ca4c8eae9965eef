import { Injectable } from '@nestjs/common';
import { type CaseResource, DataKind, DomainError, ErrorCode, type Principal, decideAccess } from '@gmdb/domain';
import { CaseRepository } from './case.repository';
import type { CaseEntity } from './entities/case.entity';

/** The facts the access policy needs about a loaded case (members must be loaded). */
export function caseResourceOf(entity: Pick<CaseEntity, 'id' | 'accessLevel' | 'institutionId' | 'members'>): CaseResource {
  const members = entity.members ?? [];
  return {
    caseId: entity.id,
    accessLevel: entity.accessLevel as CaseResource['accessLevel'],
    institutionId: entity.institutionId,
    responsibleClinicians: members.filter((m) => m.role === 'clinician').map((m) => m.subject),
    patients: members.filter((m) => m.role === 'patient').map((m) => m.subject),
    releaseIds: [],
  };
}

/** The error a denied read of a case becomes: hidden denials look exactly like a missing case. */
export function accessDeniedError(principal: Principal, decision: { hide: boolean }): DomainError {
  if (decision.hide) return caseNotFound();
  if (principal.kind === 'anonymous') return new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
  return new DomainError(ErrorCode.FORBIDDEN, 'You may not access this case');
}

export function caseNotFound(): DomainError {
  return new DomainError(ErrorCode.CASE_NOT_FOUND, 'No such case');
}

/**
 * Every read of one case asks here: loads the facts about the case and runs THE access policy
 * (libs/domain `decideAccess`). A missing case and a hidden one give the same CASE_NOT_FOUND.
 */
@Injectable()
export class CaseAccessService {
  constructor(private readonly cases: CaseRepository) {}

  /** The policy's view of a case, or null when there is no such case. */
  async resourceOf(caseId: string): Promise<CaseResource | null> {
    const entity = await this.cases.findAccessFacts(caseId);
    return entity ? caseResourceOf(entity) : null;
  }

  /** Returns the case's resource when `principal` may read `kind` of it; throws 404/401/403 otherwise. */
  async assertCan(principal: Principal, kind: DataKind, caseId: string): Promise<CaseResource> {
    const resource = await this.resourceOf(caseId);
    if (!resource) throw caseNotFound();
    const decision = decideAccess(principal, kind, resource);
    if (!decision.allowed) throw accessDeniedError(principal, decision);
    return resource;
  }

  /** Whether `principal` may read `kind` of the case (false for a missing case). */
  async can(principal: Principal, kind: DataKind, caseId: string): Promise<boolean> {
    const resource = await this.resourceOf(caseId);
    return resource !== null && decideAccess(principal, kind, resource).allowed;
  }
}
