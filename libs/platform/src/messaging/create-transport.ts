import { BullMqTransport, type BullMqTransportOptions } from './bullmq.transport';
import { InProcessTransport, type InProcessTransportOptions } from './in-process.transport';
import type { MessageTransport } from './message-transport';

/** What the lead's config layer fills in: `driver` follows the mode (distributed / standalone). */
export type TransportOptions =
  | ({ driver: 'bullmq' } & BullMqTransportOptions)
  | ({ driver: 'in-process' } & InProcessTransportOptions);

export function createTransport(options: TransportOptions): MessageTransport {
  return options.driver === 'bullmq' ? new BullMqTransport(options) : new InProcessTransport(options);
}
