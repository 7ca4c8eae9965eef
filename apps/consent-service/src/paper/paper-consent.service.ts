import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type PaperConsentInput, type Principal, stateAfterSigning } from '@gmdb/domain';
import { InjectConfig, isUniqueViolation } from '@gmdb/platform';
import { ConsentAccessService } from '../access/consent-access.service';
import { type RequestOrigin, actorOf } from '../audit/audit-actor';
import { AuditTrail } from '../audit/audit-trail.service';
import type { ConsentServiceConfig } from '../config/consent-service.config';
import { ConsentVersionWriter } from '../consents/consent-version.writer';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';
import { InvitationService } from '../invitations/invitation.service';
import { ConsentRepository } from '../repositories/consent.repository';
import { ScanStoreRepository } from '../repositories/scan-store.repository';
import { TemplateService } from '../templates/template.service';
import { scanContentType } from './scan-file';

/** Paper consents: the responsible clinician uploads the scan and transcribes the choices. */
@Injectable()
export class PaperConsentService {
  private readonly logger = new Logger('PaperConsent');

  constructor(
    @InjectConfig() private readonly config: ConsentServiceConfig,
    private readonly consents: ConsentRepository,
    private readonly access: ConsentAccessService,
    private readonly invitations: InvitationService,
    private readonly templates: TemplateService,
    private readonly writer: ConsentVersionWriter,
    private readonly scans: ScanStoreRepository,
    private readonly audit: AuditTrail,
  ) {}

  async record(principal: Principal, caseId: string, input: PaperConsentInput, scan: Buffer | undefined, origin: RequestOrigin): Promise<ConsentVersionEntity> {
    const contentType = scanContentType(scan, this.config.CONSENT_SCAN_MAX_BYTES);
    const bytes = scan as Buffer;
    const template = await this.templates.get(input.templateVersion, input.language);
    await this.access.authorize(principal, 'record-paper', caseId);
    const consentId = randomUUID();
    const key = this.scans.keyFor(caseId, consentId);
    const stored = await this.scans.put(key, bytes, contentType);
    try {
      return await this.consents.transaction(async (manager) => {
        const head = await this.invitations.claimCase(manager, principal, caseId, 'record-paper');
        const signedAt = new Date(input.signer.signedOn);
        return this.writer.append(
          manager,
          head,
          {
            id: consentId,
            state: stateAfterSigning(input.choices.dataUse),
            kind: 'paper',
            method: 'paper',
            templateVersion: template.version,
            language: template.language,
            choices: input.choices,
            signer: { name: input.signer.name, relation: input.signer.relation, signedAt },
            scan: { key, contentType, sha256: stored.sha256, size: stored.size },
            effectiveFrom: signedAt,
            recordedBy: principal.kind === 'user' ? principal.subject : 'unknown',
          },
          actorOf(principal, origin, caseId),
        );
      });
    } catch (e) {
      await this.scans.remove(key).catch((removal: unknown) => this.logger.warn(`could not remove scan ${key}: ${String(removal)}`));
      if (isUniqueViolation(e)) throw new DomainError(ErrorCode.CONFLICT, 'Another request changed this case at the same time; try again');
      throw e;
    }
  }

  /** The scan of a paper consent: the responsible clinician only. */
  async scan(principal: Principal, consentId: string, origin: RequestOrigin): Promise<{ bytes: Buffer; contentType: string }> {
    const version = await this.consents.findVersion(consentId);
    if (!version) throw new DomainError(ErrorCode.CONSENT_NOT_FOUND, 'No such consent');
    await this.access.authorize(principal, 'read-scan', version.caseId);
    if (!version.scanKey) throw new DomainError(ErrorCode.DOCUMENT_NOT_FOUND, 'This consent was not given on paper');
    const bytes = await this.scans.get(version.scanKey);
    await this.audit.record(undefined, { caseId: version.caseId, consentId, action: 'consent.scan-viewed', actor: actorOf(principal, origin, version.caseId) });
    return { bytes, contentType: version.scanContentType ?? 'application/octet-stream' };
  }
}
