import { Injectable, Logger } from '@nestjs/common';
import { CaseAccessLevel, EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { CaseEventEmitter } from '../cases/case-events.emitter';
import { CaseDiagnosisEntity } from '../cases/entities/case-diagnosis.entity';
import { CaseGeneEntity } from '../cases/entities/case-gene.entity';
import { CaseMemberEntity } from '../cases/entities/case-member.entity';
import { CaseEntity } from '../cases/entities/case.entity';
import { ImageEntity } from '../images/image.entity';

/** How far an access level opens a case: a consent that raises it needs a steward the case knows. */
const OPENNESS: Record<`${CaseAccessLevel}`, number> = { withdrawn: 0, private: 1, fair: 2 };

/**
 * `consent.changed` (from consent-service): sets the case's access level to what the consent
 * now allows. Idempotent twice over: the inbox drops a redelivered message, and a version of a
 * consent older than (or equal to) the one already applied changes nothing. A changed level
 * emits `case.gallery-changed` through the outbox once that event is routed to its consumer
 * (the inference worker); until then it is skipped (Outbox.add refuses unrouted messages).
 *
 * A consent that opens the case wider (withdrawn → private → fair) applies only when its steward
 * (the clinician consent-service holds responsible: who invited or recorded it) is one of the
 * case's responsible clinicians here, so a consent another clinician arranged cannot make someone
 * else's private case FAIR. A case with no clinician member (pushed by a hospital system with an
 * API key) belongs to its institution: there the steward must be a clinician of that institution.
 * Narrowing (to private, to withdrawn) always applies: a withdrawal is never held back.
 */
@Injectable()
@HandlesMessage(EventName.ConsentChanged)
export class ConsentChangedHandler implements MessageHandler<EventName.ConsentChanged> {
  private readonly logger = new Logger('ConsentChanged');

  constructor(private readonly events: CaseEventEmitter) {}

  async handle(payload: PayloadOf<EventName.ConsentChanged>, context: MessageContext<EventName.ConsentChanged>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('consent.changed needs the inbox transaction');
    const before = await manager
      .getRepository(CaseEntity)
      .findOne({ where: { id: payload.caseId }, select: { id: true, accessLevel: true, institutionId: true } });
    if (!before) {
      this.logger.warn(`consent.changed for unknown case ${payload.caseId}: ignored`);
      return;
    }
    if (OPENNESS[payload.accessLevel] > OPENNESS[before.accessLevel as `${CaseAccessLevel}`] && !(await this.stewardMayOpen(manager, payload, before.institutionId))) {
      this.logger.warn(
        `consent.changed for case ${payload.caseId} (consent ${payload.consentId} v${payload.version}) would make it ${payload.accessLevel}, ` +
          `but its steward ${payload.steward ?? '(none named)'} is neither one of the case's responsible clinicians nor, for a case without any, ` +
          `of its institution: the case stays ${before.accessLevel}`,
      );
      return;
    }
    const result = await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({
        accessLevel: payload.accessLevel,
        consentId: payload.consentId,
        consentVersion: payload.version,
        updatedAt: new Date(),
        revision: () => 'revision + 1',
      })
      .where('id = :id', { id: payload.caseId })
      // Only a newer version of the same consent, or another consent, applies.
      .andWhere('(consent_id IS NULL OR consent_id <> :consentId OR consent_version IS NULL OR consent_version < :version)', {
        consentId: payload.consentId,
        version: payload.version,
      })
      .execute();
    if (!result.affected) return;
    if (before.accessLevel !== payload.accessLevel) await this.galleryChanged(manager, payload.caseId, payload.accessLevel);
  }

  private async stewardMayOpen(manager: EntityManager, payload: PayloadOf<EventName.ConsentChanged>, institutionId: string): Promise<boolean> {
    const clinicians = await manager.getRepository(CaseMemberEntity).find({ where: { caseId: payload.caseId, role: 'clinician' }, select: { subject: true } });
    if (clinicians.length === 0) return payload.stewardInstitution !== undefined && payload.stewardInstitution === institutionId;
    return payload.steward !== undefined && clinicians.some((c) => c.subject === payload.steward);
  }

  private async galleryChanged(manager: EntityManager, caseId: string, accessLevel: `${CaseAccessLevel}`): Promise<void> {
    if (!this.events.isRouted(EventName.CaseGalleryChanged)) return;
    const [diagnoses, genes, images] = await Promise.all([
      manager.getRepository(CaseDiagnosisEntity).find({ where: { caseId }, order: { position: 'ASC' } }),
      manager.getRepository(CaseGeneEntity).find({ where: { caseId }, order: { position: 'ASC' } }),
      manager.getRepository(ImageEntity).find({ where: { caseId }, select: { id: true } }),
    ]);
    await this.events.galleryChanged(manager, {
      caseId,
      accessLevel,
      disorderIds: diagnoses.map((d) => d.disorderId),
      geneSymbols: genes.map((g) => g.symbol),
      imageIds: images.map((i) => i.id),
    });
  }
}
