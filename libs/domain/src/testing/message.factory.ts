import { Message, MessageEnvelope } from '../jobs';

/** An envelope around a message, with a fixed id and time unless overridden. */
export function messageEnvelope<M extends Message>(message: M, overrides: Partial<Omit<MessageEnvelope<M>, 'name' | 'payload'>> = {}): MessageEnvelope<M> {
  return { id: 'msg-1', name: message.name, payload: message.payload, occurredAt: '2025-01-31T12:00:00Z', ...overrides };
}
