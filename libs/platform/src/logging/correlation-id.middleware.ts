import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RequestContext } from '../context';
import { correlationIdFor } from './correlation-id';

const APPLIED = Symbol('gmdb.correlation-id');

/**
 * Express middleware: establishes the request's correlation id (see `correlationIdFor`) and runs the
 * rest of the request inside `RequestContext.run`, so logs, outbox rows and jobs carry it.
 * Idempotent: installing it both with `app.use()` and through `LoggingModule` runs it once.
 */
export function correlationIdMiddleware(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const marked = req as Request & { [APPLIED]?: true };
    if (marked[APPLIED] && RequestContext.current()) return next();
    marked[APPLIED] = true;
    RequestContext.run({ correlationId: correlationIdFor(req, res) }, next);
  };
}

@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  private readonly handler = correlationIdMiddleware();
  use(req: Request, res: Response, next: NextFunction): void {
    this.handler(req, res, next);
  }
}
