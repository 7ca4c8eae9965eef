import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphFetchError, nodeHttpFetcher } from './node-http.fetcher';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

describe('nodeHttpFetcher', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  const sockets = new Set<unknown>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => sockets.clear());

  it('posts the body with its headers and reads a JSON answer, over one kept-alive socket', async () => {
    const fetcher = nodeHttpFetcher();
    const seen: { method?: string; auth?: string; length?: string; body: string }[] = [];
    handler = (req, body, res) => {
      seen.push({ method: req.method, auth: req.headers.authorization, length: req.headers['content-length'], body });
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('X-Multi', ['a', 'b']);
      res.end(JSON.stringify({ data: { echo: JSON.parse(body) as unknown } }));
    };
    try {
      for (let i = 0; i < 3; i++) {
        const body = JSON.stringify({ query: '{ gallery { id } }', n: i, text: 'Müller' });
        const response = await fetcher(`${base}/graphql`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body });
        expect(response).toMatchObject({ status: 200, ok: true, statusText: 'OK', url: `${base}/graphql`, redirected: false, bodyUsed: false });
        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(response.headers.get('X-MULTI')).toBe('a, b');
        expect(response.headers.has('x-missing')).toBe(false);
        expect(await response.json()).toEqual({ data: { echo: { query: '{ gallery { id } }', n: i, text: 'Müller' } } });
        expect(response.bodyUsed).toBe(true);
        await expect(response.text()).rejects.toThrow(TypeError);
        expect(seen[i]).toEqual({ method: 'POST', auth: 'Bearer t', length: String(Buffer.byteLength(body)), body });
      }
      expect(sockets.size).toBe(1);
    } finally {
      fetcher.close();
    }
  });

  it('closes a socket left idle longer than idleSocketTimeoutMs, so the next call opens a fresh one', async () => {
    const fetcher = nodeHttpFetcher({ idleSocketTimeoutMs: 100 });
    handler = (_req, _body, res) => res.end('{}');
    try {
      await (await fetcher(`${base}/graphql`, { method: 'POST', body: '{}' })).text();
      await (await fetcher(`${base}/graphql`, { method: 'POST', body: '{}' })).text();
      expect(sockets.size).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await (await fetcher(`${base}/graphql`, { method: 'POST', body: '{}' })).text();
      expect(sockets.size).toBe(2);
    } finally {
      fetcher.close();
    }
  });

  it('hands a non-2xx answer back as such (Apollo turns it into the subgraph error)', async () => {
    const fetcher = nodeHttpFetcher();
    handler = (_req, _body, res) => {
      res.statusCode = 503;
      res.end('overloaded');
    };
    try {
      const response = await fetcher(`${base}/graphql`, { method: 'POST', body: '{}' });
      expect(response).toMatchObject({ status: 503, ok: false, statusText: 'Service Unavailable' });
      const copy = response.clone();
      expect(await response.text()).toBe('overloaded');
      expect(new TextDecoder().decode(await copy.arrayBuffer())).toBe('overloaded');
    } finally {
      fetcher.close();
    }
  });

  it('fails with a coded error when the subgraph is slow, answers too much, or is not there', async () => {
    const fetcher = nodeHttpFetcher({ timeoutMs: 150, maxResponseBytes: 1000 });
    try {
      handler = () => undefined; // never answers
      await expect(fetcher(`${base}/slow`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'SubgraphFetchError', code: 'SUBGRAPH_TIMEOUT' });
      handler = (_req, _body, res) => res.end('x'.repeat(5000));
      await expect(fetcher(`${base}/big`)).rejects.toMatchObject({ code: 'SUBGRAPH_RESPONSE_TOO_LARGE' });
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const refused = await fetcher(`http://127.0.0.1:${port}/graphql`).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SubgraphFetchError);
      expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
      await expect(fetcher('ftp://127.0.0.1/x')).rejects.toMatchObject({ code: 'UNSUPPORTED_PROTOCOL' });
    } finally {
      fetcher.close();
    }
  });

  it('stops when the caller aborts', async () => {
    const fetcher = nodeHttpFetcher();
    handler = () => undefined;
    const controller = new AbortController();
    try {
      const pending = fetcher(`${base}/graphql`, { method: 'POST', body: '{}', signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toBeInstanceOf(SubgraphFetchError);
    } finally {
      fetcher.close();
    }
  });
});
