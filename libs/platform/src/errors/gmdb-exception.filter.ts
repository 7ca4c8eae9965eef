import { ArgumentsHost, Catch, ExceptionFilter, Inject, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { RequestContext } from '../context';
import { correlationIdFor } from '../logging/correlation-id';
import type { Logger } from '../logging/logger.factory';
import { LOGGER } from '../logging/logging.constants';
import { EdgeError, errorResponseBody, toEdgeError } from './edge-error';

/**
 * The one place errors leave a service. HTTP: `{ error: { code, message, issues?, correlationId } }`
 * with the status of the code table. GraphQL: a `GraphQLError` whose extensions carry the same
 * code, issues and correlation id (see also `formatGraphQLError`). Unexpected errors are logged
 * with their stack and the correlation id; the caller only sees `INTERNAL`.
 *
 * Register with `{ provide: APP_FILTER, useClass: GmdbExceptionFilter }` (ErrorsModule does) or
 * `app.useGlobalFilters(new GmdbExceptionFilter(logger))`.
 */
@Catch()
export class GmdbExceptionFilter implements ExceptionFilter {
  constructor(@Optional() @Inject(LOGGER) private readonly logger?: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    const edge = toEdgeError(exception);
    const type = host.getType<'http' | 'graphql' | 'rpc' | 'ws'>();
    if (type === 'http') {
      const res = host.switchToHttp().getResponse<Response>();
      const req = host.switchToHttp().getRequest<Request>();
      const correlationId = RequestContext.correlationId() ?? correlationIdFor(req, res);
      this.log(edge, exception, correlationId);
      if (res.headersSent) {
        res.end();
        return;
      }
      if (edge.status === 401) res.setHeader('www-authenticate', 'Bearer realm="gmdb", ApiKey realm="gmdb"');
      res.status(edge.status).json(errorResponseBody(edge, correlationId));
      return;
    }
    const correlationId = RequestContext.correlationId();
    this.log(edge, exception, correlationId);
    if (type === 'graphql') return toGraphQLError(edge, correlationId);
    throw exception;
  }

  private log(edge: EdgeError, exception: unknown, correlationId: string | undefined): void {
    if (!this.logger) return;
    if (edge.unexpected) {
      this.logger.error({ err: exception, correlationId, code: edge.code, status: edge.status }, 'request failed');
    } else {
      this.logger.debug({ correlationId, code: edge.code, status: edge.status }, 'request rejected');
    }
  }
}

/** A GraphQL error carrying the stable code; never a stack. */
export function toGraphQLError(edge: EdgeError, correlationId: string | undefined): GraphQLError {
  return new GraphQLError(edge.message, {
    extensions: {
      code: edge.code,
      ...(edge.issues ? { issues: edge.issues } : {}),
      ...(correlationId ? { correlationId } : {}),
    },
  });
}
