import type { MessageEnvelope, MessageName, PayloadOf } from '@gmdb/domain';
import type { EntityManager } from 'typeorm';

export interface MessageContext<N extends MessageName = MessageName> {
  envelope: MessageEnvelope & { name: N };
  /** 1 for the first try. */
  attempt: number;
  /** The correlation id of the request that caused the message (also in RequestContext). */
  correlationId: string;
  /**
   * The inbox transaction: write the handler's state change through it, so the change and the
   * "processed" mark commit together. Absent when the handler opted out of the inbox.
   */
  manager?: EntityManager;
}

/**
 * A consumer of one or more messages (declared with @HandlesMessage). Payloads carry ids:
 * re-read the state, be safe to run twice, throw to retry, throw PermanentMessageError when
 * retrying cannot help (after recording the failure on the entity).
 */
export interface MessageHandler<N extends MessageName = MessageName> {
  /**
   * Runs before the inbox transaction opens, for every delivery: wait here for what `handle`
   * needs that other code builds through the database (the worker's models and gallery index).
   * Waiting inside the transaction would hold a connection meanwhile, and on SQLite (standalone
   * mode) the only one: the builder could never read, and both would wait for ever.
   */
  beforeTransaction?(payload: PayloadOf<N>, context: MessageContext<N>): Promise<void>;
  handle(payload: PayloadOf<N>, context: MessageContext<N>): Promise<void>;
}

/** A handler class, as given to MessagingModule.forRoot({ handlers }). */
export type MessageHandlerClass = new (...args: never[]) => MessageHandler<never>;
