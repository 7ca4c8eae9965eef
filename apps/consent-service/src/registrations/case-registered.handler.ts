import { Injectable } from '@nestjs/common';
import { EventName, type PayloadOf } from '@gmdb/domain';
import { HandlesMessage, type MessageContext, type MessageHandler } from '@gmdb/platform';
import { CaseRegistrationRepository } from './case-registration.repository';

/**
 * `case.registered` (from case-service): remembers who is responsible for a new case, so that
 * only they (or, for a case a hospital system pushed, a clinician of its institution) can claim
 * its consent. Idempotent: the inbox drops a redelivered event and a second record is ignored.
 */
@Injectable()
@HandlesMessage(EventName.CaseRegistered)
export class CaseRegisteredHandler implements MessageHandler<EventName.CaseRegistered> {
  constructor(private readonly registrations: CaseRegistrationRepository) {}

  async handle(payload: PayloadOf<EventName.CaseRegistered>, context: MessageContext<EventName.CaseRegistered>): Promise<void> {
    const manager = context.manager;
    if (!manager) throw new Error('case.registered needs the inbox transaction');
    await this.registrations.record(manager, payload.caseId, { institutionId: payload.institutionId, clinicians: payload.clinicians }, new Date(context.envelope.occurredAt));
  }
}
