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
