import { randomUUID } from 'node:crypto';
import type { Message, MessageEnvelope } from '@gmdb/domain';
import { RequestContext } from '../context/request-context';

export interface EnvelopeOptions {
  /** Defaults to a new UUID: the id consumers dedupe on. */
  id?: string;
  /** Defaults to the current request's correlation id (none outside a request). */
  correlationId?: string;
  occurredAt?: Date;
}

/** Wraps a message for a queue or an outbox row, carrying the correlation id along. */
export function createEnvelope<M extends Message>(message: M, options: EnvelopeOptions = {}): MessageEnvelope<M> {
  const correlationId = options.correlationId ?? RequestContext.correlationId();
  return {
    id: options.id ?? randomUUID(),
    name: message.name,
    payload: message.payload,
    ...(correlationId ? { correlationId } : {}),
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
  };
}
