import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../repositories/audit.repository';
import type { AuditActor } from './audit-actor';

/** What is audited. Clients switch on these strings; only add. */
export type AuditAction =
  | 'invitation.created'
  | 'invitation.opened'
  | 'invitation.refused'
  | 'consent.signed'
  | 'consent.paper-recorded'
  | 'consent.changed'
  | 'consent.withdrawn'
  | 'consent.withdrawal-repeated'
  | 'consent.fhir-exported'
  | 'consent.scan-viewed'
  | 'patient-account.created'
  | 'erasure.scheduled'
  | 'erasure.cancelled'
  | 'erasure.queued';

/** Appends to the audit trail, in the caller's transaction when there is one. */
@Injectable()
export class AuditTrail {
  constructor(private readonly audit: AuditRepository) {}

  async record(
    manager: EntityManager | undefined,
    entry: { caseId: string; consentId?: string | null; action: AuditAction; actor: AuditActor; details?: Record<string, unknown> },
  ): Promise<void> {
    const { actor } = entry;
    await this.audit.append(manager, {
      caseId: entry.caseId,
      consentId: entry.consentId ?? null,
      action: entry.action,
      actorKind: actor.kind,
      actorSubject: actor.subject,
      actorRoles: actor.roles.join(',').slice(0, 200),
      ip: actor.origin.ip,
      userAgent: actor.origin.userAgent,
      correlationId: actor.origin.correlationId,
      details: entry.details ? JSON.stringify(entry.details) : null,
      occurredAt: new Date(),
    });
  }
}
