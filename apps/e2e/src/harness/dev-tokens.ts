import type { Role } from '@gmdb/domain';
import { DEV_JWT_SECRET, DevTokenIssuer } from '@gmdb/platform';

const issuer = new DevTokenIssuer({ secret: DEV_JWT_SECRET });

/** A JWT for the development secret every e2e system runs with (AUTH_JWT_SECRET). */
export function devToken(subject: string, roles: Role[], extra: { institutionId?: string; caseIds?: string[] } = {}): Promise<string> {
  return issuer.issue({ subject, roles, ...extra, expiresIn: '1h' });
}
