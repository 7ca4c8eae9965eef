import { IntrospectAndCompose } from '@apollo/gateway';
import { RequestContext } from '@gmdb/platform';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import { ForwardingDataSource, type GatewayContext } from './forwarding-data-source';

export interface GatewayGraphQLOptions {
  subgraphs: { name: string; url: string }[];
  introspection: boolean;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Apollo Gateway (Federation 2) at /graphql over the case, consent and doi subgraphs. */
@Module({})
export class GatewayGraphQLModule {
  static forRoot(options: GatewayGraphQLOptions): DynamicModule {
    return {
      module: GatewayGraphQLModule,
      imports: [
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            introspection: options.introspection,
            formatError: options.formatError,
            context: ({ req }: { req: IncomingRequest }): GatewayContext => ({
              authorization: firstHeader(req.headers.authorization),
              correlationId: RequestContext.correlationId() ?? firstHeader(req.headers['x-correlation-id']),
            }),
          },
          gateway: {
            supergraphSdl: new IntrospectAndCompose({ subgraphs: options.subgraphs }),
            buildService: ({ url }) => new ForwardingDataSource({ url }),
          },
        }),
      ],
    };
  }
}
