import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RequestContext } from '../context';
import { correlationIdFor } from './correlation-id';
import { LOGGER } from './logging.constants';
import type { Logger } from './logger.factory';
import { routeTemplate } from './route-template';

const APPLIED = Symbol('gmdb.access-log');

/**
 * One `http request` line per request when the response is finished or the connection closes:
 * method, route template, status, duration and correlation id. No URL, query string, headers or body.
 */
export function accessLogMiddleware(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const marked = req as Request & { [APPLIED]?: true };
    if (marked[APPLIED]) return next();
    marked[APPLIED] = true;
    const started = process.hrtime.bigint();
    const correlationId = RequestContext.correlationId() ?? correlationIdFor(req, res);
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const http = {
        method: req.method,
        route: routeTemplate(req),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 1000) / 1000,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      logger.info({ http, correlationId }, 'http request');
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
}

@Injectable()
export class AccessLogMiddleware implements NestMiddleware {
  private readonly handler: RequestHandler;
  constructor(@Inject(LOGGER) logger: Logger) {
    this.handler = accessLogMiddleware(logger);
  }
  use(req: Request, res: Response, next: NextFunction): void {
    void this.handler(req, res, next);
  }
}
