import { Injectable } from '@nestjs/common';
import { type CaseResource, DataKind, DomainError, ErrorCode, type Principal, decideAccess } from '@gmdb/domain';
import { CaseAccessService, caseNotFound } from '../cases/case-access.service';
import { assertCanEdit } from '../cases/case-write.policy';

function denied(principal: Principal): DomainError {
  return principal.kind === 'anonymous'
    ? new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required')
    : new DomainError(ErrorCode.FORBIDDEN, 'You may not access this resource');
}

/**
 * Access to a case's photos and documents, through THE policy (`decideAccess` on the case's
 * facts from CaseAccessService): photos are part of the case record (DataKind.CaseRecord),
 * documents are DataKind.CaseDocuments. A hidden denial answers exactly like a missing item.
 * Writes (adding, deleting) follow the cases part's edit rule (`assertCanEdit`).
 */
@Injectable()
export class CaseMediaAccess {
  constructor(private readonly cases: CaseAccessService) {}

  /** Throws `notFound` (missing or hidden case) or 401/403 unless `principal` may read `kind` of the case. */
  async assertRead(principal: Principal, kind: DataKind, caseId: string, notFound: () => DomainError): Promise<CaseResource> {
    const resource = await this.cases.resourceOf(caseId);
    if (!resource) throw notFound();
    const decision = decideAccess(principal, kind, resource);
    if (decision.allowed) return resource;
    throw decision.hide ? notFound() : denied(principal);
  }

  /** Throws CASE_NOT_FOUND (missing or hidden) or 401/403 unless `principal` may change the case. */
  async assertWrite(principal: Principal, caseId: string): Promise<CaseResource> {
    const resource = await this.cases.resourceOf(caseId);
    if (!resource) throw caseNotFound();
    assertCanEdit(principal, resource);
    return resource;
  }
}
