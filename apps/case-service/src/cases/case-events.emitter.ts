import { Injectable } from '@nestjs/common';
import { EventName, MESSAGE_ROUTES, type Message } from '@gmdb/domain';
import { Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';

/** Whether a message has a route (MESSAGE_ROUTES); an unrouted one cannot be published. */
export function isRouted(name: Message['name']): boolean {
  return (MESSAGE_ROUTES[name] ?? []).length > 0;
}

/**
 * The events of case changes, written through the outbox in the caller's transaction. An
 * event whose route is not switched on yet (no consumer exists: `Outbox.add` would throw) is
 * skipped; it starts flowing in the change that routes it to its consumer.
 */
@Injectable()
export class CaseEventEmitter {
  constructor(private readonly outbox: Outbox) {}

  async galleryChanged(
    manager: EntityManager,
    payload: { caseId: string; accessLevel: 'private' | 'fair' | 'withdrawn'; disorderIds: string[]; geneSymbols: string[]; imageIds: string[] },
  ): Promise<boolean> {
    return this.emit(manager, { name: EventName.CaseGalleryChanged, payload });
  }

  async deleted(manager: EntityManager, caseId: string): Promise<boolean> {
    return this.emit(manager, { name: EventName.CaseDeleted, payload: { caseId } });
  }

  async imageDeleted(manager: EntityManager, caseId: string, imageId: string): Promise<boolean> {
    return this.emit(manager, { name: EventName.ImageDeleted, payload: { caseId, imageId } });
  }

  private async emit(manager: EntityManager, message: Message): Promise<boolean> {
    if (!isRouted(message.name)) return false;
    await this.outbox.add(manager, message);
    return true;
  }
}
