import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` while `globalThis.fetch` also serves `file://` URLs (Node's fetch throws
 * "not implemented" for them; tfjs model loading goes through fetch). Every other URL is passed
 * to the original fetch, and the original is put back when `fn` settles. Calls are serialised so
 * two loads never stack patches.
 */
export function withFileFetch<T>(fn: () => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const original = globalThis.fetch;
    const patched: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith('file://')) return original(input, init);
      try {
        const body = await readFile(fileURLToPath(url));
        return new Response(body, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
      } catch {
        return new Response(null, { status: 404, statusText: `not found: ${url}` });
      }
    };
    globalThis.fetch = patched;
    try {
      return await fn();
    } finally {
      globalThis.fetch = original;
    }
  };
  const result = chain.then(run, run);
  chain = result.catch(() => undefined);
  return result;
}
