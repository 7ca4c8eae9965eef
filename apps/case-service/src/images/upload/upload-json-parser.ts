import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Request, type RequestHandler, json } from 'express';
import { APP_CONFIG } from '@gmdb/platform';
import type { CaseServiceConfig } from '../../config/case-service.config';
import { base64JsonLimit } from './upload-limits';

/** POST routes that take a base64 JSON file upload. */
export const UPLOAD_ROUTES: readonly RegExp[] = [
  /^\/api\/v1\/cases\/[^/]+\/images\/?$/,
  /^\/api\/v1\/cases\/[^/]+\/documents\/?$/,
  /^\/api\/v1\/analyses\/?$/,
];

function isUploadRoute(req: Request): boolean {
  return req.method === 'POST' && UPLOAD_ROUTES.some((route) => route.test(req.path));
}

/** A JSON parser for the upload routes only, sized for a base64 file of `maxBytes`. */
export function uploadJsonParser(maxBytes: number): RequestHandler {
  const parse = json({ limit: base64JsonLimit(maxBytes) });
  return (req, res, next) => (isUploadRoute(req) ? parse(req, res, next) : next());
}

interface RouterLike {
  stack: unknown[];
}

/**
 * Puts the upload JSON parser in front of the app-wide JSON parser (GMDB_BODY_LIMIT, 1 MB by
 * default), which would refuse a base64 photo with 413 before any route sees it; once this one
 * has read a body, the app-wide parser skips the request. The platform registers its parsers
 * before `configure` runs, so this moves its own layer to the front of Express's router.
 * (A per-route body limit in the platform would make this unnecessary.)
 */
export function installUploadJsonParser(app: NestExpressApplication): void {
  const config = app.get<CaseServiceConfig>(APP_CONFIG);
  app.use(uploadJsonParser(config.CASE_MAX_UPLOAD_BYTES));
  const router = (app.getHttpAdapter().getInstance() as { router?: RouterLike }).router;
  if (!router || !Array.isArray(router.stack)) throw new Error('installUploadJsonParser: the Express router has no layer stack');
  const layer = router.stack.pop();
  router.stack.unshift(layer);
}
