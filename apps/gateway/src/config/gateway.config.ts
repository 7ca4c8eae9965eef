import { createConfigSchema, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

const subgraphUrl = (name: string, port: number) =>
  env.url(`GraphQL endpoint of ${name} (the gateway composes it)`, ['http', 'https']).default(`http://127.0.0.1:${port}/graphql`);

export const gatewayConfigSchema = createConfigSchema({
  ...httpConfigFields,
  GATEWAY_PORT: env.int('HTTP port of the gateway (GraphQL at /graphql)', { min: 0, max: 65535 }).default(4000),
  GATEWAY_CASE_URL: subgraphUrl('case-service', 4001),
  GATEWAY_CONSENT_URL: subgraphUrl('consent-service', 4002),
  GATEWAY_DOI_URL: subgraphUrl('doi-service', 4003),
  GATEWAY_SUPERGRAPH_FILE: env
    .string('Composed supergraph SDL served in distributed mode (standalone composes from the live subgraphs)')
    .default('apps/gateway/supergraph.graphql'),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: env
    .int('Longest wait for a subgraph call (connect, send and the whole answer), in ms', { min: 100, max: 600_000 })
    .default(30_000),
  GATEWAY_MAX_DEPTH: env.int('Deepest field nesting a query may have', { min: 2, max: 100 }).default(12),
  GATEWAY_MAX_COST: env
    .int('Largest estimated query cost (1 per field, times the page sizes of enclosing lists)', { min: 10 })
    .default(20_000),
  GATEWAY_MAX_PAGE_SIZE: env.int('Largest first/last/limit a list field may ask for', { min: 1, max: 10_000 }).default(100),
  GATEWAY_RATE_LIMIT: env.int('Requests per caller (user, API key or IP) and window', { min: 1 }).default(600),
  GATEWAY_RATE_WINDOW_SECONDS: env.int('Length of the rate-limit window in seconds', { min: 1, max: 3600 }).default(60),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** The subgraphs in composition order, from config or (standalone) from the ports actually bound. */
export function subgraphsOf(
  config: GatewayConfig,
  override?: { name: string; url: string }[],
): { name: string; url: string }[] {
  return (
    override ?? [
      { name: 'case', url: config.GATEWAY_CASE_URL },
      { name: 'consent', url: config.GATEWAY_CONSENT_URL },
      { name: 'doi', url: config.GATEWAY_DOI_URL },
    ]
  );
}
