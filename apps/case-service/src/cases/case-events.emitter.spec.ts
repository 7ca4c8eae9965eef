import { EventName, QueueName } from '@gmdb/domain';
import { Outbox } from '@gmdb/platform';
import { routesWith } from '@gmdb/platform/testing';
import type { EntityManager } from 'typeorm';
import { CaseEventEmitter } from './case-events.emitter';

describe('CaseEventEmitter', () => {
  const manager = {} as EntityManager;

  it('writes an event through the outbox only when it has a route', async () => {
    const outbox = new Outbox(routesWith({ [EventName.CaseDeleted]: [QueueName.Inference] }));
    const added: string[] = [];
    jest.spyOn(outbox, 'add').mockImplementation(async (_m, message) => {
      added.push(message.name);
      return { id: 'e', name: message.name, payload: message.payload, occurredAt: 'now' };
    });
    const emitter = new CaseEventEmitter(outbox);
    const deleted = await emitter.deleted(manager, 'c1');
    const changed = await emitter.galleryChanged(manager, { caseId: 'c1', accessLevel: 'fair', disorderIds: [], geneSymbols: [], imageIds: [] });
    expect([deleted, changed]).toEqual([true, false]);
    expect(added).toEqual([EventName.CaseDeleted]);
    expect(emitter.isRouted(EventName.CaseGalleryChanged)).toBe(false);
  });
});
