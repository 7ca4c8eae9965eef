import { ErrorCode, JobName, type MessageEnvelope, QueueName } from '@gmdb/domain';
import { InProcessTransport } from './in-process.transport';
import type { FailureInfo } from './message-transport';
import { PermanentMessageError } from './permanent-message.error';

const envelope = (id: string): MessageEnvelope => ({
  id,
  name: JobName.Reindex,
  payload: { reason: 'test' },
  occurredAt: new Date().toISOString(),
});

function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 5);
    };
    tick();
  });
}

describe('InProcessTransport', () => {
  let namespace = 0;
  let transport: InProcessTransport;
  beforeEach(() => {
    transport = new InProcessTransport({ namespace: `spec-${++namespace}`, retry: { attempts: 3, backoffMs: 20 } });
  });
  afterEach(() => transport.close());

  it('retries with exponential backoff, then succeeds', async () => {
    const tries: number[] = [];
    await transport.consume(
      QueueName.Inference,
      async (_e, attempt) => {
        tries.push(Date.now());
        if (attempt < 3) throw new Error('transient');
      },
      { concurrency: 1 },
    );
    await transport.publish(QueueName.Inference, envelope('m1'));
    await waitFor(() => tries.length === 3);
    expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(18);
    expect(tries[2] - tries[1]).toBeGreaterThanOrEqual(38);
    expect(transport.queue(QueueName.Inference).failed).toHaveLength(0);
  });

  it('never retries a PermanentMessageError', async () => {
    const infos: FailureInfo[] = [];
    let tries = 0;
    await transport.consume(
      QueueName.Inference,
      async () => {
        tries++;
        throw new PermanentMessageError(ErrorCode.IMAGE_NO_FACE, 'no face');
      },
      { concurrency: 1, onFailed: (_e, _err, info) => infos.push(info) },
    );
    await transport.publish(QueueName.Inference, envelope('m2'));
    await waitFor(() => transport.queue(QueueName.Inference).failed.length === 1);
    expect(tries).toBe(1);
    expect(infos).toEqual([{ attempt: 1, willRetry: false, permanent: true }]);
    expect(transport.queue(QueueName.Inference).failed[0].error).toContain('IMAGE_NO_FACE');
  });

  it('gives up after the last attempt', async () => {
    const failing = new InProcessTransport({ namespace: `spec-${++namespace}`, retry: { attempts: 2, backoffMs: 1 } });
    let failingTries = 0;
    await failing.consume(QueueName.Inference, async () => {
      failingTries++;
      throw new Error('always');
    }, { concurrency: 1 });
    await failing.publish(QueueName.Inference, envelope('m3'));
    await waitFor(() => failing.queue(QueueName.Inference).failed.length === 1);
    expect(failingTries).toBe(2);
    await failing.close();
  });

  it('drops a second publish with the same job id', async () => {
    const seen: string[] = [];
    await transport.publish(QueueName.Inference, envelope('a'), { jobId: 'encode-image:1' });
    await transport.publish(QueueName.Inference, envelope('b'), { jobId: 'encode-image:1' });
    await transport.consume(QueueName.Inference, async (e) => void seen.push(e.id), { concurrency: 1 });
    await waitFor(() => seen.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['a']);
  });

  it('close() waits for the running handler', async () => {
    let finished = false;
    let started = false;
    await transport.consume(
      QueueName.Inference,
      async () => {
        started = true;
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
      },
      { concurrency: 1 },
    );
    await transport.publish(QueueName.Inference, envelope('slow'));
    await waitFor(() => started);
    await transport.close();
    expect(finished).toBe(true);
  });
});
