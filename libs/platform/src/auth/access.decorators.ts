import { SetMetadata, applyDecorators } from '@nestjs/common';
import { Role } from '@gmdb/domain';

export const IS_PUBLIC = 'gmdb:auth:public';
export const ALLOW_ANONYMOUS = 'gmdb:auth:allow-anonymous';
export const REQUIRED_ROLES = 'gmdb:auth:roles';
export const REQUIRED_SCOPES = 'gmdb:auth:scopes';

/**
 * No authentication at all (health, metrics, public landing data): credentials are not even read
 * and the principal is anonymous.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Credentials are checked when present (a bad one is still 401), and a caller without any gets
 * the anonymous principal instead of a 401. For routes whose answer depends on who asks.
 */
export const AllowAnonymous = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOW_ANONYMOUS, true);

/** A user holding at least one of these roles (403 otherwise). */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles));

/**
 * An API key or researcher token holding all of these scopes (403 INSUFFICIENT_SCOPE otherwise).
 * Together with `@RequireRoles`, either a user with a role or a credential with the scopes passes.
 */
export const RequireScopes = (...scopes: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes));
