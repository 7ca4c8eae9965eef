import { createHash, randomBytes } from 'node:crypto';

/** Invitation tokens: `gmdb_ci_` + 32 random bytes (base64url). Only the SHA-256 is stored. */
export const INVITATION_TOKEN_PREFIX = 'gmdb_ci_';
const TOKEN_SHAPE = /^gmdb_ci_[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(): string {
  return `${INVITATION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a presented token could be one of ours (anything else is refused without a lookup). */
export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
