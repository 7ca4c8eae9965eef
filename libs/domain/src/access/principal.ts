import { Role } from './role';

/**
 * Who is calling, as established by the edge (JWT, institution API key or researcher token).
 * `anonymous` has no subject. Services pass this to the access policy; they never inspect
 * tokens themselves.
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; subject: string; roles: Role[]; institutionId?: string; caseIds?: string[] }
  | { kind: 'institution'; institutionId: string; keyId: string; scopes: string[] }
  | { kind: 'researcher-token'; subject: string; tokenId: string; scopes: string[]; releaseIds: string[] };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function hasRole(p: Principal, role: Role): boolean {
  return p.kind === 'user' && p.roles.includes(role);
}
