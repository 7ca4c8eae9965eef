import { Injectable } from '@nestjs/common';
import { EventName, type Message, type MessageName } from '@gmdb/domain';
import { Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';

/**
 * The events of case changes, written through the outbox in the caller's transaction. An
 * event whose route is not switched on yet (no consumer exists: `Outbox.add` would throw) is
 * skipped; it starts flowing in the change that routes it to its consumer.
 */
@Injectable()
export class CaseEventEmitter {
  constructor(private readonly outbox: Outbox) {}

  /** Whether some queue consumes `name` (the outbox's routing table). */
  isRouted(name: MessageName): boolean {
    return this.outbox.isRouted(name);
  }

  async galleryChanged(
    manager: EntityManager,
    payload: { caseId: string; accessLevel: 'private' | 'fair' | 'withdrawn'; disorderIds: string[]; geneSymbols: string[]; imageIds: string[] },
  ): Promise<boolean> {
    return this.emit(manager, { name: EventName.CaseGalleryChanged, payload });
  }

  /** A new case and who is responsible for it (consent-service lets only them claim its consent). */
  async registered(manager: EntityManager, payload: { caseId: string; institutionId: string; clinicians: string[] }): Promise<boolean> {
    return this.emit(manager, { name: EventName.CaseRegistered, payload });
  }

  async deleted(manager: EntityManager, caseId: string): Promise<boolean> {
    return this.emit(manager, { name: EventName.CaseDeleted, payload: { caseId } });
  }

  async imageDeleted(manager: EntityManager, caseId: string, imageId: string): Promise<boolean> {
    return this.emit(manager, { name: EventName.ImageDeleted, payload: { caseId, imageId } });
  }

  private async emit(manager: EntityManager, message: Message): Promise<boolean> {
    return (await this.outbox.addIfRouted(manager, message)) !== undefined;
  }
}
