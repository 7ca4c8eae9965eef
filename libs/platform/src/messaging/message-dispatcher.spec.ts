import { routesWith } from '../testing/routes.fixture';
import { ErrorCode, JobName, type MessageEnvelope, QueueName } from '@gmdb/domain';
import { RequestContext } from '../context/request-context';
import { buildHandlerRegistry } from './handler-registry';
import { HandlesMessage } from './handles-message.decorator';
import { createDispatcher } from './message-dispatcher';
import { createEnvelope } from './message-envelope';
import type { MessageContext, MessageHandler } from './message-handler';
import { isPermanentMessageError } from './permanent-message.error';

@HandlesMessage(JobName.Reindex)
class ReindexHandler implements MessageHandler<JobName.Reindex> {
  readonly seen: Array<{ reason: string; correlationId?: string; attempt: number }> = [];
  async handle(payload: { reason: string }, context: MessageContext<JobName.Reindex>): Promise<void> {
    this.seen.push({ reason: payload.reason, correlationId: RequestContext.correlationId(), attempt: context.attempt });
  }
}

describe('createDispatcher', () => {
  const routes = routesWith({ [JobName.Reindex]: [QueueName.Inference] });
  const registry = buildHandlerRegistry(QueueName.Inference, [ReindexHandler], routes);

  it('runs the handler with the envelope correlation id restored', async () => {
    const handler = new ReindexHandler();
    const dispatch = createDispatcher({ queue: QueueName.Inference, registry, resolve: () => handler });
    const envelope = RequestContext.run({ correlationId: 'req-42' }, () =>
      createEnvelope({ name: JobName.Reindex, payload: { reason: 'model' } }),
    );
    expect(envelope.correlationId).toBe('req-42');
    await dispatch(envelope, 2);
    expect(handler.seen).toEqual([{ reason: 'model', correlationId: 'req-42', attempt: 2 }]);
  });

  it('gives a message without correlation id a fresh one', async () => {
    const handler = new ReindexHandler();
    const dispatch = createDispatcher({ queue: QueueName.Inference, registry, resolve: () => handler });
    await dispatch(createEnvelope({ name: JobName.Reindex, payload: { reason: 'x' } }), 1);
    expect(handler.seen[0].correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fails permanently for a message it has no handler for', async () => {
    const dispatch = createDispatcher({ queue: QueueName.Inference, registry, resolve: () => new ReindexHandler() });
    const stray: MessageEnvelope = { ...createEnvelope({ name: JobName.Reindex, payload: { reason: 'x' } }), name: JobName.EncodeImage };
    const error = await dispatch(stray, 1).catch((e: unknown) => e);
    expect(isPermanentMessageError(error)).toBe(true);
    expect((error as { code: ErrorCode }).code).toBe(ErrorCode.INTERNAL);
  });
});
