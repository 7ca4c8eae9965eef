import { routesWith } from '../testing/routes.fixture';
import { EventName, JobName, QueueName } from '@gmdb/domain';
import { HandlesMessage } from './handles-message.decorator';
import { MessagingConfigurationError, buildHandlerRegistry } from './handler-registry';
import type { MessageHandler } from './message-handler';

const routes = routesWith({
  [JobName.Reindex]: [QueueName.Inference],
  [EventName.CaseDeleted]: [QueueName.Inference, QueueName.Consent],
});

@HandlesMessage(JobName.Reindex)
class ReindexHandler implements MessageHandler<JobName.Reindex> {
  async handle(): Promise<void> {
    // registration only
  }
}

@HandlesMessage(JobName.Reindex)
class OtherReindexHandler implements MessageHandler<JobName.Reindex> {
  async handle(): Promise<void> {
    // registration only
  }
}

@HandlesMessage(EventName.CaseDeleted, { inbox: false })
@HandlesMessage(EventName.ImageDeleted)
class CleanupHandler implements MessageHandler<EventName.CaseDeleted | EventName.ImageDeleted> {
  async handle(): Promise<void> {
    // registration only
  }
}

@HandlesMessage(EventName.CaseDeleted)
class CaseDeletedHandler implements MessageHandler<EventName.CaseDeleted> {
  async handle(): Promise<void> {
    // registration only
  }
}

class Undecorated implements MessageHandler<JobName.Reindex> {
  async handle(): Promise<void> {
    // registration only
  }
}

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof MessagingConfigurationError) return e.problems;
    throw e;
  }
  return [];
}

describe('buildHandlerRegistry', () => {
  it('maps every routed message to its one handler', () => {
    const registry = buildHandlerRegistry(QueueName.Inference, [ReindexHandler, CaseDeletedHandler], routes);
    expect([...registry.keys()].sort()).toEqual([EventName.CaseDeleted, JobName.Reindex].sort());
    expect(registry.get(JobName.Reindex)).toEqual({ name: JobName.Reindex, inbox: true, handler: ReindexHandler });
  });

  it('accepts a queue that nothing is routed to, and an app that consumes no queue, with no handlers', () => {
    const nothingRouted = routesWith();
    expect(buildHandlerRegistry(QueueName.Case, [], nothingRouted).size).toBe(0);
    expect(buildHandlerRegistry(undefined, []).size).toBe(0);
  });

  it('refuses a routed message without a handler', () => {
    expect(problems(() => buildHandlerRegistry(QueueName.Inference, [ReindexHandler], routes))).toEqual([
      'case.deleted is routed to gmdb-inference but has no handler',
    ]);
  });

  it('refuses two handlers for one message', () => {
    expect(
      problems(() => buildHandlerRegistry(QueueName.Inference, [ReindexHandler, OtherReindexHandler, CaseDeletedHandler], routes)),
    ).toEqual(['reindex has 2 handlers: ReindexHandler, OtherReindexHandler']);
  });

  it('refuses a handler for a message not routed to the queue, and undecorated classes', () => {
    const found = problems(() => buildHandlerRegistry(QueueName.Consent, [CleanupHandler, Undecorated], routes));
    expect(found).toEqual([
      'Undecorated has no @HandlesMessage(...)',
      'CleanupHandler handles image.deleted, which is not routed to gmdb-consent',
    ]);
    expect(() => buildHandlerRegistry(undefined, [ReindexHandler], routes)).toThrow(/not routed to any queue of this app/);
  });

  it('reads stacked decorators with their options', () => {
    const routed = { ...routes, [EventName.ImageDeleted]: [QueueName.Consent] };
    const registry = buildHandlerRegistry(QueueName.Consent, [CleanupHandler], routed);
    expect(registry.get(EventName.CaseDeleted)?.inbox).toBe(false);
    expect(registry.get(EventName.ImageDeleted)?.inbox).toBe(true);
  });
});
