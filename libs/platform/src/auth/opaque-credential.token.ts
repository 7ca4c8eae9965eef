import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OpaqueCredentialKind } from './opaque-credential.entity';

const TAG_BY_KIND: Record<OpaqueCredentialKind, string> = {
  'institution-api-key': 'ak',
  'researcher-token': 'rt',
};

/** `gmdb_ak_<16 hex prefix>_<43 base64url secret>` (API key) or `gmdb_rt_...` (researcher token). */
const FORMAT = /^gmdb_(ak|rt)_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export const RESEARCHER_TOKEN_PREFIX = 'gmdb_rt_';
export const INSTITUTION_API_KEY_PREFIX = 'gmdb_ak_';

export interface ParsedOpaqueToken {
  kind: OpaqueCredentialKind;
  prefix: string;
  secret: string;
}

/** A fresh token: a public lookup prefix and 256 bits of secret. */
export function generateOpaqueToken(kind: OpaqueCredentialKind): ParsedOpaqueToken & { token: string } {
  const prefix = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { kind, prefix, secret, token: `gmdb_${TAG_BY_KIND[kind]}_${prefix}_${secret}` };
}

export function parseOpaqueToken(token: string): ParsedOpaqueToken | undefined {
  const match = FORMAT.exec(token);
  if (!match) return undefined;
  const kind = match[1] === 'ak' ? 'institution-api-key' : 'researcher-token';
  return { kind, prefix: match[2], secret: match[3] };
}

/** Hex SHA-256: the secret has 256 bits of entropy, so a fast hash is enough (no password stretching). */
export function hashOpaqueSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function opaqueSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashOpaqueSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
