import type { MessageName } from '@gmdb/domain';

export interface HandlesMessageOptions {
  /**
   * Run in an inbox transaction that records the message id (default true when the app has a
   * database). Turn off for long work that is idempotent by itself (an upsert keyed by image id).
   */
  inbox?: boolean;
}

export interface HandledMessage {
  name: MessageName;
  inbox: boolean;
}

const HANDLED = Symbol.for('gmdb.handlesMessage');
type Marked = { [HANDLED]?: HandledMessage[] };

/** Declares which message a handler class consumes. Stack it for several messages. */
export function HandlesMessage(name: MessageName, options: HandlesMessageOptions = {}): ClassDecorator {
  return (target) => {
    const marked = target as unknown as Marked;
    const own = Object.prototype.hasOwnProperty.call(marked, HANDLED) ? (marked[HANDLED] ?? []) : [];
    Object.defineProperty(marked, HANDLED, {
      value: [...own, { name, inbox: options.inbox ?? true }],
      configurable: true,
    });
  };
}

/** The messages a class declared with @HandlesMessage (empty when none). */
export function handledMessages(target: object): HandledMessage[] {
  const marked = target as Marked;
  return Object.prototype.hasOwnProperty.call(marked, HANDLED) ? [...(marked[HANDLED] ?? [])] : [];
}
