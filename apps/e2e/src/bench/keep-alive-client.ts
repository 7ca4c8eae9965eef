import { Agent, request } from 'node:http';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

export type JsonPoster = (url: string, headers: Record<string, string>, body: string) => Promise<JsonAnswer>;

/**
 * The load generator's HTTP client: node:http over keep-alive sockets (at most `sockets` open),
 * JSON in and out. It costs the shared cores about half of what `fetch` (undici: web streams,
 * Request/Response objects) costs per call, so on a small machine more of the CPU goes to the
 * system under test.
 */
export function keepAlivePoster(sockets: number): { post: JsonPoster; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const post: JsonPoster = (url, headers, body) =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
          } catch {
            reject(new Error(`${url}: HTTP ${res.statusCode} answered no JSON: ${text.slice(0, 200)}`));
          }
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** The same calls through `fetch`, as a frontend's code would make them (BENCH_CLIENT=fetch). */
export const fetchPoster: JsonPoster = async (url, headers, body) => {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
};
