import { DomainError, ErrorCode, Principal, Role } from '@gmdb/domain';

export interface RouteAccess {
  roles: Role[];
  scopes: string[];
}

/**
 * Whether a principal may use a route with these requirements; throws 401 for an anonymous
 * caller, 403 FORBIDDEN for a missing role and 403 INSUFFICIENT_SCOPE for a missing scope.
 */
export function authorizePrincipal(principal: Principal, access: RouteAccess): void {
  const { roles, scopes } = access;
  if (roles.length === 0 && scopes.length === 0) return;
  if (principal.kind === 'anonymous') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
  if (principal.kind === 'user') {
    if (roles.some((r) => principal.roles.includes(r))) return;
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      roles.length > 0 ? `Requires one of the roles: ${roles.join(', ')}` : 'Requires an API key or token',
    );
  }
  if (scopes.length === 0) throw new DomainError(ErrorCode.FORBIDDEN, `Requires a user with one of the roles: ${roles.join(', ')}`);
  const missing = scopes.filter((s) => !principal.scopes.includes(s));
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.INSUFFICIENT_SCOPE, `Missing scope: ${missing.join(', ')}`, { requiredScopes: scopes });
  }
}
