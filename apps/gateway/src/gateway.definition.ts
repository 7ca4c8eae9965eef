import { defineHttpService, graphQLErrorFormatter } from '@gmdb/platform';
import { gatewayConfigSchema, subgraphsOf } from './config/gateway.config';
import { GatewayGraphQLModule } from './federation/gateway-graphql.module';
import { ProtectionModule } from './protection/protection.module';

/** gateway: one Federation 2 supergraph over the case, consent and doi subgraphs. */
export const gatewayDefinition = defineHttpService({
  name: 'gateway',
  configSchema: gatewayConfigSchema,
  port: (config) => config.GATEWAY_PORT,
  // GraphQL answers are POST results: an ETag (a hash of every body) would cost CPU and serve nothing.
  configure: (app) => {
    app.set('etag', false);
  },
  imports: (config, deps) => [
    ProtectionModule.forRoot(config),
    GatewayGraphQLModule.forRoot({
      mode: config.GMDB_MODE,
      supergraphFile: config.GATEWAY_SUPERGRAPH_FILE,
      subgraphs: subgraphsOf(config, deps.subgraphs),
      development: config.NODE_ENV !== 'production',
      subgraphTimeoutMs: config.GATEWAY_SUBGRAPH_TIMEOUT_MS,
      limits: {
        maxDepth: config.GATEWAY_MAX_DEPTH,
        maxCost: config.GATEWAY_MAX_COST,
        maxPageSize: config.GATEWAY_MAX_PAGE_SIZE,
        defaultPageSize: Math.min(20, config.GATEWAY_MAX_PAGE_SIZE),
      },
      formatError: graphQLErrorFormatter(deps.logger),
    }),
  ],
});
