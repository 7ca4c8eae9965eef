import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { Authenticator } from 'passport';
import { ANONYMOUS, DomainError, ErrorCode, Principal, Role } from '@gmdb/domain';
import { ApiKeyStrategy } from './api-key.strategy';
import { ALLOW_ANONYMOUS, IS_PUBLIC, REQUIRED_ROLES, REQUIRED_SCOPES } from './access.decorators';
import { API_KEY_STRATEGY, JWT_STRATEGY, RESEARCHER_TOKEN_STRATEGY } from './auth.constants';
import { authorizePrincipal } from './authorize-principal';
import { JwtBearerStrategy } from './jwt-bearer.strategy';
import { presentedCredential } from './presented-credential';
import { PrincipalRequest, httpOfContext } from './request-of-context';
import { ResearcherTokenStrategy } from './researcher-token.strategy';

/**
 * The global guard: authenticates the caller through the passport strategy that fits the
 * presented credential, sets the principal on the request (`@CurrentPrincipal()`), then checks
 * `@RequireRoles` / `@RequireScopes`. A private passport instance keeps apps that share one
 * process (standalone mode) from overwriting each other's strategies.
 */
@Injectable()
export class GmdbAuthGuard implements CanActivate {
  private readonly passport = new Authenticator();

  constructor(
    private readonly reflector: Reflector,
    jwt: JwtBearerStrategy,
    @Optional() private readonly apiKeys?: ApiKeyStrategy,
    @Optional() private readonly researcherTokens?: ResearcherTokenStrategy,
  ) {
    this.passport.use(JWT_STRATEGY, jwt);
    if (apiKeys) this.passport.use(API_KEY_STRATEGY, apiKeys);
    if (researcherTokens) this.passport.use(RESEARCHER_TOKEN_STRATEGY, researcherTokens);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<'http' | 'graphql' | 'rpc' | 'ws'>();
    if (type !== 'http' && type !== 'graphql') return true; // queue consumers authenticate otherwise
    const { req, res } = httpOfContext(context);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (req) req.user = ANONYMOUS;
      return true;
    }
    if (!req) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'No request to authenticate');
    const principal = await this.authenticate(req, res, this.reflector.getAllAndOverride<boolean>(ALLOW_ANONYMOUS, targets) ?? false);
    req.user = principal;
    authorizePrincipal(principal, {
      roles: this.reflector.getAllAndMerge<Role[]>(REQUIRED_ROLES, targets) ?? [],
      scopes: this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES, targets) ?? [],
    });
    return true;
  }

  private async authenticate(req: PrincipalRequest, res: Response | undefined, allowAnonymous: boolean): Promise<Principal> {
    const credential = presentedCredential(req);
    switch (credential.kind) {
      case 'none':
        if (allowAnonymous) return ANONYMOUS;
        throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
      case 'unsupported':
        throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Unsupported Authorization header; use Bearer or ApiKey');
      case 'jwt':
        return this.run(JWT_STRATEGY, req, res);
      case 'api-key':
        if (!this.apiKeys) throw new DomainError(ErrorCode.API_KEY_INVALID, 'This service does not accept API keys');
        return this.run(API_KEY_STRATEGY, req, res);
      case 'researcher-token':
        if (!this.researcherTokens) throw new DomainError(ErrorCode.API_KEY_INVALID, 'This service does not accept researcher tokens');
        return this.run(RESEARCHER_TOKEN_STRATEGY, req, res);
    }
  }

  private run(strategy: string, req: PrincipalRequest, res: Response | undefined): Promise<Principal> {
    return new Promise<Principal>((resolve, reject) => {
      const middleware = this.passport.authenticate(strategy, { session: false }, (err: unknown, user: unknown) => {
        if (err) return reject(err);
        if (!user) return reject(new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required'));
        resolve(user as Principal);
      }) as (req: PrincipalRequest, res: Response | undefined, next: (err?: unknown) => void) => void;
      middleware(req, res, (err) => reject(err ?? new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required')));
    });
  }
}
