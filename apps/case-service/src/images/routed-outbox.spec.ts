import { EventName, JobName, MESSAGE_ROUTES, QueueName } from '@gmdb/domain';
import type { Outbox } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { RoutedOutbox } from './routed-outbox';

describe('RoutedOutbox', () => {
  const manager = {} as EntityManager;
  const message = { name: JobName.EncodeImage, payload: { imageId: 'i', caseId: 'c', objectKey: 'images/k' } } as const;

  it('adds a routed message through the outbox, with its options', async () => {
    const add = jest.fn().mockResolvedValue({});
    const routes = { ...MESSAGE_ROUTES, [JobName.EncodeImage]: [QueueName.Inference] };
    const outbox = new RoutedOutbox({ add } as unknown as Outbox, routes);
    await expect(outbox.addIfRouted(manager, message, { jobId: 'encode-i' })).resolves.toBe(true);
    expect(add).toHaveBeenCalledWith(manager, message, { jobId: 'encode-i' });
  });

  it('skips a message nobody consumes yet instead of failing the write', async () => {
    const add = jest.fn();
    const outbox = new RoutedOutbox({ add } as unknown as Outbox, { ...MESSAGE_ROUTES, [JobName.EncodeImage]: [] });
    await expect(outbox.addIfRouted(manager, message)).resolves.toBe(false);
    expect(add).not.toHaveBeenCalled();
    expect(outbox.isRouted(EventName.ImageEncoded)).toBe(MESSAGE_ROUTES[EventName.ImageEncoded].length > 0);
  });
});
