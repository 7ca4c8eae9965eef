import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Histogram } from 'prom-client';
import { routeTemplate } from '../logging/route-template';
import { histogram } from './registry';

export const HTTP_DURATION_METRIC = 'gmdb_http_request_duration_seconds';

const APPLIED = Symbol('gmdb.http-metrics');

export function httpDurationHistogram(): Histogram<string> {
  return histogram(HTTP_DURATION_METRIC, 'HTTP request duration by method, route template and status', [
    'method',
    'route',
    'status_code',
  ]);
}

/**
 * Records each request in `gmdb_http_request_duration_seconds{method,route,status_code}` when the
 * response finishes. The route label is the template (`/api/v1/cases/:id`), never the raw URL,
 * so the label set stays bounded. Idempotent like the logging middleware.
 */
export function httpMetricsMiddleware(): RequestHandler {
  const metric = httpDurationHistogram();
  return (req: Request, res: Response, next: NextFunction) => {
    const marked = req as Request & { [APPLIED]?: true };
    if (marked[APPLIED]) return next();
    marked[APPLIED] = true;
    const stop = metric.startTimer();
    res.once('finish', () => {
      stop({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) });
    });
    next();
  };
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly handler = httpMetricsMiddleware();
  use(req: Request, res: Response, next: NextFunction): void {
    void this.handler(req, res, next);
  }
}
