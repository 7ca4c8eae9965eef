/** POSTs one GraphQL operation to a subgraph. */
export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; issues?: { path: string; code: string }[] } }[];
}

export async function graphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}
