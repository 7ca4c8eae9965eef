import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { RequestContext } from '@gmdb/platform';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { QueryLimits } from '../protection/query-limits';
import { queryLimitsPlugin } from '../protection/query-limits.plugin';
import { ForwardingDataSource, type GatewayContext, type IncomingRequest, forwardedFor } from './forwarding-data-source';
import { nodeHttpFetcher } from './node-http.fetcher';
import { supergraphSource } from './supergraph-source';

const SUBGRAPH_FETCHER = Symbol.for('gmdb.gateway.SubgraphFetcher');

export interface GatewayGraphQLOptions {
  mode: 'standalone' | 'distributed';
  /** The committed supergraph, served in distributed mode. */
  supergraphFile: string;
  subgraphs: { name: string; url: string }[];
  /** Introspection and the sandbox landing page (never in production). */
  development: boolean;
  /** Longest wait for one subgraph call. */
  subgraphTimeoutMs: number;
  limits: QueryLimits;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Apollo Gateway (Federation 2) at /graphql over the case, consent and doi subgraphs. */
@Module({})
export class GatewayGraphQLModule implements OnApplicationShutdown {
  constructor(@Inject(SUBGRAPH_FETCHER) private readonly fetcher: ReturnType<typeof nodeHttpFetcher>) {}

  static forRoot(options: GatewayGraphQLOptions): DynamicModule {
    const urlByName = new Map(options.subgraphs.map((s) => [s.name, s.url]));
    // One keep-alive fetcher for every subgraph call of this process.
    const fetcher = nodeHttpFetcher({ timeoutMs: options.subgraphTimeoutMs });
    return {
      module: GatewayGraphQLModule,
      providers: [{ provide: SUBGRAPH_FETCHER, useValue: fetcher }],
      imports: [
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            introspection: options.development,
            formatError: options.formatError,
            plugins: [
              queryLimitsPlugin(options.limits),
              ...(options.development ? [] : [ApolloServerPluginLandingPageDisabled()]),
            ],
            context: ({ req }: { req: IncomingRequest }): GatewayContext => ({
              authorization: firstHeader(req.headers.authorization),
              apiKey: firstHeader(req.headers['x-api-key']),
              correlationId: RequestContext.correlationId() ?? firstHeader(req.headers['x-correlation-id']),
              forwardedFor: forwardedFor(req),
            }),
          },
          gateway: {
            supergraphSdl: supergraphSource(options.mode, options.supergraphFile, options.subgraphs),
            // The supergraph file names each subgraph; where it runs is this deployment's config.
            buildService: ({ name, url }) => new ForwardingDataSource({ url: urlByName.get(name) ?? url, fetcher }),
          },
        }),
      ],
    };
  }

  onApplicationShutdown(): void {
    this.fetcher.close();
  }
}
