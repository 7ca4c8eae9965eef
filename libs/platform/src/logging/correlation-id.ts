import type { Request, Response } from 'express';
import { CORRELATION_HEADER, RequestContext } from '../context';

const VALID = /^[A-Za-z0-9._-]{1,128}$/;

/** A caller-supplied correlation id is kept only if it is 1..128 characters of [A-Za-z0-9._-]. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && VALID.test(value);
}

/**
 * The correlation id of this request: the one already on the response, else the caller's
 * `x-correlation-id` when valid, else a new one. It is set on the response header so that
 * every answer (errors from body parsing included) carries it.
 */
export function correlationIdFor(req: Request, res: Response): string {
  const onResponse = res.getHeader(CORRELATION_HEADER);
  if (isValidCorrelationId(onResponse)) return onResponse;
  const header = req.headers[CORRELATION_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  const id = isValidCorrelationId(candidate) ? candidate : RequestContext.newCorrelationId();
  if (!res.headersSent) res.setHeader(CORRELATION_HEADER, id);
  return id;
}
