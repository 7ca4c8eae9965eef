import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ConsentChoices,
  type ConsentLanguage,
  type ConsentRecord,
  type SignatureImage,
  type SignerRelation,
  accessLevelFor,
  endsDataUse,
} from '@gmdb/domain';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../audit/audit-trail.service';
import { AuditTrail } from '../audit/audit-trail.service';
import type { AuditActor } from '../audit/audit-actor';
import type { ConsentCaseEntity } from '../entities/consent-case.entity';
import { ConsentVersionEntity } from '../entities/consent-version.entity';
import { ErasurePlanner } from '../erasure/erasure.planner';
import { ConsentRepository } from '../repositories/consent.repository';
import { toConsentRecord } from './consent-record.mapper';
import { ConsentEvents } from './consent-events';

/** One new version, as a signing, paper record, change or withdrawal describes it. */
export interface NewConsentVersion {
  state: ConsentRecord['state'];
  kind: ConsentRecord['kind'];
  method: ConsentRecord['method'];
  templateVersion: string;
  language: ConsentLanguage;
  choices: ConsentChoices;
  signer?: { name: string; relation: SignerRelation; signedAt: Date };
  signature?: SignatureImage;
  scan?: { key: string; contentType: string; sha256: string; size: number };
  effectiveFrom: Date;
  withdrawnAt?: Date;
  withdrawalReason?: string;
  recordedBy: string;
  invitationId?: string;
  /** A pre-chosen id (a paper consent's scan is stored under it before the row is written). */
  id?: string;
}

const AUDIT_ACTION: Record<ConsentRecord['kind'], AuditAction> = {
  signed: 'consent.signed',
  paper: 'consent.paper-recorded',
  changed: 'consent.changed',
  withdrawn: 'consent.withdrawn',
};

/**
 * Appends a version to a case's consent, in the caller's transaction (the case head row locked):
 * the row and its signature, the new head, `consent.changed` in the outbox, an erasure scheduled
 * when the version ends data use (or cancelled when a new valid consent replaces a withdrawal),
 * and the audit record. Nothing is ever overwritten.
 */
@Injectable()
export class ConsentVersionWriter {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly events: ConsentEvents,
    private readonly erasures: ErasurePlanner,
    private readonly audit: AuditTrail,
  ) {}

  async append(manager: EntityManager, head: ConsentCaseEntity, input: NewConsentVersion, actor: AuditActor): Promise<ConsentVersionEntity> {
    const now = new Date();
    const entity = Object.assign(new ConsentVersionEntity(), {
      id: input.id ?? randomUUID(),
      caseId: head.caseId,
      seriesId: head.seriesId,
      version: head.currentVersion + 1,
      state: input.state,
      kind: input.kind,
      method: input.method,
      templateVersion: input.templateVersion,
      language: input.language,
      choices: JSON.stringify(input.choices),
      signerName: input.signer?.name ?? null,
      signerRelation: input.signer?.relation ?? null,
      signedAt: input.signer?.signedAt ?? null,
      hasSignatureImage: input.signature !== undefined,
      scanKey: input.scan?.key ?? null,
      scanContentType: input.scan?.contentType ?? null,
      scanSha256: input.scan?.sha256 ?? null,
      scanSize: input.scan?.size ?? null,
      effectiveFrom: input.effectiveFrom,
      withdrawnAt: input.withdrawnAt ?? null,
      withdrawalReason: input.withdrawalReason ?? null,
      accessLevel: 'private',
      responsibleClinician: head.responsibleClinician,
      institutionId: head.institutionId,
      recordedBy: input.recordedBy,
      invitationId: input.invitationId ?? null,
      announcedAt: null,
      createdAt: now,
    } satisfies ConsentVersionEntity);
    entity.accessLevel = accessLevelFor(toConsentRecord(entity));
    await this.consents.insertVersion(manager, entity);
    if (input.signature) {
      const png = Buffer.from(input.signature.bytes);
      await this.consents.insertSignature(manager, {
        consentId: entity.id,
        png,
        sha256: createHash('sha256').update(png).digest('hex'),
        width: input.signature.width,
        height: input.signature.height,
      });
    }
    await this.consents.updateCaseHead(manager, head.caseId, { currentConsentId: entity.id, currentVersion: entity.version, updatedAt: now });
    head.currentConsentId = entity.id;
    head.currentVersion = entity.version;
    await this.audit.record(manager, {
      caseId: head.caseId,
      consentId: entity.id,
      action: AUDIT_ACTION[input.kind],
      actor,
      details: { version: entity.version, state: entity.state, accessLevel: entity.accessLevel, dataUse: input.choices.dataUse },
    });
    if (endsDataUse(input.state)) await this.erasures.schedule(manager, entity, actor);
    else await this.erasures.cancelPending(manager, head.caseId, entity.id, actor);
    await this.events.announce(manager, entity);
    return entity;
  }
}
