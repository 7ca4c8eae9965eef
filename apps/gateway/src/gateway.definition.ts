import { defineHttpService, graphQLErrorFormatter } from '@gmdb/platform';
import { gatewayConfigSchema, subgraphsOf } from './config/gateway.config';
import { GatewayGraphQLModule } from './federation/gateway-graphql.module';

/** gateway: one Federation 2 supergraph over the case, consent and doi subgraphs. */
export const gatewayDefinition = defineHttpService({
  name: 'gateway',
  configSchema: gatewayConfigSchema,
  port: (config) => config.GATEWAY_PORT,
  imports: (config, deps) => [
    GatewayGraphQLModule.forRoot({
      subgraphs: subgraphsOf(config, deps.subgraphs),
      introspection: config.NODE_ENV !== 'production',
      formatError: graphQLErrorFormatter(deps.logger),
    }),
  ],
});
