import { Agent as HttpAgent, type IncomingMessage, type OutgoingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

export interface NodeHttpFetcherOptions {
  /** Whole call (connect, send, full answer) in ms; past it the call fails and its socket is dropped. */
  timeoutMs: number;
  /** Largest answer body accepted, in bytes. */
  maxResponseBytes: number;
  /** Open sockets kept per subgraph host. */
  maxSockets: number;
  /**
   * An idle kept-alive socket is closed after this long: less than the subgraphs' own keep-alive
   * timeout (5 s, Node's default, which GMDB's services keep), so a call never goes out on a
   * socket the subgraph is closing at that moment (the ECONNRESET race of keep-alive clients).
   */
  idleSocketTimeoutMs: number;
}

export const DEFAULT_NODE_HTTP_FETCHER_OPTIONS: NodeHttpFetcherOptions = { timeoutMs: 30_000, maxResponseBytes: 64 * 1024 * 1024, maxSockets: 64, idleSocketTimeoutMs: 4_000 };

/** The failure of one subgraph call below HTTP (refused, reset, timed out, too large). */
export class SubgraphFetchError extends Error {
  override readonly name = 'SubgraphFetchError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Apollo's Fetcher on node:http with keep-alive sockets: the gateway's subgraph calls are small
 * JSON POSTs to a few hosts, and the WHATWG fetch machinery (request/response objects, web
 * streams, a wasm HTTP parser) costs the gateway more CPU per call than the call itself. The
 * answer is read whole (bounded by maxResponseBytes) before the promise resolves.
 */
export function nodeHttpFetcher(options: Partial<NodeHttpFetcherOptions> = {}): Fetcher & { close(): void } {
  const config = { ...DEFAULT_NODE_HTTP_FETCHER_OPTIONS, ...options };
  // The agent's `timeout` closes free sockets only; a call's own limit is timeoutMs below.
  const agentOptions = { keepAlive: true, maxSockets: config.maxSockets, scheduling: 'lifo' as const, timeout: config.idleSocketTimeoutMs };
  const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

  const fetcher = (url: string, init: FetcherInit = {}): Promise<FetcherResponse> =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:') {
        reject(new SubgraphFetchError(`Unsupported protocol ${target.protocol}`, 'UNSUPPORTED_PROTOCOL'));
        return;
      }
      const body = init.body === undefined ? undefined : typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body;
      const headers: OutgoingHttpHeaders = { ...init.headers };
      if (body !== undefined) headers['content-length'] = body.length;
      const request = (secure ? httpsRequest : httpRequest)(target, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? agents.https : agents.http,
        signal: init.signal as AbortSignal | undefined,
      });
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        reject(error instanceof SubgraphFetchError ? error : new SubgraphFetchError(`${target.origin}: ${error.message}`, (error as NodeJS.ErrnoException).code ?? 'SUBGRAPH_UNREACHABLE'));
      };
      const timer = setTimeout(() => fail(new SubgraphFetchError(`No complete answer from ${target.origin} within ${config.timeoutMs} ms`, 'SUBGRAPH_TIMEOUT')), config.timeoutMs);
      request.on('error', fail);
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('error', fail);
        response.on('aborted', () => fail(new SubgraphFetchError(`${target.origin} closed the connection mid-answer`, 'SUBGRAPH_UNREACHABLE')));
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > config.maxResponseBytes) {
            fail(new SubgraphFetchError(`The answer of ${target.origin} exceeds ${config.maxResponseBytes} bytes`, 'SUBGRAPH_RESPONSE_TOO_LARGE'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(new BufferedResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', headersOf(response), chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
        });
      });
      request.end(body);
    });

  return Object.assign(fetcher, {
    close(): void {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}

function headersOf(response: IncomingMessage): ResponseHeaders {
  const headers = new ResponseHeaders();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  return headers;
}

/** Case-insensitive header map with the WHATWG Headers methods Apollo's data source reads. */
export class ResponseHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const had = this.map.get(key);
    this.map.set(key, had === undefined ? value : `${had}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A complete HTTP answer held in memory (its body can be read once, as with fetch). */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get bodyUsed(): boolean {
    return this.used;
  }
  private take(): Buffer {
    if (this.used) throw new TypeError('Body is unusable: the body has already been read');
    this.used = true;
    return this.body;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.take();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
  async text(): Promise<string> {
    return this.take().toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.take().toString('utf8')) as unknown;
  }
  clone(): FetcherResponse {
    if (this.used) throw new TypeError('Response.clone: the body has already been read');
    return new BufferedResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}
