/** Small HTTP helpers for the images integration tests. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  bytes: Buffer;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; code: string; message: string }[] };
}

async function answer<T>(response: Response): Promise<Answer<T>> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : {}) as T;
  return { status: response.status, body, headers: response.headers, bytes };
}

export function auth(token?: string): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function postMultipart<T>(
  url: string,
  token: string | undefined,
  file: Buffer | undefined,
  fields: Record<string, string>,
  options: { fileName?: string; fileType?: string; fileField?: string } = {},
): Promise<Answer<T>> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append(options.fileField ?? 'file', new Blob([file], { type: options.fileType ?? 'image/jpeg' }), options.fileName ?? 'photo.jpg');
  return answer<T>(await fetch(url, { method: 'POST', headers: auth(token), body: form }));
}

export async function postJson<T>(url: string, token: string | undefined, body: unknown, contentType = 'application/json'): Promise<Answer<T>> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return answer<T>(await fetch(url, { method: 'POST', headers: { ...auth(token), 'content-type': contentType }, body: text }));
}

export async function postRaw<T>(url: string, token: string | undefined, body: Buffer, contentType: string): Promise<Answer<T>> {
  return answer<T>(await fetch(url, { method: 'POST', headers: { ...auth(token), 'content-type': contentType }, body }));
}

export async function get<T>(url: string, token?: string): Promise<Answer<T>> {
  return answer<T>(await fetch(url, { headers: auth(token) }));
}

export async function del<T>(url: string, token?: string): Promise<Answer<T>> {
  return answer<T>(await fetch(url, { method: 'DELETE', headers: auth(token) }));
}
