import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';

export interface SubgraphModuleOptions {
  /**
   * The subgraph's SDL (schema-first). Schema-first on purpose: standalone mode runs the three
   * subgraphs in one process, and code-first types live in one process-wide registry, where a
   * `Case` stub of one subgraph would leak into another's schema.
   */
  typeDefs: string;
  /** Introspection on outside production (the gateway composes from it in development). */
  introspection: boolean;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** An Apollo Federation 2 subgraph at POST /graphql. The request is in the context as `req`. */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphModuleOptions): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          typeDefs: options.typeDefs,
          path: '/graphql',
          playground: false,
          introspection: options.introspection,
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: options.formatError,
          // Inline traces (ftv1) are for Apollo Studio, which GMDB does not use.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
        }),
      ],
    };
  }
}
