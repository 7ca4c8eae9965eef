import type { Request } from 'express';

const STATIC_MOUNT = /^(\/[A-Za-z_-]+)+$/;

/**
 * The route template that handled a request (`/api/v1/cases/:id`), never the raw URL: safe as a
 * metric label and in logs (no ids, no tokens, no query string). `/graphql` and other static mounts
 * are named by their mount path; anything else is `unmatched`.
 */
export function routeTemplate(req: Request): string {
  const route: unknown = (req as { route?: unknown }).route;
  const path = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  if (typeof path === 'string') return `${req.baseUrl ?? ''}${path}` || '/';
  if (typeof req.baseUrl === 'string' && STATIC_MOUNT.test(req.baseUrl)) return req.baseUrl;
  return 'unmatched';
}
