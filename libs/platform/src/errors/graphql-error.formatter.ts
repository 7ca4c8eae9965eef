import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@gmdb/domain';
import { RequestContext } from '../context';
import type { Logger } from '../logging/logger.factory';
import { toEdgeError } from './edge-error';

type Extensions = Record<string, unknown>;

/** Extension keys that may carry internals (Apollo's dev stack traces, thrown objects). */
const UNSAFE_EXTENSIONS = ['stacktrace', 'exception', 'originalError'];

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError ? error.originalError : error;
}

function safeExtensions(ext: Extensions | undefined): Extensions {
  const out: Extensions = { ...(ext ?? {}) };
  for (const key of UNSAFE_EXTENSIONS) delete out[key];
  return out;
}

/**
 * Apollo's `formatError`: every error leaves with a stable `extensions.code`, the field `issues`
 * of a validation error, the correlation id, and never a stack trace or an internal message.
 * Errors already shaped by `GmdbExceptionFilter` (or GraphQL's own parse/validation errors, or a
 * subgraph's errors at the gateway) keep their code; anything else goes through the same
 * mapping as HTTP (`toEdgeError`). Pass a logger to have unexpected errors logged here too.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, logger?: Logger): GraphQLFormattedError {
  const original = originalOf(error);
  const correlationId = RequestContext.correlationId();
  const base: GraphQLFormattedError = {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };

  // Only a thrown Error is mapped here. At the gateway, `originalError` of a subgraph's error is
  // the subgraph's formatted error (a plain object): its code in `extensions` already is the answer.
  if (original instanceof Error && !(original instanceof GraphQLError)) {
    const edge = toEdgeError(original);
    if (edge.unexpected) logger?.error({ err: original, correlationId, code: edge.code }, 'graphql operation failed');
    return {
      ...base,
      message: edge.message,
      extensions: {
        code: edge.code,
        ...(edge.issues ? { issues: edge.issues } : {}),
        ...(correlationId ? { correlationId } : {}),
      },
    };
  }

  const extensions = safeExtensions(formatted.extensions as Extensions | undefined);
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : ErrorCode.INTERNAL;
  const internal = code === ErrorCode.INTERNAL || code === 'INTERNAL_SERVER_ERROR';
  return {
    ...base,
    message: internal ? 'An unexpected error occurred' : formatted.message,
    extensions: {
      ...extensions,
      code: code === 'INTERNAL_SERVER_ERROR' ? ErrorCode.INTERNAL : code,
      ...(correlationId && extensions['correlationId'] === undefined ? { correlationId } : {}),
    },
  };
}

/** `formatError: graphQLErrorFormatter(logger)` for Apollo driver options. */
export function graphQLErrorFormatter(logger?: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    formatGraphQLError(formatted, error, logger);
}
