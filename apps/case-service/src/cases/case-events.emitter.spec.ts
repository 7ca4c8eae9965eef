import { EventName, MESSAGE_ROUTES } from '@gmdb/domain';
import type { Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { CaseEventEmitter, isRouted } from './case-events.emitter';

describe('CaseEventEmitter', () => {
  const manager = {} as EntityManager;

  it('writes an event through the outbox only when it has a route', async () => {
    const added: string[] = [];
    const outbox = { add: async (_m: EntityManager, message: { name: string }) => void added.push(message.name) } as unknown as Outbox;
    const emitter = new CaseEventEmitter(outbox);
    const deleted = await emitter.deleted(manager, 'c1');
    const changed = await emitter.galleryChanged(manager, { caseId: 'c1', accessLevel: 'fair', disorderIds: [], geneSymbols: [], imageIds: [] });
    expect([deleted, changed]).toEqual([isRouted(EventName.CaseDeleted), isRouted(EventName.CaseGalleryChanged)]);
    expect(added).toEqual([
      ...(MESSAGE_ROUTES[EventName.CaseDeleted].length > 0 ? [EventName.CaseDeleted] : []),
      ...(MESSAGE_ROUTES[EventName.CaseGalleryChanged].length > 0 ? [EventName.CaseGalleryChanged] : []),
    ]);
  });
});
