import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ConsentLanguage,
  type ConsentTemplate,
  DomainError,
  ErrorCode,
  type InviteToConsentInput,
  type Principal,
  type SignConsentInput,
  stateAfterSigning,
} from '@gmdb/domain';
import { InjectConfig, isUniqueViolation } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { ConsentAccessService } from '../access/consent-access.service';
import { type RequestOrigin, actorOf, signerActor } from '../audit/audit-actor';
import { AuditTrail } from '../audit/audit-trail.service';
import type { ConsentServiceConfig } from '../config/consent-service.config';
import { ConsentVersionWriter } from '../consents/consent-version.writer';
import { ConsentCaseEntity } from '../entities/consent-case.entity';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';
import { InvitationEntity } from '../entities/invitation.entity';
import { ConsentRepository } from '../repositories/consent.repository';
import { InvitationRepository } from '../repositories/invitation.repository';
import { TemplateService } from '../templates/template.service';
import { hashInvitationToken, isWellFormedInvitationToken, newInvitationToken } from './invitation-token';
import { type PatientAccountToken, PatientAccountIssuer } from './patient-account.issuer';

export interface CreatedInvitation {
  invitation: InvitationEntity;
  /** Shown once; only its hash is stored. */
  token: string;
  link: string;
  /** No mail transport is configured in GMDB yet: the clinician passes the link on. */
  emailSent: boolean;
}

export interface OpenedInvitation {
  invitation: InvitationEntity;
  template: ConsentTemplate;
  languages: ConsentLanguage[];
}

export interface SignedInvitation {
  consent: ConsentVersionEntity;
  account: PatientAccountToken;
}

/** Invitations to sign online: created by the responsible clinician, spent by one signature. */
@Injectable()
export class InvitationService {
  constructor(
    @InjectConfig() private readonly config: ConsentServiceConfig,
    private readonly invitations: InvitationRepository,
    private readonly consents: ConsentRepository,
    private readonly access: ConsentAccessService,
    private readonly templates: TemplateService,
    private readonly writer: ConsentVersionWriter,
    private readonly accounts: PatientAccountIssuer,
    private readonly audit: AuditTrail,
  ) {}

  async invite(principal: Principal, input: InviteToConsentInput, origin: RequestOrigin): Promise<CreatedInvitation> {
    const template = input.templateVersion
      ? await this.templates.get(input.templateVersion, input.language)
      : await this.templates.latest(input.language);
    const token = newInvitationToken();
    const now = new Date();
    const invitation = Object.assign(new InvitationEntity(), {
      id: randomUUID(),
      caseId: input.caseId,
      tokenHash: hashInvitationToken(token),
      language: template.language,
      templateVersion: template.version,
      createdBy: principal.kind === 'user' ? principal.subject : 'unknown',
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.CONSENT_INVITATION_TTL_HOURS * 3600_000),
      usedAt: null,
      consentId: null,
    } satisfies InvitationEntity);
    try {
      await this.consents.transaction(async (manager) => {
        await this.claimCase(manager, principal, input.caseId, 'invite');
        await this.invitations.insert(manager, invitation);
        await this.audit.record(manager, {
          caseId: input.caseId,
          action: 'invitation.created',
          actor: actorOf(principal, origin, input.caseId),
          details: { invitationId: invitation.id, language: invitation.language, templateVersion: invitation.templateVersion, expiresAt: invitation.expiresAt.toISOString(), emailGiven: input.email !== undefined },
        });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError(ErrorCode.CONFLICT, 'Another request changed this case at the same time; try again');
      throw e;
    }
    return { invitation, token, link: `${this.config.CONSENT_SIGNING_URL.replace(/\/+$/, '')}/${token}`, emailSent: false };
  }

  /**
   * The case head for an invitation or a paper consent, locked; created with the caller as the
   * responsible clinician when consent-service has no record of the case yet.
   */
  async claimCase(manager: EntityManager, principal: Principal, caseId: string, action: 'invite' | 'record-paper'): Promise<ConsentCaseEntity> {
    const head = await this.access.authorize(principal, action, caseId, manager, true);
    if (head) return head;
    const now = new Date();
    const created = Object.assign(new ConsentCaseEntity(), {
      caseId,
      seriesId: randomUUID(),
      responsibleClinician: principal.kind === 'user' ? principal.subject : 'unknown',
      institutionId: principal.kind === 'user' ? (principal.institutionId ?? null) : null,
      currentConsentId: null,
      currentVersion: 0,
      createdAt: now,
      updatedAt: now,
    } satisfies ConsentCaseEntity);
    await this.consents.insertCase(manager, created);
    return created;
  }

  /** The invitations of a case, newest first: who may read the audit trail may read these. */
  async listByCase(principal: Principal, caseId: string): Promise<InvitationEntity[]> {
    await this.access.authorize(principal, 'read-audit', caseId);
    return this.invitations.listByCase(caseId);
  }

  /** The form behind a link, in the invitation's language or another translation of its version. */
  async open(token: string, language: ConsentLanguage | undefined, origin: RequestOrigin): Promise<OpenedInvitation> {
    const invitation = await this.usable(token);
    const template = await this.templates.get(invitation.templateVersion, language ?? (invitation.language as ConsentLanguage));
    await this.audit.record(undefined, {
      caseId: invitation.caseId,
      action: 'invitation.opened',
      actor: signerActor(origin, invitation.id),
      details: { invitationId: invitation.id, language: template.language },
    });
    return { invitation, template, languages: await this.templates.languagesOf(invitation.templateVersion) };
  }

  /** Signs: the consent version, the spent invitation and the patient account commit together. */
  async sign(token: string, input: SignConsentInput, origin: RequestOrigin): Promise<SignedInvitation> {
    const invitation = await this.usable(token);
    const template = await this.templates.get(invitation.templateVersion, input.language ?? (invitation.language as ConsentLanguage));
    const consentId = randomUUID();
    const subject = `patient-${randomUUID()}`;
    const actor = signerActor(origin, invitation.id);
    const consent = await this.consents.transaction(async (manager) => {
      const head = await this.consents.findCase(invitation.caseId, manager, true);
      if (!head) throw new DomainError(ErrorCode.INVITATION_INVALID, 'This invitation link is not valid');
      const now = new Date();
      if (!(await this.invitations.markUsed(manager, invitation.id, consentId, now))) {
        throw new DomainError(ErrorCode.INVITATION_USED, 'This invitation link was already used');
      }
      const version = await this.writer.append(
        manager,
        head,
        {
          id: consentId,
          state: stateAfterSigning(input.choices.dataUse),
          kind: 'signed',
          method: 'online',
          templateVersion: template.version,
          language: template.language,
          choices: input.choices,
          signer: { name: input.signer.name, relation: input.signer.relation, signedAt: now },
          signature: input.signer.signature,
          effectiveFrom: now,
          recordedBy: subject,
          invitationId: invitation.id,
        },
        actor,
      );
      await this.invitations.insertPatientAccount(manager, { subject, caseId: invitation.caseId, invitationId: invitation.id, createdAt: now });
      await this.audit.record(manager, { caseId: invitation.caseId, consentId, action: 'patient-account.created', actor, details: { subject } });
      return version;
    });
    return { consent, account: await this.accounts.issue(subject, invitation.caseId) };
  }

  /** The invitation a token stands for, if it can still be used. */
  private async usable(token: string): Promise<InvitationEntity> {
    const invitation = isWellFormedInvitationToken(token) ? await this.invitations.findByTokenHash(hashInvitationToken(token)) : null;
    if (!invitation) throw new DomainError(ErrorCode.INVITATION_INVALID, 'This invitation link is not valid');
    if (invitation.usedAt) throw new DomainError(ErrorCode.INVITATION_USED, 'This invitation link was already used');
    if (new Date(invitation.expiresAt).getTime() <= Date.now()) {
      throw new DomainError(ErrorCode.INVITATION_EXPIRED, 'This invitation link has expired; ask your doctor for a new one');
    }
    return invitation;
  }
}
