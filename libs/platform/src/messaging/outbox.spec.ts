import { EventName, JobName, QueueName } from '@gmdb/domain';
import type { EntityManager } from 'typeorm';
import { routesWith } from '../testing/routes.fixture';
import { Outbox } from './outbox';

describe('Outbox.addIfRouted', () => {
  const manager = {} as EntityManager;
  const message = { name: JobName.EncodeImage, payload: { imageId: 'i', caseId: 'c', objectKey: 'images/k' } } as const;

  it('adds a routed message through add, with its options', async () => {
    const outbox = new Outbox(routesWith({ [JobName.EncodeImage]: [QueueName.Inference] }));
    const add = jest.spyOn(outbox, 'add').mockResolvedValue({ id: 'e', name: message.name, payload: message.payload, occurredAt: 'now' });
    await expect(outbox.addIfRouted(manager, message, { jobId: 'encode-i' })).resolves.toMatchObject({ id: 'e' });
    expect(add).toHaveBeenCalledWith(manager, message, { jobId: 'encode-i' });
  });

  it('skips a message nobody consumes yet instead of failing the write', async () => {
    const outbox = new Outbox(routesWith());
    const add = jest.spyOn(outbox, 'add');
    await expect(outbox.addIfRouted(manager, message)).resolves.toBeUndefined();
    expect(add).not.toHaveBeenCalled();
    expect(outbox.isRouted(EventName.ImageEncoded)).toBe(false);
    expect(new Outbox(routesWith({ [EventName.ImageEncoded]: [QueueName.Case] })).isRouted(EventName.ImageEncoded)).toBe(true);
  });
});
