import { Injectable } from '@nestjs/common';
import { EventName, JobName, type Message, type MessageName } from '@gmdb/domain';
import { Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import type { ConsentErasureEntity } from '../entities/consent-erasure.entity';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';
import { ConsentRepository } from '../repositories/consent.repository';

/**
 * consent-service's messages, written through the outbox in the caller's transaction.
 *
 * A message whose route is not switched on yet (no consumer: `Outbox.add` would throw) is not
 * lost: the version keeps `announced_at` null (and the erasure stays `scheduled`), and the
 * sweep writes it once a release routes it. The messages' `consentId` is the case's consent
 * (stable across versions; `version` orders them); job ids make a repeat harmless:
 * `consent.changed:<versionId>` and `erase-case-photos:<caseId>:<withdrawal versionId>`.
 */
@Injectable()
export class ConsentEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly consents: ConsentRepository,
  ) {}

  /** Whether some queue consumes `name` (the outbox's routing table). */
  isRouted(name: MessageName): boolean {
    return this.outbox.isRouted(name);
  }

  /** Puts `consent.changed` of a version in the outbox and marks it announced; false while unrouted. */
  async announce(manager: EntityManager, version: ConsentVersionEntity): Promise<boolean> {
    if (!this.isRouted(EventName.ConsentChanged)) return false;
    if (!(await this.consents.markAnnounced(manager, version.id, new Date()))) return false;
    const message: Message = {
      name: EventName.ConsentChanged,
      payload: {
        caseId: version.caseId,
        consentId: version.seriesId,
        version: version.version,
        accessLevel: version.accessLevel as 'private' | 'fair' | 'withdrawn',
        steward: version.responsibleClinician,
        ...(version.institutionId ? { stewardInstitution: version.institutionId } : {}),
      },
    };
    await this.outbox.add(manager, message, { jobId: `consent.changed:${version.id}` });
    version.announcedAt = new Date();
    return true;
  }

  /** Puts `erase-case-photos` in the outbox; false while unrouted (the erasure stays scheduled). */
  async requestErasure(manager: EntityManager, erasure: ConsentErasureEntity): Promise<boolean> {
    if (!this.isRouted(JobName.EraseCasePhotos)) return false;
    const message: Message = { name: JobName.EraseCasePhotos, payload: { caseId: erasure.caseId, consentId: erasure.seriesId } };
    await this.outbox.add(manager, message, { jobId: `erase-case-photos:${erasure.caseId}:${erasure.consentId}` });
    return true;
  }
}
