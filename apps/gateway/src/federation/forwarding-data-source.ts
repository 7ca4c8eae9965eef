import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_HEADER } from '@gmdb/platform';

/** The per-request context the gateway builds: the incoming request's headers that travel on. */
export interface GatewayContext {
  authorization?: string;
  apiKey?: string;
  correlationId?: string;
}

/**
 * Sends each subgraph call with the caller's own credentials (the subgraph verifies the token
 * itself, so a subgraph reached directly cannot be fooled by a forged identity header) and the
 * correlation id of the request.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * `fetcher`: the gateway passes nodeHttpFetcher (node:http, keep-alive); without one, Node's own
   * fetch. Never Apollo's default make-fetch-happen, whose HTTP-cache layer costs CPU on every
   * subgraph call and caches nothing for POSTs.
   */
  constructor(config: { url?: string; fetcher?: RemoteGraphQLDataSource['fetcher'] }) {
    super({ ...config, fetcher: config.fetcher ?? (fetch as unknown as RemoteGraphQLDataSource['fetcher']) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if ('authorization' in context && context.authorization) headers.set('authorization', context.authorization);
    if ('apiKey' in context && context.apiKey) headers.set('x-api-key', context.apiKey);
    if ('correlationId' in context && context.correlationId) headers.set(CORRELATION_HEADER, context.correlationId);
  }
}
