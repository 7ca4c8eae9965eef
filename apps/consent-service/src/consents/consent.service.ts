import { Injectable } from '@nestjs/common';
import {
  type ChangeConsentInput,
  DomainError,
  ErrorCode,
  type Principal,
  type WithdrawConsentInput,
  assertChangeable,
  decideWithdrawal,
} from '@gmdb/domain';
import { ConsentAccessService } from '../access/consent-access.service';
import { type RequestOrigin, actorOf } from '../audit/audit-actor';
import { AuditTrail } from '../audit/audit-trail.service';
import type { ConsentCaseEntity } from '../entities/consent-case.entity';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';
import { ConsentRepository } from '../repositories/consent.repository';
import { toConsentRecord } from './consent-record.mapper';
import { ConsentVersionWriter } from './consent-version.writer';

/** What a withdrawal answered: the current version, and whether this call withdrew it. */
export interface WithdrawalOutcome {
  consent: ConsentVersionEntity;
  withdrawnNow: boolean;
}

/** Reading a case's consent, and the patient's self-service: change choices, withdraw. */
@Injectable()
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly access: ConsentAccessService,
    private readonly writer: ConsentVersionWriter,
    private readonly audit: AuditTrail,
  ) {}

  /** The current version (null before the first); CONSENT_NOT_FOUND / FORBIDDEN when the caller may not read it. */
  async current(principal: Principal, caseId: string): Promise<ConsentVersionEntity | null> {
    await this.access.authorize(principal, 'read', caseId);
    return this.consents.currentVersion(caseId);
  }

  async history(principal: Principal, caseId: string): Promise<ConsentVersionEntity[]> {
    await this.access.authorize(principal, 'read', caseId);
    return this.consents.history(caseId);
  }

  /** One version by id; a version the caller may not read is CONSENT_NOT_FOUND like a missing one. */
  async byId(principal: Principal, consentId: string): Promise<ConsentVersionEntity> {
    const version = await this.consents.findVersion(consentId);
    if (!version) throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'No such consent');
    await this.access.authorize(principal, 'read', version.caseId);
    return version;
  }

  /** For federation fields: the head when the caller may read the case's consent, otherwise null. */
  async readableHead(principal: Principal, caseId: string): Promise<ConsentCaseEntity | null> {
    const head = await this.consents.findCase(caseId);
    return head && this.access.allows(principal, 'read', caseId, head) ? head : null;
  }

  /** The patient changes their choices: a new active version, signed again. */
  async change(principal: Principal, caseId: string, input: ChangeConsentInput, origin: RequestOrigin): Promise<ConsentVersionEntity> {
    return this.consents.transaction(async (manager) => {
      const head = await this.access.authorize(principal, 'change', caseId, manager, true);
      const currentEntity = head ? await this.consents.currentVersion(caseId, manager) : null;
      const current = assertChangeable(currentEntity ? toConsentRecord(currentEntity) : undefined);
      const now = new Date();
      return this.writer.append(
        manager,
        head as ConsentCaseEntity,
        {
          state: 'active',
          kind: 'changed',
          method: 'online',
          templateVersion: current.templateVersion,
          language: current.language,
          choices: input.choices,
          signer: { name: input.signer.name, relation: input.signer.relation, signedAt: now },
          signature: input.signer.signature,
          effectiveFrom: now,
          recordedBy: principal.kind === 'user' ? principal.subject : 'unknown',
        },
        actorOf(principal, origin, caseId),
      );
    });
  }

  /**
   * Withdraws the current consent: a new `withdrawn` version, `consent.changed` (withdrawn) and
   * the photo erasure after the grace period. Idempotent: an already withdrawn (or refused)
   * consent is answered as it is, with no new version and no second erasure.
   */
  async withdraw(principal: Principal, caseId: string, input: WithdrawConsentInput, origin: RequestOrigin): Promise<WithdrawalOutcome> {
    return this.consents.transaction(async (manager) => {
      const head = await this.access.authorize(principal, 'withdraw', caseId, manager, true);
      const currentEntity = head ? await this.consents.currentVersion(caseId, manager) : null;
      const decision = decideWithdrawal(currentEntity ? toConsentRecord(currentEntity) : undefined);
      const actor = actorOf(principal, origin, caseId);
      if (decision.kind === 'already-ended') {
        await this.audit.record(manager, { caseId, consentId: decision.current.id, action: 'consent.withdrawal-repeated', actor });
        return { consent: currentEntity as ConsentVersionEntity, withdrawnNow: false };
      }
      const current = decision.current;
      const now = new Date();
      const consent = await this.writer.append(
        manager,
        head as ConsentCaseEntity,
        {
          state: 'withdrawn',
          kind: 'withdrawn',
          method: current.method,
          templateVersion: current.templateVersion,
          language: current.language,
          choices: current.choices,
          ...(current.signer ? { signer: { ...current.signer, signedAt: new Date(current.signer.signedAt) } } : {}),
          effectiveFrom: new Date(current.effectiveFrom),
          withdrawnAt: now,
          ...(input.reason ? { withdrawalReason: input.reason } : {}),
          recordedBy: principal.kind === 'user' ? principal.subject : 'unknown',
        },
        actor,
      );
      return { consent, withdrawnNow: true };
    });
  }
}
