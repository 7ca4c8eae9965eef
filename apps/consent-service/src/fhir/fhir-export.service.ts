import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type FhirAttachment, type FhirConsent, type Principal, toFhirConsent } from '@gmdb/domain';
import { ConsentAccessService } from '../access/consent-access.service';
import { type RequestOrigin, actorOf } from '../audit/audit-actor';
import { AuditTrail } from '../audit/audit-trail.service';
import { toConsentRecord } from '../consents/consent-record.mapper';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';
import { ConsentRepository } from '../repositories/consent.repository';

/** Consent versions as HL7 FHIR R4 Consent resources, for hospital systems to keep. */
@Injectable()
export class FhirExportService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly access: ConsentAccessService,
    private readonly audit: AuditTrail,
  ) {}

  async byId(principal: Principal, consentId: string, origin: RequestOrigin): Promise<FhirConsent> {
    const version = await this.consents.findVersion(consentId);
    if (!version) throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'No such consent');
    await this.access.authorize(principal, 'read', version.caseId);
    return this.export(principal, version, origin);
  }

  async currentOfCase(principal: Principal, caseId: string, origin: RequestOrigin): Promise<FhirConsent> {
    await this.access.authorize(principal, 'read', caseId);
    const version = await this.consents.currentVersion(caseId);
    if (!version) throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'This case has no consent yet');
    return this.export(principal, version, origin);
  }

  private async export(principal: Principal, version: ConsentVersionEntity, origin: RequestOrigin): Promise<FhirConsent> {
    const resource = toFhirConsent(toConsentRecord(version), { source: await this.sourceOf(version) });
    await this.audit.record(undefined, {
      caseId: version.caseId,
      consentId: version.id,
      action: 'consent.fhir-exported',
      actor: actorOf(principal, origin, version.caseId),
    });
    return resource;
  }

  /** The signed form as an Attachment (metadata and SHA-1, never the bytes). */
  private async sourceOf(version: ConsentVersionEntity): Promise<FhirAttachment | undefined> {
    const creation = new Date(version.signedAt ?? version.createdAt).toISOString();
    if (version.scanKey && version.scanContentType) {
      return { contentType: version.scanContentType, title: 'Scan of the signed consent form', creation, ...(version.scanSize ? { size: version.scanSize } : {}) };
    }
    if (!version.hasSignatureImage) return undefined;
    const signature = await this.consents.findSignature(version.id);
    if (!signature) return undefined;
    const png = Buffer.from(signature.png);
    return {
      contentType: 'image/png',
      title: 'Drawn signature',
      creation,
      size: png.length,
      hash: createHash('sha1').update(png).digest('base64'),
    };
  }
}
