/** Credentials of one caller: a user JWT or an institution API key. */
export type Caller = { token: string } | { apiKey: string } | undefined;

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  ms: number;
}

export interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
  ms: number;
}

function authorization(caller: Caller): Record<string, string> {
  if (!caller) return {};
  return 'token' in caller ? { authorization: `Bearer ${caller.token}` } : { authorization: `ApiKey ${caller.apiKey}` };
}

/** One JSON request; the body is parsed when there is one. */
export async function http<T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  options: { caller?: Caller; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...authorization(options.caller),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers, ms };
}

/** One GraphQL operation against `<base>/graphql`. */
export async function graphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller?: Caller,
): Promise<GraphQLAnswer<T>> {
  const answer = await http<{ data?: T | null; errors?: GraphQLError[] }>('POST', `${baseUrl}/graphql`, {
    caller,
    body: { query, variables },
  });
  return { status: answer.status, data: answer.body.data, errors: answer.body.errors, ms: answer.ms };
}
