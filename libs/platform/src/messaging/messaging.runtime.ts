import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { QueueName } from '@gmdb/domain';
import type { MessageConsumer, Dispatch, MessageTransport } from './message-transport';
import type { OutboxRelay } from './outbox-relay';
import { describeError } from './permanent-message.error';

export interface MessagingRuntimeOptions {
  transport: MessageTransport;
  /** Close the transport at shutdown (the module created it). */
  ownsTransport: boolean;
  queue?: QueueName;
  /** Undefined when the queue has nothing routed to it: no consumer is started. */
  dispatch?: Dispatch;
  concurrency: number;
  relay?: OutboxRelay;
  /** Runs at bootstrap before anything is consumed (looks the handlers up; throws to stop the start). */
  beforeConsuming?: () => void;
}

/**
 * Starts the consumer and the outbox relay once the app is up, and at shutdown stops taking
 * messages, lets running handlers finish, stops the relay, then closes connections.
 */
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumer: MessageConsumer | undefined;

  constructor(private readonly options: MessagingRuntimeOptions) {}

  get transport(): MessageTransport {
    return this.options.transport;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { queue, dispatch, transport } = this.options;
    this.options.beforeConsuming?.();
    this.options.relay?.start();
    if (!queue || !dispatch) return;
    this.consumer = await transport.consume(queue, dispatch, {
      concurrency: this.options.concurrency,
      onFailed: (envelope, error, info) => {
        const what = `${envelope.name} ${envelope.id} (try ${info.attempt})`;
        const line = `${what} failed: ${describeError(error)}${info.willRetry ? '; will retry' : ''}`;
        if (info.willRetry) this.logger.warn(line);
        else this.logger.error(line, error instanceof Error ? error.stack : undefined);
      },
    });
    this.logger.log(`consuming ${queue} through ${transport.driver}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.close();
    this.consumer = undefined;
    await this.options.relay?.stop();
    if (this.options.ownsTransport) await this.options.transport.close();
  }
}
