import { Injectable } from '@nestjs/common';
import { type ConsentAction, DomainError, ErrorCode, type Principal, Role, consentPermission } from '@gmdb/domain';
import type { EntityManager } from 'typeorm';
import type { ConsentCaseEntity } from '../entities/consent-case.entity';
import { ConsentRepository } from '../repositories/consent.repository';

/**
 * Every consent read and write asks here: loads what consent-service knows about the case and
 * runs the one access rule (libs/domain `consentPermission`). Hidden denials look like a case
 * without consent (CONSENT_NOT_FOUND); a patient asking about another case gets FORBIDDEN.
 */
@Injectable()
export class ConsentAccessService {
  constructor(private readonly consents: ConsentRepository) {}

  /** The case head (null for a case without records: only invite and record-paper pass then). */
  async authorize(principal: Principal, action: ConsentAction, caseId: string, manager?: EntityManager, lock = false): Promise<ConsentCaseEntity | null> {
    const head = await this.consents.findCase(caseId, manager, lock);
    this.check(principal, action, caseId, head);
    return head;
  }

  /** Throws unless the principal may do `action` on a case with this head. */
  check(principal: Principal, action: ConsentAction, caseId: string, head: ConsentCaseEntity | null): void {
    const permission = consentPermission(principal, action, { caseId, responsibleClinician: head?.responsibleClinician });
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
