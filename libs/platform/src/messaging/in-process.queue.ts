import type { MessageEnvelope, QueueName } from '@gmdb/domain';
import { type AttemptOutcome, runAttempt } from './attempt-runner';
import type { ConsumeOptions, Dispatch } from './message-transport';
import { describeError } from './permanent-message.error';
import { backoffDelayMs } from './retry-policy';

export interface InProcessJob {
  jobId: string;
  envelope: MessageEnvelope;
  /** The number the next try will have (1 for a new job). */
  attempt: number;
  maxAttempts: number;
  backoffMs: number;
}

export interface FailedInProcessJob {
  jobId: string;
  envelope: MessageEnvelope;
  attempts: number;
  error: string;
}

interface ConsumerSlot {
  dispatch: Dispatch;
  concurrency: number;
  onFailed?: ConsumeOptions['onFailed'];
  running: Set<Promise<void>>;
  closing: boolean;
}

/** Kept like BullMQ's removeOnComplete / removeOnFail counts, for jobId dedupe. */
const KEEP_FINISHED = 1000;
const KEEP_FAILED = 1000;

/** One named queue of the process-wide in-memory bus. */
export class InProcessQueue {
  private readonly ready: InProcessJob[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Job ids that are waiting, delayed, running or recently finished (dedupe window). */
  private readonly known = new Map<string, 'queued' | 'finished'>();
  private readonly consumers: ConsumerSlot[] = [];
  private finishedCount = 0;
  private pumpScheduled = false;
  readonly failed: FailedInProcessJob[] = [];

  constructor(readonly name: QueueName) {}

  /** False when a job with this id is queued or was finished recently (dropped like BullMQ). */
  add(job: InProcessJob, delayMs = 0): boolean {
    if (this.known.has(job.jobId)) return false;
    this.known.set(job.jobId, 'queued');
    this.enqueue(job, delayMs);
    return true;
  }

  register(dispatch: Dispatch, options: ConsumeOptions): { close(): Promise<void> } {
    const slot: ConsumerSlot = {
      dispatch,
      concurrency: Math.max(1, options.concurrency),
      onFailed: options.onFailed,
      running: new Set(),
      closing: false,
    };
    this.consumers.push(slot);
    this.schedulePump();
    return {
      close: async () => {
        slot.closing = true;
        const index = this.consumers.indexOf(slot);
        if (index >= 0) this.consumers.splice(index, 1);
        await Promise.allSettled([...slot.running]);
      },
    };
  }

  /** Jobs waiting for a consumer or for their delay (tests, metrics). */
  get waitingCount(): number {
    return this.ready.length + this.timers.size;
  }

  /** Drops waiting and delayed jobs and the dedupe window (tests). */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
    this.known.clear();
    this.finishedCount = 0;
    this.failed.length = 0;
  }

  private enqueue(job: InProcessJob, delayMs: number): void {
    if (delayMs <= 0) {
      this.ready.push(job);
      this.schedulePump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(job);
      this.schedulePump();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Never runs a handler inside the publisher's call stack (a relay may hold a lock). */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.ready.length > 0) {
      const slot = this.consumers.find((c) => !c.closing && c.running.size < c.concurrency);
      if (!slot) return;
      const job = this.ready.shift() as InProcessJob;
      const run = this.run(slot, job).finally(() => {
        slot.running.delete(run);
        this.schedulePump();
      });
      slot.running.add(run);
    }
  }

  private async run(slot: ConsumerSlot, job: InProcessJob): Promise<void> {
    const { envelope, attempt, maxAttempts } = job;
    const outcome = await runAttempt(this.name, envelope, attempt, maxAttempts, slot.dispatch, slot.onFailed);
    this.settle(job, outcome);
  }

  private settle(job: InProcessJob, outcome: AttemptOutcome): void {
    if (outcome.status === 'retry') {
      this.enqueue({ ...job, attempt: job.attempt + 1 }, backoffDelayMs(job.attempt, job.backoffMs));
      return;
    }
    if (outcome.status === 'failed') {
      const error = describeError(outcome.error);
      this.failed.push({ jobId: job.jobId, envelope: job.envelope, attempts: job.attempt, error });
      if (this.failed.length > KEEP_FAILED) this.failed.shift();
    }
    this.known.delete(job.jobId);
    this.known.set(job.jobId, 'finished');
    this.finishedCount++;
    if (this.finishedCount > KEEP_FINISHED) this.forgetOldestFinished();
  }

  private forgetOldestFinished(): void {
    for (const [id, state] of this.known) {
      if (state !== 'finished') continue;
      this.known.delete(id);
      this.finishedCount--;
      return;
    }
  }
}
