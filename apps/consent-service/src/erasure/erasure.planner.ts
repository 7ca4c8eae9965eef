import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JobName, erasureDueAt } from '@gmdb/domain';
import { InjectConfig } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit-actor';
import { systemActor } from '../audit/audit-actor';
import { AuditTrail } from '../audit/audit-trail.service';
import type { ConsentServiceConfig } from '../config/consent-service.config';
import { ConsentErasureEntity } from '../entities/consent-erasure.entity';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';
import { ConsentEvents } from '../consents/consent-events';
import { ConsentRepository } from '../repositories/consent.repository';
import { ErasureRepository } from '../repositories/erasure.repository';

/**
 * The erasure of a withdrawn case's photos. The outbox has no delay, and a 30-day delayed job
 * in Redis would not survive a flushed Redis or show up in the database: so the due time is a
 * row (`consent_erasures`), and the sweep writes `erase-case-photos` to the outbox once it is
 * due (in one transaction with the `queued` mark; replicas race safely on the status update).
 */
@Injectable()
export class ErasurePlanner {
  private readonly logger = new Logger('ConsentErasure');

  constructor(
    @InjectConfig() private readonly config: ConsentServiceConfig,
    private readonly erasures: ErasureRepository,
    private readonly consents: ConsentRepository,
    private readonly events: ConsentEvents,
    private readonly audit: AuditTrail,
  ) {}

  /** Schedules the erasure a withdrawal or refusal causes (one per version). */
  async schedule(manager: EntityManager, version: ConsentVersionEntity, actor: AuditActor): Promise<ConsentErasureEntity> {
    const now = new Date();
    const erasure = Object.assign(new ConsentErasureEntity(), {
      id: randomUUID(),
      caseId: version.caseId,
      consentId: version.id,
      seriesId: version.seriesId,
      dueAt: erasureDueAt(version.withdrawnAt ?? now, this.config.CONSENT_ERASURE_GRACE_HOURS),
      status: 'scheduled',
      createdAt: now,
      queuedAt: null,
      cancelledAt: null,
    } satisfies ConsentErasureEntity);
    await this.erasures.insert(manager, erasure);
    await this.audit.record(manager, {
      caseId: version.caseId,
      consentId: version.id,
      action: 'erasure.scheduled',
      actor,
      details: { erasureId: erasure.id, dueAt: erasure.dueAt.toISOString(), graceHours: this.config.CONSENT_ERASURE_GRACE_HOURS },
    });
    return erasure;
  }

  /** A new valid consent before the due time keeps the photos: pending erasures are cancelled. */
  async cancelPending(manager: EntityManager, caseId: string, consentId: string, actor: AuditActor): Promise<void> {
    const now = new Date();
    for (const erasure of await this.erasures.scheduledForCase(manager, caseId)) {
      if (!(await this.erasures.transition(manager, erasure.id, 'cancelled', now))) continue;
      await this.audit.record(manager, {
        caseId,
        consentId,
        action: 'erasure.cancelled',
        actor,
        details: { erasureId: erasure.id, withdrawnConsentId: erasure.consentId },
      });
    }
  }

  /** Queues every due erasure (while `erase-case-photos` is routed). Returns how many were queued. */
  async queueDue(now = new Date(), limit = 100): Promise<number> {
    if (!this.events.isRouted(JobName.EraseCasePhotos)) return 0;
    let queued = 0;
    for (const erasure of await this.erasures.due(now, limit)) {
      const done = await this.consents.transaction(async (manager) => {
        if (!(await this.erasures.transition(manager, erasure.id, 'queued', now))) return false;
        if (!(await this.events.requestErasure(manager, erasure))) throw new Error('erase-case-photos lost its route');
        await this.audit.record(manager, { caseId: erasure.caseId, consentId: erasure.consentId, action: 'erasure.queued', actor: systemActor(), details: { erasureId: erasure.id } });
        return true;
      });
      if (done) queued++;
    }
    if (queued > 0) this.logger.log(`queued ${queued} photo erasure(s)`);
    return queued;
  }
}
