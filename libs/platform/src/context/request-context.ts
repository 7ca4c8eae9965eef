import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Per-request (or per-job) context carried through async calls: the correlation id that
 * ties a gateway request to the subgraph calls, outbox rows and queue jobs it causes.
 */
export interface RequestContextData {
  correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  newCorrelationId(): string {
    return randomUUID();
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
