import { routesWith } from '../testing/routes.fixture';
import { EventName, JobName, type MessageEnvelope, QueueName } from '@gmdb/domain';
import { InProcessTransport } from './in-process.transport';
import { MessagePublisher } from './message-publisher';

describe('MessagePublisher', () => {
  const routes = routesWith({ [EventName.CaseDeleted]: [QueueName.Inference, QueueName.Consent] });
  const transport = new InProcessTransport({ namespace: 'publisher-spec' });
  afterAll(() => transport.close());

  it('publishes one envelope to every routed queue', async () => {
    const seen: Array<[QueueName, MessageEnvelope]> = [];
    for (const queue of [QueueName.Inference, QueueName.Consent]) {
      await transport.consume(queue, async (e) => void seen.push([queue, e]), { concurrency: 1 });
    }
    const publisher = new MessagePublisher(transport, routes);
    const envelope = await publisher.publish({ name: EventName.CaseDeleted, payload: { caseId: 'c9' } }, { correlationId: 'k' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.map(([q, e]) => [q, e.id, e.correlationId])).toEqual([
      [QueueName.Inference, envelope.id, 'k'],
      [QueueName.Consent, envelope.id, 'k'],
    ]);
  });

  it('refuses a message without a route', async () => {
    await expect(new MessagePublisher(transport, routes).publish({ name: JobName.Reindex, payload: { reason: 'x' } })).rejects.toThrow(
      /not routed/,
    );
  });
});
