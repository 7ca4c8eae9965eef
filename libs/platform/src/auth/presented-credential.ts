import type { Request } from 'express';
import { RESEARCHER_TOKEN_PREFIX } from './opaque-credential.token';

/** What the caller presented, read from `Authorization` or `X-API-Key`. */
export type PresentedCredential =
  | { kind: 'none' }
  | { kind: 'jwt'; token: string }
  | { kind: 'api-key'; key: string }
  | { kind: 'researcher-token'; token: string }
  | { kind: 'unsupported' };

const SCHEME = /^(\S+)\s+(\S+)\s*$/;

/**
 * `Authorization: Bearer <jwt>` (user), `Authorization: Bearer gmdb_rt_...` (researcher token),
 * `Authorization: ApiKey <key>` or `X-API-Key: <key>` (institution).
 */
export function presentedCredential(req: Request): PresentedCredential {
  const authorization = req.headers.authorization;
  const apiKeyHeader = req.headers['x-api-key'];
  const apiKey = Array.isArray(apiKeyHeader) ? apiKeyHeader[0] : apiKeyHeader;
  if (authorization) {
    const match = SCHEME.exec(authorization.trim());
    if (!match) return { kind: 'unsupported' };
    const [, scheme, value] = match;
    switch (scheme.toLowerCase()) {
      case 'bearer':
        return value.startsWith(RESEARCHER_TOKEN_PREFIX) ? { kind: 'researcher-token', token: value } : { kind: 'jwt', token: value };
      case 'apikey':
        return { kind: 'api-key', key: value };
      default:
        return { kind: 'unsupported' };
    }
  }
  if (apiKey && apiKey.trim() !== '') return { kind: 'api-key', key: apiKey.trim() };
  return { kind: 'none' };
}
