/** A small JSON client for integration tests of case-service. */
export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type ErrorBody = { error: { code: string; message: string; issues?: { path: string; code: string }[] } };

export function httpClient(baseUrl: string, defaultHeaders: Record<string, string> = {}) {
  const send = async <T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> => {
    const init: RequestInit = { method, headers: { ...defaultHeaders, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };
  return {
    get: <T = unknown>(path: string, headers?: Record<string, string>) => send<T>('GET', path, undefined, headers),
    post: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, headers),
    patch: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) => send<T>('PATCH', path, body, headers),
    delete: <T = unknown>(path: string, headers?: Record<string, string>) => send<T>('DELETE', path, undefined, headers),
  };
}

export const apiKeyHeader = (key: string) => ({ authorization: `ApiKey ${key}` });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
