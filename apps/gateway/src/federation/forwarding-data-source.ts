import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_HEADER } from '@gmdb/platform';

/** The parts of the incoming HTTP request the context is built from. */
export interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

/**
 * What a proxy adds: the chain it was given plus its own peer. A subgraph that trusts the gateway
 * (and the ingress) as proxies (GMDB_TRUST_PROXY) then sees the caller's address, not the gateway's.
 */
export function forwardedFor(req: IncomingRequest): string | undefined {
  const incoming = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(incoming) ? incoming.join(', ') : incoming)?.trim();
  const peer = req.socket?.remoteAddress;
  if (!peer) return chain || undefined;
  return chain ? `${chain}, ${peer}` : peer;
}

/** The per-request context the gateway builds: the incoming request's headers that travel on. */
export interface GatewayContext {
  authorization?: string;
  apiKey?: string;
  correlationId?: string;
  /** X-Forwarded-For for the subgraphs: the incoming chain plus the address the gateway saw. */
  forwardedFor?: string;
}

/**
 * Sends each subgraph call with the caller's own credentials (the subgraph verifies the token
 * itself, so a subgraph reached directly cannot be fooled by a forged identity header) and the
 * correlation id of the request.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * `fetcher`: nodeHttpFetcher (node:http, keep-alive), never Apollo's default make-fetch-happen,
   * whose HTTP-cache layer costs CPU on every subgraph call and caches nothing for POSTs.
   */
  constructor(config: { url?: string; fetcher: RemoteGraphQLDataSource['fetcher'] }) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if ('authorization' in context && context.authorization) headers.set('authorization', context.authorization);
    if ('apiKey' in context && context.apiKey) headers.set('x-api-key', context.apiKey);
    if ('correlationId' in context && context.correlationId) headers.set(CORRELATION_HEADER, context.correlationId);
    if ('forwardedFor' in context && context.forwardedFor) headers.set('x-forwarded-for', context.forwardedFor);
  }
}
