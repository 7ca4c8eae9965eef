import { Injectable } from '@nestjs/common';
import { type ConsentAction, type ConsentPermission, DomainError, ErrorCode, type Principal, Role, consentPermission } from '@gmdb/domain';
import type { EntityManager } from 'typeorm';
import type { ConsentCaseEntity } from '../entities/consent-case.entity';
import { CaseRegistrationRepository } from '../registrations/case-registration.repository';
import { ConsentRepository } from '../repositories/consent.repository';

/**
 * Every consent read and write asks here: loads what consent-service knows about the case and
 * runs the one access rule (libs/domain `consentPermission`). Hidden denials look like a case
 * without consent (CONSENT_NOT_FOUND); a patient asking about another case gets FORBIDDEN.
 */
@Injectable()
export class ConsentAccessService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly registrations: CaseRegistrationRepository,
  ) {}

  /**
   * The case head (null for a case without records: only invite and record-paper pass then, for
   * a clinician case-service registered as responsible for the case).
   */
  async authorize(principal: Principal, action: ConsentAction, caseId: string, manager?: EntityManager, lock = false): Promise<ConsentCaseEntity | null> {
    const head = await this.consents.findCase(caseId, manager, lock);
    const claims = !head && (action === 'invite' || action === 'record-paper');
    const registration = claims ? await this.registrations.find(caseId, manager) : undefined;
    const permission = consentPermission(principal, action, { caseId, responsibleClinician: head?.responsibleClinician, registration });
    if (permission === 'not-found' && claims) {
      // One answer whether the case is unknown or someone else's: a private case stays unseen.
      throw new DomainError(
        ErrorCode.CASE_NOT_FOUND,
        'No case with this id whose consent you may start (its responsible clinicians may, or for a case pushed by a hospital system its clinicians; a new case is known here a moment after it was created)',
      );
    }
    this.refuseUnless(permission, principal, caseId);
    return head;
  }

  /** Throws unless the principal may do `action` on a case with this head. */
  check(principal: Principal, action: ConsentAction, caseId: string, head: ConsentCaseEntity | null): void {
    this.refuseUnless(consentPermission(principal, action, { caseId, responsibleClinician: head?.responsibleClinician }), principal, caseId);
  }

  private refuseUnless(permission: ConsentPermission, principal: Principal, caseId: string): void {
    if (permission === 'allow') return;
    if (permission === 'forbidden') {
      const otherCase = principal.kind === 'user' && principal.roles.includes(Role.Patient) && !(principal.caseIds ?? []).includes(caseId);
      throw new DomainError(ErrorCode.FORBIDDEN, otherCase ? 'This account is bound to another case' : 'You may not do this with this case\u2019s consent');
    }
    throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'No consent for this case');
  }

  /** Whether the principal may; for fields that answer null instead of an error. */
  allows(principal: Principal, action: ConsentAction, caseId: string, head: ConsentCaseEntity | null): boolean {
    return consentPermission(principal, action, { caseId, responsibleClinician: head?.responsibleClinician }) === 'allow';
  }
}
