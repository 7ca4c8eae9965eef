import { Injectable } from '@nestjs/common';
import type { Principal } from '@gmdb/domain';
import { ConsentAccessService } from '../access/consent-access.service';
import type { ConsentAuditEventEntity } from '../entities/consent-audit-event.entity';
import { AuditRepository } from '../repositories/audit.repository';

/** Reading the audit trail: the responsible clinician and admins. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly access: ConsentAccessService,
  ) {}

  async ofCase(principal: Principal, caseId: string): Promise<ConsentAuditEventEntity[]> {
    await this.access.authorize(principal, 'read-audit', caseId);
    return this.audit.listByCase(caseId);
  }
}
