import type { ApolloServerPlugin } from '@apollo/server';
import { checkOperation, measureOperation, type QueryLimits } from './query-limits';

/**
 * Refuses an operation that is too deep, too costly or asks for too large a page, before the
 * gateway plans it, so no subgraph does any work for it.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ document, operation, request }) => {
        if (!operation) return;
        const measure = measureOperation(document, operation, request.variables ?? {}, limits);
        const [first] = checkOperation(measure, limits);
        if (first) throw first;
      },
    }),
  };
}
