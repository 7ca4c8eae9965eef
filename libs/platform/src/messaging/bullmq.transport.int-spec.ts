import { ErrorCode, JobName, type MessageEnvelope, QueueName } from '@gmdb/domain';
import { clearRedisPrefix, testQueuePrefix, testRedisUrl } from '../testing/test-redis';
import { BullMqTransport, toBullJobId } from './bullmq.transport';
import { createEnvelope } from './message-envelope';
import type { FailureInfo } from './message-transport';
import { PermanentMessageError } from './permanent-message.error';

function waitFor(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

const reindex = (reason: string): MessageEnvelope => createEnvelope({ name: JobName.Reindex, payload: { reason } });

describe('BullMqTransport', () => {
  let transport: BullMqTransport;
  let queueIndex = 0;
  const queue = (): QueueName => [QueueName.Case, QueueName.Consent, QueueName.Doi, QueueName.Inference][queueIndex++ % 4];
  // Each test gets its own prefix so that queues of earlier tests stay out of the way.
  beforeEach(() => {
    transport = new BullMqTransport({
      redisUrl: testRedisUrl(),
      prefix: `${testQueuePrefix()}:${queueIndex}`,
      retry: { attempts: 3, backoffMs: 100 },
    });
  });
  afterEach(() => transport.close());
  afterAll(() => clearRedisPrefix(testQueuePrefix()));

  it('retries with exponential backoff, then succeeds', async () => {
    const q = queue();
    const tries: number[] = [];
    await transport.consume(
      q,
      async (_envelope, attempt) => {
        tries.push(Date.now());
        if (attempt < 3) throw new Error('transient');
      },
      { concurrency: 1 },
    );
    await transport.publish(q, reindex('retry'));
    await waitFor(() => tries.length === 3);
    expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(90);
    expect(tries[2] - tries[1]).toBeGreaterThanOrEqual(190);
    expect(await transport.jobCounts(q)).toMatchObject({ failed: 0 });
  });

  it('does not retry a PermanentMessageError', async () => {
    const q = queue();
    const infos: FailureInfo[] = [];
    await transport.consume(
      q,
      async () => {
        throw new PermanentMessageError(ErrorCode.IMAGE_NO_FACE, 'no face');
      },
      { concurrency: 1, onFailed: (_e, _err, info) => infos.push(info) },
    );
    await transport.publish(q, reindex('permanent'));
    await waitFor(() => infos.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(infos).toEqual([{ attempt: 1, willRetry: false, permanent: true }]);
    const [failed] = await transport.queue(q).getFailed();
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toContain('IMAGE_NO_FACE');
  });

  it('dedupes by job id, carries the envelope intact, and finishes a running job on close', async () => {
    const q = queue();
    const seen: MessageEnvelope[] = [];
    let finished = false;
    const first = { ...reindex('first'), correlationId: 'corr-7' };
    await transport.publish(q, first, { jobId: 'encode-image:42' });
    await transport.publish(q, reindex('second'), { jobId: 'encode-image:42' });
    await transport.consume(
      q,
      async (envelope) => {
        seen.push(envelope);
        await new Promise((r) => setTimeout(r, 200));
        finished = true;
      },
      { concurrency: 1 },
    );
    await waitFor(() => seen.length === 1);
    await transport.close();
    expect(finished).toBe(true);
    expect(seen).toEqual([first]);
    expect(toBullJobId('encode-image:42')).toBe('encode-image.42');
    expect(toBullJobId('42')).toBe('id-42');
  });

  it('reports Redis health', async () => {
    await expect(transport.checkHealth()).resolves.toMatchObject({ status: 'up' });
    const down = new BullMqTransport({ redisUrl: 'redis://127.0.0.1:1', prefix: 'unused' });
    await expect(down.checkHealth(500)).resolves.toMatchObject({ status: 'down' });
    await down.close();
  });
});
